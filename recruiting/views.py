import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from accounts.decorators import candidate_required, role_required
from accounts.selectors import email_verified
from recruiting import selectors, services
from recruiting.forms import (
    ApplicationFilterForm,
    ApplicationForm,
    ApplicationStatusForm,
    BoardFilterForm,
    ListingForm,
    OrganisationForm,
)
from recruiting.models import ApplicationStatus

BOARD_PAGE_SIZE = 20
LIST_PAGE_SIZE = 20
recruiter_required = role_required("recruiter")

# JSON inside <script>: these characters cannot end the element or open a comment, whatever the text holds.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _page(request, queryset, size=LIST_PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


# ---------------------------------------------------------------------------------------------------------------
# Public: the board and the listing's page


def board(request):
    form = BoardFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    listings = selectors.board_listings(
        employment_type=filters.get("employment_type", ""), workplace_type=filters.get("workplace_type", ""),
        location=filters.get("location", ""), topic=filters.get("topic"), search=filters.get("q", ""),
    )
    return render(request, "recruiting/board.html", {"form": form, "page": _page(request, listings, BOARD_PAGE_SIZE)})


def listing_page(request, listing_id):
    listing = selectors.listing_for_public(listing_id=listing_id, viewer=request.user)
    application = selectors.application_of(candidate=request.user, listing=listing)
    json_ld = None
    if listing.takes_applications:  # a posting search engines may show: open now
        data = selectors.listing_json_ld(listing=listing, url=request.build_absolute_uri())
        json_ld = mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))
    form = None
    if listing.takes_applications and application is None and (not request.user.is_authenticated or request.user.is_candidate):
        form = ApplicationForm(organisation_name=listing.organisation.name)
    return render(request, "recruiting/listing.html", {
        "listing": listing, "application": application, "form": form, "json_ld": json_ld,
        "own": selectors.organisation_of(recruiter=request.user) == listing.organisation,
        "fit": selectors.listing_fit(listing=listing, candidate=request.user),
        # Said before the form is filled in, not after: applying needs a verified address.
        "unverified": request.user.is_authenticated and request.user.is_candidate and not email_verified(user=request.user),
    })


# ---------------------------------------------------------------------------------------------------------------
# Candidates


@candidate_required
def apply(request, listing_id):
    listing = selectors.listing_for_public(listing_id=listing_id, viewer=request.user)
    form = ApplicationForm(request.POST or None, organisation_name=listing.organisation.name)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_create(listing=listing, candidate=request.user, note=form.cleaned_data["note"],
                                        consent=form.cleaned_data["consent"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"You applied. {listing.organisation.name} can now see your profile, "
                                      "until you withdraw.")
            return redirect("recruiting:my-applications")
    if request.method != "POST":
        return redirect("recruiting:listing", listing_id=listing.pk)
    return render(request, "recruiting/listing.html", {
        "listing": listing, "application": selectors.application_of(candidate=request.user, listing=listing),
        "form": form, "json_ld": None, "own": False,
    }, status=400)


@candidate_required
def my_applications(request):
    page = _page(request, selectors.applications_of(candidate=request.user))
    return render(request, "recruiting/my_applications.html", {"page": page})


@require_POST
@candidate_required
def withdraw(request, application_id):
    application = selectors.application_access_for_candidate(candidate=request.user, application_id=application_id)
    services.application_withdraw(application=application, candidate=request.user)
    messages.success(request, f"You withdrew your application to “{application.listing.title}”. "
                              f"{application.listing.organisation.name} can no longer see your profile through it.")
    return redirect("recruiting:my-applications")


# ---------------------------------------------------------------------------------------------------------------
# Recruiters


@recruiter_required
def dashboard(request):
    """The recruiter's home: their organisation, its listings and the latest applications."""
    organisation = selectors.organisation_of(recruiter=request.user)
    context = {"organisation": organisation, "organisation_form": OrganisationForm()}
    if organisation is not None:
        context["listings"] = _page(request, selectors.listings_of(organisation=organisation))
        context["recent_applications"] = selectors.applications_to(organisation=organisation)[:10]
        context["visible_candidates"] = selectors.candidates_visible_to(organisation=organisation).count()
    return render(request, "recruiting/dashboard.html", context)


@require_POST
@recruiter_required
def organisation_create(request):
    form = OrganisationForm(request.POST)
    if form.is_valid():
        try:
            services.organisation_create(name=form.cleaned_data["name"], recruiter=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "Your organisation is registered. Our staff verify it before you can publish "
                                      "listings or see candidates; you can prepare drafts now.")
    else:
        messages.error(request, "Give your organisation's name.")
    return redirect("recruiter-home")


def _organisation_or_home(request):
    organisation = selectors.organisation_of(recruiter=request.user)
    if organisation is None:
        messages.error(request, "Register your organisation first.")
    return organisation


@recruiter_required
def listing_create(request):
    organisation = _organisation_or_home(request)
    if organisation is None:
        return redirect("recruiter-home")
    form = ListingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            listing = services.listing_create(by=request.user, publish="publish" in request.POST, **form.service_fields())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"“{listing.title}” is {listing.get_state_display().lower()}.")
            return redirect("recruiting:listing-edit", listing_id=listing.pk)
    return render(request, "recruiting/listing_form.html", {"form": form, "listing": None, "organisation": organisation})


