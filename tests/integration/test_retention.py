"""`manage.py purge_personal_data` (daily) deletes what is past its retention time, including
the names Wagtail's audit log keeps as labels, and keeps what is recent."""

import datetime

import pytest
from axes.models import AccessLog
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import ModelLogEntry

from events.models import EventRegistration, SurveyPage
from home.outbox import queue_mail
from home.outbox_models import OutboxMail
from tests.integration.test_events import make_event

pytestmark = pytest.mark.django_db


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_purge_personal_data(settings):
    survey = SurveyPage.objects.get(locale__language_code="de")
    old_answer = FormSubmission.objects.create(page=survey, form_data={"q": "alt"})
    new_answer = FormSubmission.objects.create(page=survey, form_data={"q": "neu"})
    FormSubmission.objects.filter(pk=old_answer.pk).update(submit_time=ago(400))
    queue_mail(to=["alt@example.org"], subject="alt", body="Erika")
    queue_mail(to=["neu@example.org"], subject="neu", body="Max")
    OutboxMail.objects.filter(subject="alt").update(created_at=ago(40))
    AccessLog.objects.create(username="erika", ip_address="198.51.100.1", user_agent="x")
    AccessLog.objects.update(attempt_time=ago(40))
    AccessLog.objects.create(username="max", ip_address="198.51.100.2", user_agent="x")

    event = make_event("vorbei", days=-100, registration_mode="form")
    registration = EventRegistration.objects.create(
        event=event, name="Erika Alt", email="e@example.org", consent_at=ago(101)
    )
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(EventRegistration),
        object_id=str(registration.pk),
        label=str(registration),
        action="wagtail.create",
        timestamp=ago(101),
    )

    call_command("purge_personal_data", verbosity=0)

    assert not FormSubmission.objects.filter(pk=old_answer.pk).exists()
    assert FormSubmission.objects.filter(pk=new_answer.pk).exists()
    assert list(OutboxMail.objects.values_list("subject", flat=True)) == ["neu"]
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["max"]
    assert not EventRegistration.objects.filter(pk=registration.pk).exists()
    labels = ModelLogEntry.objects.filter(object_id=str(registration.pk)).values_list(
        "label", flat=True
    )
    assert labels and not [label for label in labels if "Erika" in label]
    call_command("purge_personal_data", verbosity=0)  # a second run is harmless


def test_only_searches_with_results_are_logged_per_day(client):
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    for q in ("xyzzyqv", "xyzzyqw", "xyzzyqj"):  # words no page has
        client.get("/de/suche/", {"q": q})
    assert not Query.objects.filter(query_string__startswith="xyzzy").exists()
    for _ in range(3):
        client.get("/de/suche/", {"q": "Bürgerrat"})
    (daily,) = QueryDailyHits.objects.filter(query__query_string="bürgerrat")
    assert daily.hits == 3
