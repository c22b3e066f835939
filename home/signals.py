"""Keep role grants complete: after every migrate, and when a section page (or a translation or
alias of one) is created, since each locale has its own page tree. After every migrate the
Site record also follows SITE_URL."""

from django.db.models.signals import post_migrate, post_save, pre_delete, pre_save
from django.dispatch import receiver

from .permissions import ROOT_TYPES, SECTION_TYPES

_GRANTED_TYPES = {f"{app}.{model}" for app, model in SECTION_TYPES + ROOT_TYPES}


@receiver(post_migrate, dispatch_uid="home_ensure_roles")
def ensure_roles_after_migrate(sender, **kwargs):
    if sender.name != "home":
        return
    from wagtail import hooks

    from .permissions import ensure_roles, ensure_runtime_permissions

    hooks.search_for_hooks()  # snippets registered in wagtail_hooks modules
    ensure_roles()
    ensure_runtime_permissions()


@receiver(post_migrate, dispatch_uid="home_sync_site_url")
def sync_site_after_migrate(sender, using="default", **kwargs):
    """Wagtail's Site record follows SITE_URL (home/site_url.py)."""
    if sender.name != "home":
        return
    from .site_url import sync_site_record

    sync_site_record(using)


@receiver(post_save, dispatch_uid="home_section_permissions")
def grant_on_new_section(sender, instance, created, raw=False, **kwargs):
    if not created or raw or sender._meta.label_lower not in _GRANTED_TYPES:
        return
    from .permissions import ensure_section_permissions

    ensure_section_permissions()


@receiver(pre_save, dispatch_uid="home_case_default_organisation")
def case_defaults_to_editors_organisation(sender, instance, raw=False, **kwargs):
    """A case created by a guest editor is carried out by their organisation unless they chose
    another one (the fact box's "Wer")."""
    if raw or instance.pk or sender._meta.label_lower != "cases.casepage":
        return
    if instance.organisation_id or not instance.owner_id:
        return
    from .models import EditorProfile

    profile = (
        EditorProfile.objects.filter(user_id=instance.owner_id).only("organisation_id").first()
    )
    if profile and profile.organisation_id:
        instance.organisation_id = profile.organisation_id


@receiver(pre_delete, dispatch_uid="home_delete_untranslated_aliases")
def delete_untranslated_aliases(sender, instance, **kwargs):
    """Deleting a German page (a draft, typically) deletes its untranslated aliases in the
    other language trees; Wagtail would keep them as orphans showing German text."""
    from wagtail.models import Page

    if not isinstance(instance, Page) or not instance.pk:
        return
    from .untranslated import untranslated_aliases

    for alias in untranslated_aliases(Page.objects.filter(alias_of_id=instance.pk)):
        alias.delete()
