"""Subscribe (double opt-in), confirm, unsubscribe (one click, RFC 8058) and preferences."""

from django.db import transaction
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from home.public_forms import BOT, LIMITED, check_submission, no_shared_cache, too_many_requests

from .forms import PreferencesForm, SubscribeForm
from .mails import send_confirmation
from .models import NewsletterPage, Subscriber, new_nonce
from .tokens import subscriber_for_confirm, subscriber_for_manage


def newsletter_page():
    return (
        NewsletterPage.objects.live()
        .filter(locale__language_code=translation.get_language())
        .first()
    )


def _token(request):
    """From the form, or from the link itself (RFC 8058 POSTs go to the link's URL)."""
    return request.POST.get("token") or request.GET.get("token", "")


def _render(request, template, status=200, **context):
    page = context.pop("page", None) or newsletter_page()
    context = {"page": page, "self": page, **context}
    return TemplateResponse(request, f"newsletter/{template}", context, status=status)


def subscribe(request, page):
    if request.method != "POST":
        form = SubscribeForm(
            initial={"language": translation.get_language(), "interests": ["events", "news"]}
        )
        # The form carries a per-visit start time: never a shared cache's copy.
        return no_shared_cache(_render(request, "newsletter_page.html", page=page, form=form))
    form = SubscribeForm(request.POST)
    verdict = check_submission(request, form, f"newsletter:{page.pk}")
    if verdict == LIMITED:
        return too_many_requests(request, page)
    if verdict == BOT:
        return _render(request, "subscribe_done.html", page=page)  # pretend success
    if not form.is_valid():  # also a too fast or expired form: shown again as typed
        return no_shared_cache(_render(request, "newsletter_page.html", page=page, form=form))
    data = form.cleaned_data
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update().filter(email__iexact=data["email"]).first()
        )
        if subscriber is None:
            subscriber = Subscriber(email=data["email"])
        if subscriber.status != Subscriber.Status.CONFIRMED:
            # A new request (or one after unsubscribing): a new one-time link; the old expires.
            subscriber.status = Subscriber.Status.PENDING
            subscriber.confirm_nonce = new_nonce()
            subscriber.language = data["language"]
            subscriber.interests = data["interests"]
            subscriber.save()
            send_confirmation(subscriber)
    # The same answer whether or not the address was known: nothing to learn about others.
    return _render(request, "subscribe_done.html", page=page)


@never_cache
def confirm(request):
    token = _token(request)
    if request.method != "POST":
        # Mail scanners follow links: a GET only shows the button that confirms.
        valid = subscriber_for_confirm(token) is not None
        return _render(
            request, "confirm.html", status=200 if valid else 400, token=token, invalid=not valid
        )
    with transaction.atomic():
        subscriber = subscriber_for_confirm(token)
        if subscriber is None:
            return _render(request, "confirm.html", status=400, invalid=True)
        subscriber.confirm()
    return _render(request, "confirm.html", done=True, subscriber=subscriber)


@csrf_exempt  # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" without a form
@never_cache
def unsubscribe(request):
    token = _token(request)
    subscriber = subscriber_for_manage(token)
    if subscriber is None:
        return _render(request, "unsubscribe.html", status=400, invalid=True)
    if request.method != "POST":
        return _render(request, "unsubscribe.html", token=token, subscriber=subscriber)
    subscriber.unsubscribe()
    return _render(request, "unsubscribe.html", done=True)


@never_cache
def preferences(request):
    token = _token(request)
    subscriber = subscriber_for_manage(token)
    if subscriber is None or subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return _render(request, "preferences.html", status=400, invalid=True)
    if request.method != "POST":
        form = PreferencesForm(
            initial={"language": subscriber.language, "interests": subscriber.interests}
        )
        return _render(request, "preferences.html", form=form, token=token)
    form = PreferencesForm(request.POST)
    if not form.is_valid():
        return _render(request, "preferences.html", form=form, token=token)
    subscriber.language = form.cleaned_data["language"]
    subscriber.interests = form.cleaned_data["interests"]
    subscriber.save(update_fields=["language", "interests"])
    return _render(request, "preferences.html", form=form, token=token, saved=True)
