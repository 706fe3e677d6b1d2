"""Who may call what: a live token for reads, a read_write token for writes, a verified organisation for
candidates."""

from rest_framework import permissions

from api.models import ApiToken


class TokenScopePermission(permissions.BasePermission):
    """A token is required; writing needs the read_write scope (403 with a message otherwise)."""

    message = "This token may only read: create a token with the read and write scope to change data."

    def has_permission(self, request, view):
        token = request.auth
        if not isinstance(token, ApiToken):
            return False
        return request.method in permissions.SAFE_METHODS or token.can_write


class VerifiedOrganisation(permissions.BasePermission):
    """Candidates are seen only by verified organisations; an unverified one can still prepare listings."""

    message = "Your organisation is not verified yet, so it cannot see candidates."

    def has_permission(self, request, view):
        return isinstance(request.auth, ApiToken) and request.auth.organisation.is_verified
