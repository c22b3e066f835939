"""Messages that installed packages translate into German with the informal "du".

The site addresses everyone formally ("Sie"). Our catalogue in LOCALE_PATHS wins over every
app's own, so listing these messages here puts them into locale/de with formal German texts
(`gettext_noop`: nothing is translated at import time; makemessages picks them up). The
messages come from Django REST framework (which also overrides Django's own form messages),
Wagtail and treebeard; `tests/unit/test_formal_german.py` looks for informal ones again.
"""

from django.utils.translation import gettext_noop

THIRD_PARTY_MESSAGES = [
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid URL."),
    gettext_noop('Enter a valid "slug" consisting of letters, numbers, underscores or hyphens.'),
    gettext_noop(
        'Enter a valid "slug" consisting of Unicode letters, numbers, underscores, or hyphens.'
    ),
    gettext_noop("Choose who can view the live version of this page"),
    gettext_noop("Select a new parent page"),
    gettext_noop(
        "Select hierarchical position. Note: a collection cannot become a child of itself or "
        "one of its descendants."
    ),
    gettext_noop("Please add some alt text for your image or mark it as decorative"),
    gettext_noop("Select images in choosers"),
    gettext_noop("Select a new language"),
    gettext_noop("Select documents in choosers"),
]
