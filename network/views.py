"""The network's public forms and listings. Each form is stored before any mail is queued,
re-rendered with what the user typed on any error, and answered with a 4xx (never a 500)
for bad tokens or over-use. Form pages are never page-cached (they carry a fresh stamp)."""

import uuid
from urllib.parse import urlencode

from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from cases.models import CasePage
from home import public_forms
from home.models import paginate

from . import emails, protection
from .choices import MemberStatus
from .directory import DirectoryFilterForm, localize_members, member_cases
from .forms import AdviceRequestForm, JoinForm, MessageForm
from .models.members import Member
from .tokens import TokenError, confirmation_token, member_for_token

MEMBERS_PER_PAGE = 12


def _language():
    return (translation.get_language() or "de")[:2]


def render_form_page(request, page, template, status=200, **extra):
    """Render a form; `page` is the Wagtail page it belongs to (None for plain views)."""
    context = page.get_context(request) if page is not None else {}
    context.update(
        {
            # join_confirm.html carries the start time as its only protection field.
            "stamp_field": protection.STAMP_FIELD,
            "stamp": protection.stamp(),
            **extra,
        }
    )
    response = TemplateResponse(request, template, context, status=status)
    # A fresh stamp per answer: neither our page cache nor a shared cache may keep it.
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def too_many_requests(request, page):
    return public_forms.too_many_requests(request, page)


def screened_form(request, page, form, scope):
    """Run the shared checks on a bound form. Returns (verdict, response_or_None)."""
    verdict = protection.screen(request, scope)
    if verdict == protection.LIMITED:
        return verdict, too_many_requests(request, page)
    if verdict == protection.TOO_FAST:
        form.is_valid()  # keep the typed values and show field errors too
        form.add_error(
            None, _("Please check your entries and send the form again. Nothing was lost.")
        )
    return verdict, None


# "Beratung anfragen"


def advice_request(request, page):
    template = page.template
    if request.method != "POST":
        return render_form_page(request, page, template, form=AdviceRequestForm())
    form = AdviceRequestForm(request.POST)
    verdict, response = screened_form(request, page, form, "advice")
    if response:
        return response
    if verdict == protection.BOT:
        return render_form_page(request, page, template, sent=True)
    if verdict != protection.OK or not form.is_valid():
        return render_form_page(request, page, template, form=form)
    with transaction.atomic():
        advice = form.save(commit=False)
        advice.language = _language()
        advice.consent_at = timezone.now()
        advice.save()
        emails.advice_request_received(advice)
    return render_form_page(request, page, template, sent=True)


# "Im Netzwerk mitmachen"


def join(request, page):
    template = page.template
    token = (request.POST if request.method == "POST" else request.GET).get("token")
    if token is not None:
        return confirm_membership(request, page, token)
    if request.method != "POST":
        return render_form_page(request, page, template, form=JoinForm())
    form = JoinForm(request.POST)
    verdict, response = screened_form(request, page, form, "join")
    if response:
        return response
    if verdict == protection.BOT:
        return render_form_page(request, page, template, sent=True)
    if verdict != protection.OK or not form.is_valid():
        return render_form_page(request, page, template, form=form)
    email = form.cleaned_data["email"]
    with transaction.atomic():
        known = Member.objects.filter(email=email).exclude(
            status__in=[MemberStatus.UNCONFIRMED, MemberStatus.REJECTED]
        )
        if known.exists():
            # Same answer as for a new address: the page never reveals who is a member.
            emails.member_already_registered(email, _language(), page.get_full_url(request))
        else:
            member = form.save(commit=False)
            member.status = MemberStatus.UNCONFIRMED
            member.language = _language()
            member.consent_at = timezone.now()
            member.website = form.cleaned_data["homepage"]
            # Parental many-to-many relations are written by save() itself.
            member.methods = list(form.cleaned_data["methods"])
            member.topics = list(form.cleaned_data["topics"])
            member.save()
            confirm_url = (
                f"{page.get_full_url(request)}?{urlencode({'token': confirmation_token(member)})}"
            )
            emails.member_opt_in(member, confirm_url)
    return render_form_page(request, page, template, sent=True)


def confirm_membership(request, page, token):
    template = "network/join_confirm.html"
    if len(token) > 500:
        return render_form_page(request, page, template, status=400, token_error="invalid")
    try:
        member = member_for_token(token)
    except TokenError as error:
        status = 400 if error.reason == "invalid" else 410
        return render_form_page(request, page, template, status=status, token_error=error.reason)
    if request.method != "POST":
        # Only a click confirms: mail scanners that follow links must not.
        return render_form_page(request, page, template, token=token, member=member)
    with transaction.atomic():
        member = Member.objects.select_for_update().get(pk=member.pk)
        try:
            member_for_token(token)  # a concurrent click may have used it meanwhile
        except TokenError as error:
            return render_form_page(request, page, template, status=410, token_error=error.reason)
        member.confirmation_nonce = uuid.uuid4()
        if member.status == MemberStatus.UNCONFIRMED:
            member.status = MemberStatus.PENDING
            member.confirmed_at = timezone.now()
        member.save()
        emails.member_confirmed(member)
    return render_form_page(request, page, template, confirmed=True)


# "Mitglieder"


def directory(request, page):
    filters = DirectoryFilterForm(request.GET or None)
    members = Member.objects.listed()
    if filters.is_bound and filters.is_valid():
        members = filters.apply(members)
    members = members.select_related("region", "organisation").order_by("name", "pk")
    page_obj = paginate(request, members, per_page=MEMBERS_PER_PAGE)
    localize_members(page_obj.object_list)
    query = {k: v for k, v in request.GET.items() if k != "page" and v}
    context = page.get_context(request)
    context.update(
        {
            "filters": filters,
            "page_obj": page_obj,
            "members": page_obj.object_list,
            "querystring": urlencode(query) if filters.is_bound and filters.is_valid() else "",
            "filtered": bool(query),
        }
    )
    return TemplateResponse(request, "network/member_directory_page.html", context)


