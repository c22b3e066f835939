"""Signal handlers that make cached pages stale when public content changes.

Connected in `HomeConfig.ready()`. A publish, move, delete, setting, snippet, image or
restriction change bumps the site-wide generation (listings, the home page and both
languages change at once). A model whose changes are narrower names its own scopes with a
`cache_scopes()` method (e.g. an event registration: its event and the event listing).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .generations import bump

# A draft save only touches these columns of a live page: nothing public changes.
DRAFT_ONLY_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
}


def _page_published(sender, instance, **kwargs):
    bump(reason=f"published {instance.pk}")


def _page_unpublished(sender, instance, **kwargs):
    bump(reason=f"unpublished {instance.pk}")


def _page_moved(sender, instance, **kwargs):
    bump(reason=f"moved {instance.pk}")


def _page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    """Pages changed in code (loaders, `add_child`, bulk generators) without a publish."""
    if raw or not isinstance(instance, Page) or not instance.live:
        return
    if update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    bump(reason=f"saved live page {instance.pk}")


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump(reason=f"deleted page {instance.pk}")


def _model_changed(sender, instance, raw=False, **kwargs):
    """Models with their own scopes; snippets, settings, images, documents and sites."""
    if raw:
        return
    scopes = getattr(instance, "cache_scopes", None)
    if scopes is not None:  # () for admin-only data that no public page shows
        if scopes():
            bump(*scopes(), reason=f"{sender._meta.label} {instance.pk}")
    elif _is_public_dependency(sender):
        bump(reason=f"{sender._meta.label} {instance.pk}")


def _is_public_dependency(model):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    if issubclass(model, (BaseSiteSetting, BaseGenericSetting, Site, PageViewRestriction)):
        return True  # a restriction makes cached public pages (and home/caching/privacy.py) stale
    if model in (get_image_model(), get_document_model()):
        return True
    return model in get_snippet_models()


def connect():
    from wagtail import hooks

    from .pages import remember_served_page

    hooks.register("before_serve_page", remember_served_page)
    page_published.connect(_page_published, dispatch_uid="pagecache_published")
    page_unpublished.connect(_page_unpublished, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="pagecache_moved")
    # Page subclasses send post_save/post_delete with their own class: connect without sender.
    post_save.connect(_page_saved, dispatch_uid="pagecache_page_saved")
    post_delete.connect(_page_deleted, dispatch_uid="pagecache_page_deleted")
    post_save.connect(_model_changed, dispatch_uid="pagecache_model_saved")
    post_delete.connect(_model_changed, dispatch_uid="pagecache_model_deleted")