@recruiter_required
def listing_edit(request, listing_id):
    listing = selectors.listing_access_for_recruiter(recruiter=request.user, listing_id=listing_id)
    form = ListingForm(request.POST or None, instance=listing)
    if request.method == "POST" and form.is_valid():
        try:
            services.listing_update(listing=listing, by=request.user, **form.service_fields())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Saved.")
            return redirect("recruiting:listing-edit", listing_id=listing.pk)
    listing.refresh_from_db()
    return render(request, "recruiting/listing_form.html", {"form": form, "listing": listing})


_STATE_ACTIONS = {"publish": services.listing_publish, "close": services.listing_close, "reopen": services.listing_reopen}
_STATE_DONE = {"publish": "published: it is on the board", "close": "closed: it left the board",
               "reopen": "reopened: it is on the board again"}


@require_POST
@recruiter_required
def listing_state(request, listing_id, action):
    if action not in _STATE_ACTIONS:
        raise Http404("No such action.")
    listing = selectors.listing_access_for_recruiter(recruiter=request.user, listing_id=listing_id)
    try:
        listing = _STATE_ACTIONS[action](listing=listing, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"“{listing.title}” is {_STATE_DONE[action]}.")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = reverse("recruiting:listing-edit", args=[listing.pk])
    return redirect(back)


@recruiter_required
def applications(request):
    organisation = _organisation_or_home(request)
    if organisation is None:
        return redirect("recruiter-home")
    form = ApplicationFilterForm(request.GET)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    listing = None
    if request.GET.get("listing", "").isdigit():
        listing = selectors.listing_access_for_recruiter(recruiter=request.user, listing_id=int(request.GET["listing"]))
    page = _page(request, selectors.applications_to(organisation=organisation, listing=listing, status=status))
    return render(request, "recruiting/applications.html", {"form": form, "page": page, "listing": listing})


@recruiter_required
def application_detail(request, application_id):
    application = selectors.application_access_for_recruiter(recruiter=request.user, application_id=application_id)
    form = ApplicationStatusForm(request.POST or None, current=application.status)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_status_set(application=application, status=form.cleaned_data["status"], by=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Moved to {ApplicationStatus(form.cleaned_data['status']).label.lower()}.")
            return redirect("recruiting:application", application_id=application.pk)
    organisation = selectors.organisation_of(recruiter=request.user)
    visible = selectors.candidate_visible_to(organisation=organisation, candidate=application.candidate)
    return render(request, "recruiting/application.html", {
        "application": application, "form": form, "visible": visible,
        "changes": application.status_changes.select_related("changed_by"),
    })


@recruiter_required
def candidates(request):
    """The candidates this organisation may see now, best first; optionally those proficient in a topic."""
    organisation = _organisation_or_home(request)
    if organisation is None:
        return redirect("recruiter-home")
    form = BoardFilterForm(request.GET)
    topic = form.cleaned_data.get("topic") if form.is_valid() else None
    page = _page(request, selectors.candidates_list(organisation=organisation, topic=topic))
    return render(request, "recruiting/candidates.html", {
        "organisation": organisation, "form": form, "topic": topic, "page": page,
    })
