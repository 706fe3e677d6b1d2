"""Recruiter pages for the API: tokens (create, shown once; revoke) and webhooks (endpoints, delivery log,
enable again, send again). Thin: forms validate types, services decide."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.decorators import role_required
from accounts.models import Role
from api import selectors, services
from api.forms import ApiTokenForm, WebhookEndpointForm
from recruiting.selectors import organisation_of

PAGE_SIZE = 20
recruiter_required = role_required(Role.RECRUITER)


def _organisation_or_page(request):
    organisation = organisation_of(recruiter=request.user)
    if organisation is None:
        return None, render(request, "api/no_organisation.html", status=403)
    return organisation, None


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


@recruiter_required
def api_tokens(request):
    organisation, page = _organisation_or_page(request)
    if page:
        return page
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = services.api_token_create(organisation=organisation, created_by=request.user,
                                                      **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            # Shown in this response alone: the secret is stored only as a hash.
            return render(request, "api/token_created.html", {"token": token, "secret": secret,
                                                              "organisation": organisation})
    tokens = Paginator(selectors.api_tokens_of(organisation=organisation), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "api/tokens.html", {"form": form, "tokens": tokens, "organisation": organisation},
                  status=400 if form.errors else 200)


@recruiter_required
@require_POST
def api_token_revoke(request, token_id):
    organisation, page = _organisation_or_page(request)
    if page:
        return page
    token = services.api_token_revoke(token=selectors.api_token_access(organisation=organisation, token_id=token_id))
    messages.success(request, f"Token \u201c{token.name}\u201d revoked: it fails from now on.")
    return redirect("api-tokens")


@recruiter_required
def webhooks(request):
    organisation, page = _organisation_or_page(request)
    if page:
        return page
    form = WebhookEndpointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            endpoint = services.webhook_endpoint_create(organisation=organisation, created_by=request.user,
                                                        **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Endpoint added. Verify each request's signature with the secret below.")
            return redirect("webhook-detail", endpoint_id=endpoint.pk)
    endpoints = Paginator(selectors.webhook_endpoints_of(organisation=organisation), PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "api/webhooks.html", {"form": form, "endpoints": endpoints, "organisation": organisation},
                  status=400 if form.errors else 200)


@recruiter_required
def webhook_detail(request, endpoint_id):
    organisation, page = _organisation_or_page(request)
    if page:
        return page
    endpoint = selectors.webhook_endpoint_access(organisation=organisation, endpoint_id=endpoint_id)
    deliveries = Paginator(selectors.webhook_deliveries_of(endpoint=endpoint), PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "api/webhook_detail.html", {"endpoint": endpoint, "deliveries": deliveries})


@recruiter_required
@require_POST
def webhook_enable(request, endpoint_id):
    organisation, page = _organisation_or_page(request)
    if page:
        return page
    endpoint = selectors.webhook_endpoint_access(organisation=organisation, endpoint_id=endpoint_id)
    services.webhook_endpoint_enable(endpoint=endpoint)
    messages.success(request, "Endpoint enabled again. Send failed deliveries again from the log below.")
    return redirect("webhook-detail", endpoint_id=endpoint.pk)


@recruiter_required
@require_POST
def webhook_delete(request, endpoint_id):
    organisation, page = _organisation_or_page(request)
    if page:
        return page
    endpoint = selectors.webhook_endpoint_access(organisation=organisation, endpoint_id=endpoint_id)
    services.webhook_endpoint_delete(endpoint=endpoint)
    messages.success(request, f"Endpoint {endpoint.url} removed.")
    return redirect("webhooks")


@recruiter_required
@require_POST
def webhook_redeliver(request, delivery_id):
    organisation, page = _organisation_or_page(request)
    if page:
        return page
    delivery = selectors.webhook_delivery_access(organisation=organisation, delivery_id=delivery_id)
    try:
        services.webhook_delivery_redeliver(delivery=delivery)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"The {delivery.event} message is on its way again (same webhook-id).")
    return redirect("webhook-detail", endpoint_id=delivery.endpoint_id)
