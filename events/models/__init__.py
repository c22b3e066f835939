"""Events: the index with upcoming events and an archive, event pages with registration,
calendar export and documentation, the registration model and the network survey.

One module per role; other apps import from here. Inside `events`, modules below the page
models (views, forms, the registration service) import `events.models.registration`
directly, so that nothing imports back into the page modules (no import cycles).
"""

from .choices import EventType, RegistrationMode
from .event import EventPage, RegistrationSummaryPanel
from .index import EventIndexPage, group_events, teaser_rows
from .registration import EventRegistration
from .survey import SurveyFormField, SurveyPage

__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventRegistration",
    "EventType",
    "RegistrationMode",
    "RegistrationSummaryPanel",
    "SurveyFormField",
    "SurveyPage",
    "group_events",
    "teaser_rows",
]
