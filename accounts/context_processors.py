from accounts.selectors import home_url


def role_home(request):
    """`role_home_url`: the current user's own home, for the navigation and the 403 page."""
    user = getattr(request, "user", None)
    return {"role_home_url": home_url(user=user) if user is not None else ""}
