from reviews.selectors import unread_count


def unread_notifications(request):
    """`unread_notifications`: how many of the user's notifications are unread, for the navigation."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0}
    return {"unread_notifications": unread_count(user=user)}
