"""The editorial guide ("Redaktionsleitfaden", issue 13): reachable from the admin's help menu
for every editor, in the editor's admin language: German in the German admin, English in the
English one."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS
from tests.integration.test_roles import login, make_user

pytestmark = pytest.mark.django_db

GUIDE = {
    "de": {
        "menu": "Redaktionsleitfaden",
        "headings": ["Rollen", "Ein Verfahren beschreiben", "Übersetzen", "Bildrechte"],
        "text": ["Ministeriumsredaktion", "Gastredaktion", "Alternativtext", "Bildnachweis"],
    },
    "en": {
        "menu": "Editorial guide",
        "headings": ["Roles", "How to write a case", "How to translate", "Image rights"],
        "text": ["Ministry editors", "Guest editors", "alternative text", "credit"],
    },
}


def guide_menu_item(html):
    """The guide's item in the sidebar (Wagtail renders the sidebar, with its "Help" menu,
    from JSON props): its label and URL."""
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)[1]
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("name") == "editorial-guide":
                found.append((node["label"], node["url"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props))
    (item,) = found
    return item


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("group", [GUEST_EDITORS, MINISTRY_EDITORS])
def test_guide_is_in_the_help_menu_in_the_editors_language(client, group, language):
    user = make_user("redakteurin", group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    login(client, user)
    words = GUIDE[language]

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert guide_menu_item(dashboard) == (words["menu"], reverse("home_editor_guide"))

    response = client.get(reverse("home_editor_guide"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)
    for heading in words["headings"]:
        assert heading in headings
    for text in words["text"]:
        assert text in html
    other = GUIDE["en" if language == "de" else "de"]
    assert not any(heading in headings for heading in other["headings"])


def test_guide_needs_a_login(client):
    response = client.get(reverse("home_editor_guide"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
