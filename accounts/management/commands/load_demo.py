from django.core.management.base import BaseCommand

from accounts.services import DEMO_PASSWORD, demo_accounts_ensure
from questions.services import demo_attempts_ensure


class Command(BaseCommand):
    help = "Create one demo account per role and a few answered questions for the demo candidate."

    def handle(self, *args, **options):
        users = demo_accounts_ensure()
        candidate = next(u for u in users if u.is_candidate)
        demo_attempts_ensure(candidate=candidate)
        self.stdout.write("Demo accounts (password for all: %s):" % DEMO_PASSWORD)
        for user in users:
            self.stdout.write(f"  {user.role:<10} {user.username}")
