"""Routes of the network that are not pages: translated paths inside i18n_patterns."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path(_("message/case/<int:pk>/"), views.case_message, name="network_case_message"),
]
