"""Translating in the admin (wagtail-localize) for the editorial roles.

wagtail-localize gates translating with one global permission (`submit_translation`) and
checks nothing about the page. Ministry editors may edit every page, so the global permission
is right for them; guest editors get it too, but may only translate what they may edit (their
own drafts). The guard wraps wagtail-localize's own views at their own URLs (registered first,
so `reverse("wagtail_localize:…")` still points here) instead of copying them.

The German page's footer action menu offers "Translate" (or "Sync translations" once a
translation exists), so editors find it where they publish.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views import submit_translations, update_translations

TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"


def can_translate_page(user, page):
    """Translating a page needs the translate permission and the right to edit the page."""
    return user.has_perm(TRANSLATE_PERMISSION) and page.permissions_for_user(user).can_edit()


def can_translate_snippet(user, instance):
    opts = instance._meta
    return user.has_perm(TRANSLATE_PERMISSION) and user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


def can_translate(user, instance):
    if isinstance(instance, Page):
        return can_translate_page(user, instance.specific)
    return can_translate_snippet(user, instance)


def _submit_page(request, page_id, **kwargs):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_translate_page(request.user, page):
        raise PermissionDenied
    return submit_translations.SubmitPageTranslationView.as_view()(
        request, page_id=page_id, **kwargs
    )


def _submit_snippet(request, app_label, model_name, pk, **kwargs):
    from django.contrib.admin.utils import unquote
    from wagtail.snippets.views.snippets import get_snippet_model_from_url_params

    model = get_snippet_model_from_url_params(app_label, model_name)
    instance = get_object_or_404(model, pk=unquote(pk))
    if not can_translate_snippet(request.user, instance):
        raise PermissionDenied
    return submit_translations.SubmitSnippetTranslationView.as_view()(
        request, app_label=app_label, model_name=model_name, pk=pk, **kwargs
    )


def _update(request, translation_source_id, **kwargs):
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    if not can_translate(request.user, source.get_source_instance()):
        raise PermissionDenied
    return update_translations.UpdateTranslationsView.as_view()(
        request, translation_source_id=translation_source_id, **kwargs
    )


def guarded_urls():
    """Same paths as wagtail-localize's (admin/localize/…), resolved before them."""
    return [
        path("localize/submit/page/<int:page_id>/", _submit_page),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            _submit_snippet,
        ),
        path("localize/update/<int:translation_source_id>/", _update),
    ]


def untranslated_locales(page):
    """Locales without a real translation of `page` (an alias does not count)."""
    translated = (
        page.get_translations(inclusive=True)
        .filter(alias_of__isnull=True)
        .values_list("locale_id", flat=True)
    )
    return Locale.objects.exclude(pk__in=translated)


class TranslateMenuItem(ActionMenuItem):
    """Footer action of a source page: translate it, or sync its translations."""

    name = "action-translate"
    icon_name = "wagtail-localize-language"
    classname = "action-secondary"

    def is_shown(self, context):
        if context["view"] != "edit":
            return False
        page = context["page"]
        if page.is_root() or page.alias_of_id or not page.locale.is_default:
            return False
        return can_translate_page(context["request"].user, page)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = parent_context["page"]
        source = TranslationSource.objects.get_for_instance_or_none(page)
        if untranslated_locales(page).exists() or source is None:
            # No `next`: after one language is chosen, wagtail-localize opens the new
            # translation in its translation editor, which is where the editor goes on.
            context["label"] = _("Translate")
            context["url"] = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        else:
            next_url = "?next=" + reverse("wagtailadmin_pages:edit", args=[page.pk])
            context["label"] = _("Sync translations")
            context["url"] = (
                reverse("wagtail_localize:update_translations", args=[source.pk]) + next_url
            )
        return context
