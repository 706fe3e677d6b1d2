"""`manage.py bank_mutants [slug ...]`: how many deliberate bugs each code task's hidden cases catch."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from grader.mutants import EQUIVALENT_FILE, check_task_mutants
from grader.sandbox.launcher import SandboxUnavailable
from questions.bank_format import BankError, load_bank
from questions.models import QuestionType


class Command(BaseCommand):
    help = (
        "Make mutants of each code task's model solution (solution.py, else reference.py), grade each on the "
        "task's hidden cases in the sandbox, and print per task killed / total and the survivors. Survivors "
        f"listed in the task folder's {EQUIVALENT_FILE} are left out of the score. Fails when a task scores "
        "below --fail-under."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Code tasks to check (default: every code task)")
        parser.add_argument("--bank", type=Path, help="Bank folder (default: settings.BANK_DIR)")
        parser.add_argument("--fail-under", type=float, default=95.0, help="Lowest acceptable %% killed (default 95)")

    def handle(self, *args, slugs, bank, fail_under, **options):
        verbosity = options["verbosity"]
        try:
            questions = load_bank(bank or settings.BANK_DIR).questions
        except BankError as exc:
            raise CommandError("The bank does not load:\n" + "\n".join(exc.problems)) from None
        tasks = {q.slug: q for q in questions if q.type == QuestionType.CODE}
        unknown = [s for s in slugs if s not in tasks]
        if unknown:
            raise CommandError(f"not a code task in the bank: {', '.join(unknown)}")
        chosen = [tasks[s] for s in slugs] if slugs else list(tasks.values())

        reports = []
        for number, task in enumerate(chosen, start=1):
            self.stdout.write(f"[{number}/{len(chosen)}] {task.slug}")
            try:
                report = check_task_mutants(task=task, progress=self._progress(task.slug, verbosity))
            except SandboxUnavailable as exc:
                raise CommandError(f"Mutants cannot be run without the sandbox: {exc}") from None
            reports.append(report)
            self._task_report(report)

        self.stdout.write("\nSummary (killed / mutants that are not equivalent):")
        width = max(len(r.slug) for r in reports) if reports else 0
        for r in reports:
            score = "could not run" if r.problem else f"{r.killed:4d}/{r.scored:<4d} {r.percent:5.1f}%"
            self.stdout.write(f"  {r.slug:<{width}}  {score}  ({r.mutated_file}, {len(r.equivalent)} equivalent)")
        failing = [r.slug for r in reports if r.problem or r.percent < fail_under]
        if failing:
            raise CommandError(f"{len(failing)} task(s) below {fail_under:g}% or not checked: {', '.join(failing)}")
        self.stdout.write(self.style.SUCCESS(f"Every task checked kills at least {fail_under:g}% of its mutants."))

    def _progress(self, slug, verbosity):
        def progress(done, total, mutant, killed):
            if verbosity >= 2:
                self.stdout.write(f"    {'killed  ' if killed else 'SURVIVED'} {mutant.label}")
            elif done % 20 == 0 or done == total:
                self.stdout.write(f"    {slug}: {done}/{total} mutants run")

        return progress

    def _task_report(self, r):
        if r.problem:
            self.stdout.write(self.style.ERROR(f"  {r.slug}: not checked: {r.problem}"))
            return
        self.stdout.write(
            f"  {r.slug}: {r.killed}/{r.scored} killed ({r.percent:.1f}%) of the mutants of {r.mutated_file}; "
            f"{len(r.equivalent)} listed as equivalent"
        )
        for mutant in r.survivors:
            self.stdout.write(self.style.WARNING(f"    survivor {mutant.label}"))
        for entry in r.killed_but_listed:
            self.stdout.write(self.style.WARNING(
                f"    listed in {EQUIVALENT_FILE} but killed by the hidden cases (so not equivalent): {entry.change}"
            ))
        for entry in r.stale_entries:
            where = f"line {entry.line}: " if entry.line else ""
            self.stdout.write(self.style.WARNING(
                f"    listed in {EQUIVALENT_FILE} but no such mutant exists any more: {where}{entry.change}"
            ))
