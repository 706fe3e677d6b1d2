"""`Authorization: Token <secret>`: a recruiter's API token. Revoked or expired tokens fail at once (401)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from api import selectors, services


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if parts and parts[0].lower() == b"bearer":  # a common guess: say what to write instead of "not provided"
            raise exceptions.AuthenticationFailed(_("Give the header as: Authorization: Token <secret> (not Bearer)."))
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Give the header as: Authorization: Token <secret>."))
        try:
            secret = parts[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("The token is not valid.")) from None
        token = selectors.api_token_for_secret(secret_hash=services.token_hash(secret))
        if token is None:
            raise exceptions.AuthenticationFailed(_("The token is not valid."))
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("The token was revoked."))
        if token.expires_at <= timezone.now():
            raise exceptions.AuthenticationFailed(_("The token expired."))
        user = token.created_by
        # The token acts as its creator, within the creator's organisation: a recruiter who left it (or whose
        # account was closed or changed role) takes the organisation's tokens' access along.
        membership = getattr(user, "recruiter_membership", None)
        if not (user.is_active and user.is_recruiter and membership
                and membership.organisation_id == token.organisation_id):
            raise exceptions.AuthenticationFailed(_("The token's owner no longer recruits for its organisation."))
        services.api_token_used(token=token)
        return user, token

    def authenticate_header(self, request):
        return self.keyword  # makes failures 401 (with WWW-Authenticate), not 403


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "Authorization", "description": "`Token <secret>`"}
