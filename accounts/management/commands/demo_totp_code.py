from django.core.management.base import BaseCommand

from accounts.selectors import totp_code
from accounts.services import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = (
        "Print the current two-factor code of the demo reviewer, recruiter and author (load_demo gives them "
        "the published DEMO_TOTP_SECRET). It changes every 30 seconds, and each code logs in once."
    )

    def handle(self, *args, **options):
        self.stdout.write(totp_code(secret=DEMO_TOTP_SECRET))
