"""Guest editors see no titles of other organisations' drafts anywhere in the admin, and no
personal data (issue 13): every admin URL that lists or names pages, walked as a guest editor
with the Django test client, never shows another guest's draft news page or their case in
review (home/page_visibility.py); personal data (registrations, form submissions, advice
requests, members' private contact) stays out of the admin API and every chooser. The
Ministry editor sees the same drafts at the same URLs, so the walk cannot pass by looking in
the wrong place."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from cases.models import CaseIndexPage
from events.models import EventRegistration
from home.models import BarrierReportPage
from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS
from network.models import AdviceRequest, Member, MemberDirectoryPage
from tests.factories import minimal_case
from tests.integration.test_events import make_event
from tests.integration.test_roles import draft_news, login, make_user, news_index

pytestmark = pytest.mark.django_db

NEWS_TITLE = "Vertraulicher Entwurf des Nachbarvereins"
CASE_TITLE = "Vertrauliches Verfahren des Nachbarvereins"
# The other organisation's published case, with a change of its title under review.
PUBLISHED_TITLE = "Öffentliches Verfahren des Nachbarvereins"
PENDING_TITLE = "Vertraulich geänderter Titel des Nachbarvereins"
# One word of each title: what the searches below type.
QUERY = "Vertraulich"
PERSONAL = [
    "Renate Registrantin",
    "renate.registrantin@example.org",
    "melderin.privat@example.org",
    "Rita Ratsuchende",
    "rita.ratsuchende@example.org",
    "mitglied.privat@example.org",
    "+49 351 4711 0815",
    "Paul Privatkontakt",
]


@pytest.fixture
def guest(db):
    return make_user("guest", GUEST_EDITORS, first_name="Gus")


@pytest.fixture
def other_guest(db):
    return make_user("otherguest", GUEST_EDITORS)


@pytest.fixture
def ministry(db):
    return make_user("ministry", MINISTRY_EDITORS, first_name="Mia")


@pytest.fixture
def others_work(other_guest):
    """The other organisation's draft news page (which they began to translate) and their
    case waiting for review."""
    news = draft_news(other_guest, NEWS_TITLE, "vertraulicher-entwurf")
    source, _created = TranslationSource.get_or_create_from_instance(news)
    Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="en"))
    case_index = CaseIndexPage.objects.get(locale__language_code="de")
    case = minimal_case(CASE_TITLE, "vertrauliches-verfahren", other_guest, live=False)
    case_index.add_child(instance=case)
    case.save_revision(user=other_guest)
    case.get_workflow().start(case, other_guest)
    case.refresh_from_db()
    published = minimal_case(PUBLISHED_TITLE, "oeffentliches-verfahren", other_guest)
    case_index.add_child(instance=published)
    published.save_revision(user=other_guest).publish()
    published.title = PENDING_TITLE
    published.save_revision(user=other_guest)
    return {
        "news": news.pk,
        "published_case": published.pk,
        "case": case.pk,
        "news_index": news_index().pk,
        "case_index": case_index.pk,
        "task_state": case.current_workflow_state.current_task_state.pk,
        "task": case.current_workflow_state.current_task_state.task_id,
        "other": other_guest.pk,
        "q": QUERY,
    }


@pytest.fixture
def personal_data(others_work):
    """Personal data of each kind the site keeps, with markers the walk looks for."""
    now = timezone.now()
    event = make_event("vertraulich-anmelden", registration_mode="form")
    EventRegistration.objects.create(
        event=event, name=PERSONAL[0], email=PERSONAL[1], consent_at=now
    )
    barrier = BarrierReportPage.objects.live().get(locale__language_code="de")
    FormSubmission.objects.create(page=barrier, form_data={"email": PERSONAL[2]})
    advice = AdviceRequest.objects.create(
        topic=AdviceRequest._meta.get_field("topic").choices[0][0],
        organisation_name="Gemeinde Beispielhausen",
        description="Wir planen eine Bürgerwerkstatt.",
        name=PERSONAL[3],
        email=PERSONAL[4],
        preferred_contact=AdviceRequest._meta.get_field("preferred_contact").choices[0][0],
        consent_at=now,
    )
    member = Member.objects.create(
        name="Verein für Beteiligung Beispielstadt",
        slug="verein-beteiligung-beispielstadt",
        kind=Member._meta.get_field("kind").choices[0][0],
        contact_name=PERSONAL[7],
        email=PERSONAL[5],
        phone=PERSONAL[6],
        status="approved",
        consent_at=now - datetime.timedelta(days=1),
    )
    directory = MemberDirectoryPage.objects.filter(locale__language_code="de").first()
    return {
        **others_work,
        "event": event.pk,
        "barrier": barrier.pk,
        "advice": advice.pk,
        "member": member.pk,
        "directory": directory.pk if directory else barrier.pk,
    }


# Every admin URL that can list or name pages. {…} are filled in from the fixtures above.
PAGE_URLS = [
    # dashboard (Wagtail's panels and the guest's own, home/guest_dashboard.py)
    "/admin/",
    # explorer, its search and its filters
    "/admin/pages/",
    "/admin/pages/{news_index}/",
    "/admin/pages/{case_index}/",
    "/admin/pages/{news_index}/?q={q}",
    "/admin/pages/{news_index}/results/?q={q}",
    "/admin/pages/{news_index}/?ordering=-latest_revision_created_at",
    "/admin/pages/{news_index}/?owner={other}",
    "/admin/pages/{news_index}/?edited_by={other}",
    "/admin/pages/{case_index}/?content_type=cases.casepage&locale=de",
    "/admin/pages/{news}/",
    # the flat listings: all cases (cases/wagtail_hooks.py) and a page type's usage
    "/admin/case_listing/",
    "/admin/case_listing/?q={q}",
    "/admin/case_listing/results/?q={q}",
    "/admin/pages/usage/home/newspage/",
    "/admin/pages/usage/cases/casepage/results/",
    # admin search
    "/admin/pages/search/?q={q}",
    "/admin/pages/search/results/?q={q}",
    "/admin/pages/search/?q={q}&content_type=home.newspage",
    # page chooser: browse, search, several chosen
    "/admin/choose-page/",
    "/admin/choose-page/{news_index}/",
    "/admin/choose-page/{case_index}/?page_type=cases.casepage",
    "/admin/choose-page/{news_index}/?multiple=1",
    "/admin/choose-page/search/?q={q}",
    "/admin/choose-page/search/?q={q}&page_type=home.newspage",
    "/admin/choose-page/chosen-multiple/?id={news}",
    # reports
    "/admin/reports/locked/",
    "/admin/reports/site-history/",
    "/admin/reports/site-history/results/",
    "/admin/reports/site-history/?export=csv",
    "/admin/reports/aging-pages/",
    "/admin/reports/aging-pages/results/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow/results/?reviewable=all",
    "/admin/reports/workflow/?export=csv",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/workflow_tasks/results/",
    "/admin/reports/page-types-usage/",
    "/admin/reports/page-types-usage/results/",
    "/admin/localize/reports/translations/?source_title={q}",
    "/admin/localize/reports/translations/results/?source_title={q}",
    # the admin API: listing, search, explorer menu, detail, find
    "/admin/api/main/pages/",
    "/admin/api/main/pages/?child_of={news_index}",
    "/admin/api/main/pages/?child_of={case_index}&for_explorer=1",
    "/admin/api/main/pages/?search={q}",
    "/admin/api/main/pages/{news}/",
    "/admin/api/main/pages/{case}/",
    "/admin/api/main/pages/find/?html_path=/de/",
    # views of the draft itself, which must not name it either (not even in an error message)
    "/admin/pages/{news}/edit/",
    "/admin/pages/{news}/history/",
    "/admin/pages/{news}/revisions/",
    "/admin/pages/{news}/view_draft/",
    "/admin/pages/{news}/usage/",
    "/admin/pages/{case}/workflow_history/",
    "/admin/pages/workflow/action/{news}/approve/{task_state}/",
    "/admin/pages/workflow/action/{case}/approve/{task_state}/",
    "/admin/pages/workflow/collect_action_data/{news}/approve/{task_state}/",
    "/admin/pages/workflow/preview/{news}/{task}/",
    "/admin/pages/workflow/preview/{case}/{task}/",
    "/admin/localize/submit/page/{news}/",
    # bulk actions list the selected pages (or all children of a section) by title
    "/admin/bulk/wagtailcore/page/publish/?id={news}&next=/admin/",
    "/admin/bulk/wagtailcore/page/delete/?id={case}&next=/admin/",
    "/admin/bulk/wagtailcore/page/move/?id=all&childOf={news_index}&next=/admin/",
    "/admin/bulk/wagtailcore/page/unpublish/?id={news}&next=/admin/",
]
# Where personal data could show: choosers, listings and the admin API of the form pages.
PERSONAL_URLS = [
    "/admin/snippets/choose/events/eventregistration/",
    "/admin/snippets/choose/events/eventregistration/results/?q=Renate",
    "/admin/snippets/choose/network/advicerequest/",
    "/admin/snippets/choose/network/advicerequest/results/?q=Rita",
    "/admin/snippets/choose/network/advicerequest/chosen/{advice}/",
    "/admin/snippets/choose/network/member/",
    "/admin/snippets/choose/network/member/results/?q=Verein",
    "/admin/snippets/choose/network/member/chosen/{member}/",
    "/admin/snippets/network/member/",
    "/admin/snippets/network/member/inspect/{member}/",
    "/admin/snippets/network/advicerequest/inspect/{advice}/",
    "/admin/forms/",
    "/admin/forms/submissions/{barrier}/",
    "/admin/forms/submissions/{barrier}/?export=csv",
    "/admin/api/main/pages/{barrier}/",
    "/admin/api/main/pages/{event}/",
    "/admin/api/main/pages/{directory}/",
    "/admin/api/main/pages/?search=Renate",
]


def body_of(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", "replace")


def leaks(client, url, secrets):
    """What `url` shows of `secrets` (with its status when that is unexpected), or []."""
    response = client.get(url)
    if response.status_code not in (200, 302, 403, 404):
        return [(url, response.status_code)]
    # A refused view's message is shown on the next page: read it too.
    shown = [body_of(response), *map(str, get_messages(response.wsgi_request))]
    return [(url, secret) for secret in secrets if any(secret in text for text in shown)]


# Each walk is one test: the data it looks for costs more to build than all its requests, and
# the failure lists every URL that shows something.
def test_guest_sees_no_title_of_another_organisations_draft(client, guest, others_work):
    draft_news(guest, "Mein eigener Entwurf", "mein-eigener-entwurf")
    login(client, guest)
    secrets = [NEWS_TITLE, CASE_TITLE, PENDING_TITLE]
    found = [
        leak for url in PAGE_URLS for leak in leaks(client, url.format(**others_work), secrets)
    ]
    assert found == []


def test_guest_reaches_no_personal_data_through_admin_api_or_choosers(client, guest, personal_data):
    login(client, guest)
    found = [
        leak
        for url in PERSONAL_URLS
        for leak in leaks(client, url.format(**personal_data), PERSONAL)
    ]
    assert found == []


# Where the same walk finds the drafts and the personal data for the Ministry editor.
SEEN_BY_MINISTRY = [
    ("/admin/pages/{news_index}/", NEWS_TITLE),
    ("/admin/pages/search/?q={q}", NEWS_TITLE),
    ("/admin/case_listing/", CASE_TITLE),
    ("/admin/pages/{case_index}/", PENDING_TITLE),
    ("/admin/api/main/pages/?child_of={case_index}", PENDING_TITLE),
    ("/admin/choose-page/{news_index}/", NEWS_TITLE),
    ("/admin/choose-page/search/?q={q}", CASE_TITLE),
    ("/admin/choose-page/chosen-multiple/?id={news}", NEWS_TITLE),
    ("/admin/reports/site-history/", CASE_TITLE),
    ("/admin/reports/workflow/", CASE_TITLE),
    ("/admin/reports/page-types-usage/", PENDING_TITLE),  # the last edited case
    ("/admin/localize/reports/translations/?source_title={q}", NEWS_TITLE),
    ("/admin/api/main/pages/?child_of={news_index}", NEWS_TITLE),
    ("/admin/api/main/pages/{news}/", NEWS_TITLE),
    ("/admin/bulk/wagtailcore/page/publish/?id={news}&next=/admin/", NEWS_TITLE),
    ("/admin/snippets/choose/events/eventregistration/results/?q=Renate", PERSONAL[0]),
    ("/admin/snippets/network/advicerequest/inspect/{advice}/", PERSONAL[4]),
    ("/admin/snippets/network/member/inspect/{member}/", PERSONAL[5]),
]


def test_ministry_editor_sees_them_at_the_same_urls(client, ministry, personal_data):
    login(client, ministry)
    missing = [
        (url, secret)
        for url, secret in SEEN_BY_MINISTRY
        if secret not in body_of(client.get(url.format(**personal_data)))
    ]
    assert missing == []


def test_guest_sees_another_organisations_published_page_under_its_published_title(
    client, guest, others_work
):
    login(client, guest)
    for url in ("/admin/pages/{case_index}/", "/admin/api/main/pages/?child_of={case_index}"):
        body = body_of(client.get(url.format(**others_work)))
        assert PUBLISHED_TITLE in body and PENDING_TITLE not in body, url


def test_guest_still_finds_their_own_draft(client, guest, others_work):
    own = draft_news(guest, "Mein eigener vertraulicher Entwurf", "mein-eigener")
    login(client, guest)
    for url in (
        "/admin/pages/{news_index}/",
        "/admin/pages/search/?q={q}",
        "/admin/choose-page/search/?q={q}",
        "/admin/api/main/pages/?child_of={news_index}",
    ):
        assert own.title in body_of(client.get(url.format(**others_work))), url
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
