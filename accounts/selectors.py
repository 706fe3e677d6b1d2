"""Reads for users: where each role's pages start."""

from django.urls import reverse

from accounts.models import Role, User

# The page each role lands on after logging in. The reviewer queue and the recruiter board fill the
# reviewer and recruiter homes later; their URL names stay.
HOME_URL_NAMES = {
    Role.CANDIDATE: "roadmap",
    Role.REVIEWER: "reviewer-home",
    Role.RECRUITER: "recruiter-home",
    Role.AUTHOR: "author-home",
}


def home_url(*, user: User) -> str:
    """The URL of the user's own home page (the start page for someone not logged in)."""
    if not user.is_authenticated:
        return reverse("home")
    return reverse(HOME_URL_NAMES[user.role])
