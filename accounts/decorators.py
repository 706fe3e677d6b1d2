"""View guards by role. Anonymous users go to the login page; a user of another role gets a 403 page."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def role_required(*roles: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if request.user.role not in roles:
                raise PermissionDenied(f"This page is for {' and '.join(roles)} accounts.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


candidate_required = role_required("candidate")
