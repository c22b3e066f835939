"""Personal data stays with the people allowed to see it, through every admin view.

Wagtail checks permissions in a snippet's listing, edit and inspect views, but not in its
chooser (`/admin/snippets/choose/<app>/<model>/` with its results and chosen views), which any
editor may open — a guest editor could read every registrant's name there. This middleware
answers 403 for every admin URL of a personal-data model (snippet views, chooser, bulk actions)
unless the user has its view permission (granted to Ministry editors only).
"""

import re

from django.core.exceptions import PermissionDenied

from .permissions import PERSONAL_DATA_MODELS

ADMIN_MODEL_URL = re.compile(
    r"^/admin/(?:snippets/choose|snippets|bulk)/(?P<app>[\w-]+)/(?P<model>[\w-]+)/"
)
GUARDED = set(PERSONAL_DATA_MODELS) | {("home", "outboxmail")}


class PersonalDataAdminGuard:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = ADMIN_MODEL_URL.match(request.path_info)
        if match and (match["app"], match["model"]) in GUARDED:
            user = request.user
            if user.is_authenticated and not user.has_perm(f"{match['app']}.view_{match['model']}"):
                raise PermissionDenied
        return self.get_response(request)
