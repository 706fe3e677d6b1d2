from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.selectors import two_factor_required
from accounts.services import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_accounts_ensure
from questions.services import demo_attempts_ensure
from recruiting.services import demo_recruiting_ensure
from reviews.services import demo_reviews_ensure

FORCE_FLAG = "--with-public-demo-passwords"


class Command(BaseCommand):
    help = (
        "Create one demo account per role, all with the published demo password (and, for the staff roles, the "
        "published TOTP secret), and a few answered questions for the demo candidate. For local demos: refused when DEBUG is off unless "
        f"{FORCE_FLAG} is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            FORCE_FLAG,
            action="store_true",
            dest="public_passwords",
            help="Create the demo accounts even with DEBUG off. Anyone who has read the README can log in to them.",
        )

    def handle(self, *args, public_passwords=False, **options):
        if not settings.DEBUG and not public_passwords:
            raise CommandError(
                "DEBUG is off, so this may be a real installation, and the demo accounts' password is public "
                f"(it is in the source). Run with {FORCE_FLAG} if you really want accounts that anyone can log in to."
            )
        users = demo_accounts_ensure()
        candidate = next(u for u in users if u.is_candidate)
        demo_attempts_ensure(candidate=candidate)
        organisation = demo_recruiting_ensure(recruiter=next(u for u in users if u.is_recruiter))
        demo_reviews_ensure(candidate=candidate)  # free-text answers and an appeal waiting in the review queue
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for user in users:
            second = "  + a code from the TOTP secret below" if two_factor_required(user=user) else ""
            self.stdout.write(f"  {user.role:<10} {user.username:<10}{second}")
        self.stdout.write(
            f"TOTP secret of the demo reviewer, recruiter and author: {DEMO_TOTP_SECRET}\n"
            "  (add it to an authenticator app, or run: .venv/bin/python manage.py demo_totp_code)"
        )
        self.stdout.write(f"The demo recruiter's organisation: {organisation.name} (verified), with "
                          f"{organisation.listings.filter(state='published').count()} listings on the board (/jobs/)")
        self._api_token(next(u for u in users if u.is_recruiter))

    def _api_token(self, recruiter):
        """The demo recruiter's API token (a published secret, like the password), and how to try it."""
        import os

        from api.services import DEMO_API_TOKEN, demo_api_token_ensure

        if demo_api_token_ensure(recruiter=recruiter) is None:
            self.stdout.write("The demo recruiter has no organisation, so no API token.")
            return
        port = os.environ.get("MLASSESS_PORT", "8000")
        self.stdout.write(
            f"API token of the demo recruiter (read and write, 30 days): {DEMO_API_TOKEN}\n"
            f'  curl -H "Authorization: Token {DEMO_API_TOKEN}" http://127.0.0.1:{port}/api/v1/candidates/\n'
            f"  (the API's documentation: http://127.0.0.1:{port}/api/v1/docs/)"
        )
