from django import template

from home.public_forms import start_token

register = template.Library()


@register.simple_tag
def form_started():
    """The signed time this form is shown (home/public_forms.py)."""
    return start_token()
