"""Editorial roles end to end through the Wagtail admin's HTTP endpoints (DESIGN §5).

Roles: anonymous, guest editor, another guest editor (other organisation), Ministry editor.
Every action is a real admin request with the Django test client; the README's permission
matrix documents the outcomes asserted here."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import NewsIndexPage, NewsPage
from home.permissions import (
    GUEST_EDITORS,
    MINISTRY_EDITORS,
    PARTNER_COLLECTION,
    WORKFLOW_NAME,
    ensure_roles,
)

User = get_user_model()


# --- users ------------------------------------------------------------------------------------


def make_user(username, group_name=None, **extra):
    user = User.objects.create_user(
        username=username, email=f"{username}@example.org", password="a-Long-test-pass-42", **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def ministry(db):
    return make_user("ministry", MINISTRY_EDITORS, first_name="Mia")


@pytest.fixture
def guest(db):
    return make_user("guest", GUEST_EDITORS, first_name="Gus")


@pytest.fixture
def other_guest(db):
    return make_user("otherguest", GUEST_EDITORS)


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


# --- content helpers --------------------------------------------------------------------------


def news_index(language="de"):
    return NewsIndexPage.objects.get(locale__language_code=language)


def news_form(title, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "teaser": "Kurzfassung",
            "date": "2026-11-25",
            "image_alt": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def draft_news(owner, title="Entwurf", slug="entwurf", language="de"):
    """A draft news page owned by `owner`, created like the admin does."""
    page = NewsPage(title=title, slug=slug, date="2026-11-25", owner=owner, live=False)
    news_index(language).add_child(instance=page)
    page.save_revision(user=owner)
    return page


def submitted_by_guest(client, guest, title, slug):
    """A guest's draft news page submitted for moderation through the admin's edit view;
    returns the page and its current task state."""
    page = draft_news(guest, title, slug)
    login(client, guest)
    client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        news_form(title, slug, **{"action-submit": "1"}),
    )
    return page, page.current_workflow_state.current_task_state


def png_bytes(width=20, height=20, mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


# --- migration and grants ---------------------------------------------------------------------


def test_groups_collection_and_workflow_exist_after_migrate(db):
    assert Group.objects.filter(name=MINISTRY_EDITORS).exists()
    assert Group.objects.filter(name=GUEST_EDITORS).exists()
    assert Collection.objects.filter(name=PARTNER_COLLECTION, depth=2).count() == 1
    for language in ("de", "en"):
        assert news_index(language).get_workflow().name == WORKFLOW_NAME


def test_ensure_roles_is_idempotent(db):
    from wagtail.models import GroupCollectionPermission, GroupPagePermission, Workflow

    counts = lambda: (  # noqa: E731
        Group.objects.count(),
        Collection.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Workflow.objects.count(),
        WorkflowPage.objects.count(),
    )
    before = counts()
    ensure_roles()
    ensure_roles()
    assert counts() == before


def test_sections_of_both_locales_are_granted(guest):
    for language in ("de", "en"):
        perms = news_index(language).permissions_for_user(guest)
        assert perms.can_add_subpage()
        assert not perms.can_publish_subpage()


def test_section_translated_later_gets_grants_and_workflow(guest, home_de):
    """A section created after the migration, and its translation created later still, are
    covered: each locale has its own tree."""
    english = Locale.objects.get(language_code="en")
    news_index("en").delete()  # as if the English section had never been translated
    assert not NewsIndexPage.objects.filter(locale=english).exists()

    translation = news_index("de").copy_for_translation(english)

    perms = Page.objects.get(pk=translation.pk).permissions_for_user(guest)
    assert perms.can_add_subpage()
    assert not perms.can_publish_subpage()
    assert translation.get_workflow().name == WORKFLOW_NAME
    assert WorkflowPage.objects.filter(page=translation).exists()


# --- the permission matrix --------------------------------------------------------------------


@pytest.mark.parametrize(
    "role, expected",
    [("anonymous", "login"), ("guest", 200), ("ministry", 200)],
)
def test_create_news_form(client, role, expected, guest, ministry):
    user = {"anonymous": None, "guest": guest, "ministry": ministry}[role]
    login(client, user)
    url = reverse("wagtailadmin_pages:add", args=("home", "newspage", news_index().pk))
    response = client.get(url)
    if expected == "login":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    else:
        assert response.status_code == 200


def test_guest_publish_creates_only_a_draft_and_submit_reaches_ministry(client, guest, ministry):
    login(client, guest)
    parent = news_index()
    url = reverse("wagtailadmin_pages:add", args=("home", "newspage", parent.pk))

    response = client.post(url, news_form("Gastbeitrag", "gastbeitrag", **{"action-publish": "1"}))
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="gastbeitrag", locale__language_code="de")
    assert not page.live and page.owner == guest

    mail.outbox.clear()
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = client.post(edit, news_form("Gastbeitrag", "gastbeitrag", **{"action-submit": "1"}))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    state = page.current_workflow_state
    assert state is not None and state.workflow.name == WORKFLOW_NAME
    # Wagtail notifies the reviewers (Ministry editors) of the submission.
    assert any(ministry.email in message.to for message in mail.outbox)


def test_ministry_approval_publishes_and_notifies_guest(client, guest, ministry):
    page, task_state = submitted_by_guest(client, guest, "Zur Freigabe", "zur-freigabe")

    # The guest cannot approve their own submission.
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
    )
    response = client.post(approve, {"comment": ""})
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live

    mail.outbox.clear()
    client.force_login(ministry)
    response = client.post(approve, {"comment": "Danke!"})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert any(guest.email in message.to for message in mail.outbox)
    public = client.get(page.url)
    assert public.status_code == 200


def test_guest_edits_own_page_but_not_others(client, guest, other_guest):
    own = draft_news(guest, "Eigener Entwurf", "eigener-entwurf")
    foreign = draft_news(other_guest, "Fremder Entwurf", "fremder-entwurf")
    published = NewsPage.objects.live().filter(locale__language_code="de").first()
    login(client, guest)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(own.pk,)),
        news_form("Eigener Entwurf, geändert", "eigener-entwurf"),
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.get_latest_revision_as_object().title == "Eigener Entwurf, geändert"

    for page in (foreign, published):
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        assert client.get(url).status_code in (302, 403)
        response = client.post(url, news_form("Übernommen", page.slug))
        assert response.status_code in (302, 403)
        assert page.get_latest_revision_as_object().title != "Übernommen"


def test_ministry_edits_and_publishes_any_page(client, guest, ministry):
    page = draft_news(guest, "Gastentwurf", "gastentwurf")
    login(client, ministry)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        news_form("Gastentwurf", "gastentwurf", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live


@pytest.mark.parametrize("role", ["guest", "other_guest"])
def test_guests_cannot_unpublish_delete_or_move(client, role, guest, other_guest):
    user = {"guest": guest, "other_guest": other_guest}[role]
    published = NewsPage.objects.live().filter(locale__language_code="de").first()
    own_draft = draft_news(guest, "Löschversuch", "loeschversuch")
    login(client, user)

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(published.pk,)))
    assert response.status_code in (302, 403)
    published.refresh_from_db()
    assert published.live

    for page in (published, own_draft):
        response = client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
        assert response.status_code in (302, 403)
        assert Page.objects.filter(pk=page.pk).exists()

        target = news_index("en")
        response = client.post(
            reverse("wagtailadmin_pages:move_confirm", args=(page.pk, target.pk))
        )
        assert response.status_code in (302, 403)
        assert Page.objects.get(pk=page.pk).get_parent().pk == news_index("de").pk


def test_ministry_unpublishes_moves_and_deletes(client, guest, ministry):
    login(client, ministry)
    page = draft_news(guest, "Verschieben", "verschieben")
    page.save_revision().publish()

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live

    response = client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()


def test_anonymous_is_sent_to_login_everywhere(client, db):
    page = NewsPage.objects.live().first()
    for url in [
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        reverse("wagtailadmin_pages:unpublish", args=(page.pk,)),
        reverse("wagtailadmin_pages:delete", args=(page.pk,)),
        reverse("wagtailimages:add"),
        reverse("wagtaildocs:add"),
        reverse("wagtailforms:index"),
        reverse("wagtailusers_users:index"),
        "/admin/settings/home/sitesettings/",
    ]:
        response = client.post(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    page.refresh_from_db()
    assert page.live


# --- media ------------------------------------------------------------------------------------


def _upload_image(client, collection, title):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile("bild.png", png_bytes(), content_type="image/png"),
            "collection": collection.pk,
            "credit": "Foto: Test",
            "licence": "cc0",
        },
    )


def _upload_document(client, collection, title, name="info.pdf", content=b"%PDF-1.4 test"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": collection.pk,
        },
    )


@pytest.mark.parametrize("kind", ["image", "document"])
def test_guest_uploads_only_into_partner_collection(client, guest, kind):
    root = Collection.get_first_root_node()
    partner = Collection.objects.get(name=PARTNER_COLLECTION)
    model = get_image_model() if kind == "image" else get_document_model()
    upload = _upload_image if kind == "image" else _upload_document
    login(client, guest)

    # Asking for the root collection does not help: the only collection a guest may add to is
    # the partner collection, so the upload lands there.
    upload(client, root, "In die Wurzel")
    assert not model.objects.filter(collection=root, title="In die Wurzel").exists()
    assert model.objects.get(title="In die Wurzel").collection == partner

    response = upload(client, partner, "Partnerdatei")
    assert response.status_code == 302
    assert model.objects.get(title="Partnerdatei").collection == partner


@pytest.mark.parametrize("kind", ["image", "document"])
def test_ministry_uploads_into_any_collection(client, ministry, kind):
    root = Collection.get_first_root_node()
    model = get_image_model() if kind == "image" else get_document_model()
    upload = _upload_image if kind == "image" else _upload_document
    login(client, ministry)
    assert upload(client, root, "Ministeriumsdatei").status_code == 302
    assert model.objects.get(title="Ministeriumsdatei").collection == root


# --- personal data, snippets, settings, users -------------------------------------------------


def _form_page_ids():
    from wagtail.contrib.forms.utils import get_form_types

    return list(Page.objects.filter(content_type__in=get_form_types()).values_list("pk", flat=True))


@pytest.mark.parametrize("role, allowed", [("guest", False), ("ministry", True)])
def test_form_submissions_only_for_ministry(client, guest, ministry, role, allowed):
    form_pages = _form_page_ids()
    assert form_pages, "demo content has at least the barrier report form"
    login(client, {"guest": guest, "ministry": ministry}[role])
    for page_id in form_pages:
        response = client.get(reverse("wagtailforms:list_submissions", args=(page_id,)))
        assert (response.status_code == 200) is allowed, page_id
    listing = client.get(reverse("wagtailforms:index"))
    if allowed:
        assert listing.status_code == 200
    else:
        assert listing.status_code in (302, 403) or not any(
            f"/submissions/{pk}/" in listing.content.decode() for pk in form_pages
        )


def _snippet_admin_urls():
    from wagtail.snippets.models import get_snippet_models

    return [
        (model, reverse(model.snippet_viewset.get_url_name("list")))
        for model in get_snippet_models()
    ]


@pytest.mark.parametrize("role, allowed", [("guest", False), ("ministry", True)])
def test_snippets_and_registrations_only_for_ministry(client, guest, ministry, role, allowed):
    login(client, {"guest": guest, "ministry": ministry}[role])
    urls = _snippet_admin_urls()
    assert urls
    for model, url in urls:
        response = client.get(url)
        assert (response.status_code == 200) is allowed, url
        add_url = reverse(model.snippet_viewset.get_url_name("add"))
        if (
            model.snippet_viewset.add_view_enabled
            if hasattr(model.snippet_viewset, "add_view_enabled")
            else True
        ):
            response = client.get(add_url)
            assert (response.status_code == 200) is allowed, add_url


@pytest.mark.parametrize("role, allowed", [("guest", False), ("ministry", True)])
def test_settings_only_for_ministry(client, guest, ministry, role, allowed, site):
    login(client, {"guest": guest, "ministry": ministry}[role])
    response = client.get(f"/admin/settings/home/sitesettings/{site.pk}/")
    assert (response.status_code == 200) is allowed


@pytest.mark.parametrize("role", ["guest", "ministry"])
def test_nobody_but_administrators_manages_users_and_groups(client, guest, ministry, role):
    login(client, {"guest": guest, "ministry": ministry}[role])
    for name in ("wagtailusers_users:index", "wagtailusers_users:add", "wagtailusers_groups:index"):
        response = client.get(reverse(name))
        assert response.status_code in (302, 403), name


def test_guest_admin_is_reachable(client, guest):
    login(client, guest)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200


def test_english_section_works_like_german(client, guest):
    login(client, guest)
    parent = news_index("en")
    url = reverse("wagtailadmin_pages:add", args=("home", "newspage", parent.pk))
    response = client.post(url, news_form("Guest post", "guest-post", **{"action-publish": "1"}))
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="guest-post", locale=Locale.objects.get(language_code="en"))
    assert not page.live


def test_rejection_reaches_the_guest_with_the_comment(client, guest, ministry):
    page, task_state = submitted_by_guest(client, guest, "Abzulehnen", "abzulehnen")
    mail.outbox.clear()
    client.force_login(ministry)
    reject = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    response = client.post(reject, {"comment": "Bitte Quellen ergänzen."})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert not page.live
    task_state.refresh_from_db()
    assert task_state.status == "rejected"
    assert any(guest.email in message.to for message in mail.outbox)

    # The guest sees the decision and the comment in the page's workflow history.
    client.force_login(guest)
    history = client.get(reverse("wagtailadmin_pages:workflow_history", args=(page.pk,)))
    assert history.status_code == 200
    detail = client.get(
        reverse(
            "wagtailadmin_pages:workflow_history_detail",
            args=(page.pk, task_state.workflow_state_id),
        )
    )
    assert detail.status_code == 200
    assert "Bitte Quellen ergänzen." in detail.content.decode()