def profile(request, page, slug):
    """A member's public facts, cases and methods; "Nachricht senden" is a form on the same
    page for members open to exchange (the address is never part of the answer)."""
    member = (
        Member.objects.listed().select_related("region", "organisation").filter(slug=slug).first()
    )
    if member is None:
        raise Http404
    localize_members([member])
    profile_url = page.url + page.reverse_subpage("profile", args=[slug])
    extra = {"member": member, "cases": member_cases(member), "profile_url": profile_url}
    if not member.open_to_exchange:
        if request.method == "POST":
            return HttpResponseNotAllowed(["GET"])
        context = page.get_context(request)
        context.update(extra)
        return TemplateResponse(request, "network/member_profile.html", context)
    return message_form(
        request,
        page,
        recipient=member.email,
        about=member.public_name(),
        about_url=page.get_full_url(request) + page.reverse_subpage("profile", args=[slug]),
        template="network/member_profile.html",
        extra=extra,
    )


def message_form(request, page, *, recipient, about, about_url, template, extra):
    """Shared by both relays: `recipient` is the address, never put into the context."""
    if request.method != "POST":
        return render_form_page(request, page, template, form=MessageForm(), **extra)
    form = MessageForm(request.POST)
    verdict, response = screened_form(request, page, form, "message")
    if response:
        return response
    if verdict == protection.BOT:
        return render_form_page(request, page, template, sent=True, **extra)
    if verdict != protection.OK or not form.is_valid():
        return render_form_page(request, page, template, form=form, **extra)
    from .models.messages import MessageLog

    data = form.cleaned_data
    with transaction.atomic():
        MessageLog.objects.create(
            sender_email=data["email"], page=extra.get("case"), member=extra.get("member")
        )
        emails.relay_message(
            to=recipient,
            sender_name=data["name"],
            sender_email=data["email"],
            message=data["message"],
            about=about,
            about_url=about_url,
            language=_language(),
        )
    return render_form_page(request, page, template, sent=True, **extra)


def case_message(request, pk):
    """ "Nachricht senden" for a case: to the case's contact address, or to its organisation's
    member contact when the case has none."""
    if pk > 2**31 - 1:  # beyond any id; SQLite would overflow
        raise Http404
    case = (
        CasePage.objects.live()
        .public()
        .filter(pk=pk, locale__language_code=_language())
        .select_related("organisation__member")
        .first()
    )
    recipient = case_recipient(case) if case else None
    if not recipient:
        raise Http404
    return message_form(
        request,
        None,
        recipient=recipient,
        about=case.title,
        about_url=case.get_full_url(request),
        template="network/case_message.html",
        extra={"case": case},
    )


def case_recipient(case):
    if case.contact_email:
        return case.contact_email
    organisation = case.organisation
    member = getattr(organisation, "member", None) if organisation else None
    if member and member.status == MemberStatus.APPROVED:
        return member.email
    return None


# "Verfahren melden"


def report_procedure(request, page):
    from .forms import REPORT_STEPS
    from .reporting import (
        BadState,
        bound_form,
        cleaned,
        create_report,
        dump_state,
        first_invalid_step,
        load_state,
        raw_values,
        summary_rows,
    )

    template = page.template
    steps = [(name, title) for name, title, _form in REPORT_STEPS]
    summary_index = len(REPORT_STEPS)

    def show(index, state, form=None, status=200):
        context = {"steps": steps, "step": index, "state": dump_state(state)}
        if index == summary_index:
            context["summary"] = [
                (i, title, summary_rows(bound_form(i, state)))
                for i, (_name, title) in enumerate(steps)
            ]
        else:
            context["form"] = form or bound_form(index, state)
        return render_form_page(request, page, template, status=status, **context)

    if request.method != "POST":
        return show(0, {})
    try:
        state = load_state(request.POST.get("state", ""))
        index = int(request.POST.get("step", "0"))
    except (BadState, ValueError):
        return render_form_page(request, page, template, status=400, bad_state=True)
    if not 0 <= index <= summary_index:
        return render_form_page(request, page, template, status=400, bad_state=True)
    action = request.POST.get("action", "next")

    if index < summary_index:
        name, _title, form_class = REPORT_STEPS[index]
        form = form_class(request.POST)
        state[name] = raw_values(form)  # kept even when invalid: nothing typed is lost
        if action == "back":
            return show(max(index - 1, 0), state)
        if not form.is_valid():
            return show(index, state, form=form)
        following = first_invalid_step(state)
        return show(summary_index if following is None else max(following, index + 1), state)

    if action.startswith("edit-"):
        try:
            target = int(action.removeprefix("edit-"))
        except ValueError:
            target = 0
        return show(min(max(target, 0), summary_index - 1), state)
    invalid = first_invalid_step(state)
    if invalid is not None:
        return show(invalid, state, form=bound_form(invalid, state))
    verdict = protection.screen(request, "report")
    if verdict == protection.LIMITED:
        return too_many_requests(request, page)
    if verdict == protection.BOT:
        return render_form_page(request, page, template, sent=True)
    if verdict == protection.TOO_FAST:
        response = show(summary_index, state)
        response.context_data["summary_error"] = True
        return response
    # Stored before anything is mailed (create_report queues the mails in its transaction).
    create_report(cleaned(state), _language())
    return render_form_page(request, page, template, sent=True)
