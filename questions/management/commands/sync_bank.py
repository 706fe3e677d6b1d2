from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from grader.bank_checks import check_code_tasks
from grader.sandbox.launcher import SandboxUnavailable
from questions.bank_format import BankError
from questions.services import sync_bank

NEXT_STEP = (
    "Nothing was written: the bank loaded before stays in use. Fix the files named above and run "
    "`python manage.py sync_bank` again."
)


class Command(BaseCommand):
    help = (
        "Load the roadmap and the question bank from disk (idempotent; refuses an invalid bank whole). "
        "Code tasks are checked in the sandbox: the model solution and the second solution must pass and every "
        "wrong/ solution fail. Reports the choice questions' length bias and tick-all score."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bank", type=Path, help="Bank folder (default: settings.BANK_DIR)")

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 0

        def progress(done, total, slug):
            if verbose:
                self.stdout.write(f"  checked code task {done}/{total}: {slug}")

        try:
            report = sync_bank(bank_dir=options["bank"], validators=[lambda bank: check_code_tasks(bank, progress=progress)])
        except BankError as exc:
            raise CommandError(
                f"The bank was not loaded: {len(exc.problems)} problem(s).\n" + "\n".join(exc.problems) + "\n" + NEXT_STEP
            ) from None
        except SandboxUnavailable as exc:
            raise CommandError(
                f"Code tasks cannot be checked without the sandbox: {exc}\nNothing was written. Once the sandbox "
                "works, run `python manage.py sync_bank` again."
            ) from None
        self.stdout.write(self.style.SUCCESS(f"Bank synced: {report.summary()}."))
        if verbose:
            self.stdout.write(report.choice_bias.text())
            if options["verbosity"] > 1 and report.choice_bias.longest_is_correct:
                self.stdout.write("  correct option strictly the longest: " + ", ".join(report.choice_bias.longest_is_correct))
