from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from questions.bank_format import BankError
from questions.services import sync_bank


class Command(BaseCommand):
    help = "Load the roadmap and the question bank from disk (idempotent; refuses an invalid bank whole)."

    def add_arguments(self, parser):
        parser.add_argument("--bank", type=Path, help="Bank folder (default: settings.BANK_DIR)")

    def handle(self, *args, **options):
        try:
            report = sync_bank(bank_dir=options["bank"], validators=_validators())
        except BankError as exc:
            raise CommandError(
                f"The bank was not loaded: {len(exc.problems)} problem(s).\n" + "\n".join(exc.problems)
            ) from None
        self.stdout.write(self.style.SUCCESS(f"Bank synced: {report.summary()}."))


def _validators():
    """Checks of other apps that must pass before the bank is written (the grader's code tasks)."""
    try:
        from grader.bank_checks import check_code_tasks
    except ImportError:
        return ()
    return (check_code_tasks,)
