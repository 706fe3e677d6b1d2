"""`manage.py grade <slug> <file> --json`: the contract in DESIGN.md. Exit 0 whatever the verdict."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from grader.sandbox.launcher import SandboxUnavailable
from grader.services import UnknownTask, grade_file
from questions.bank_format import BankError


class Command(BaseCommand):
    help = "Grade a solution file for a code task through the sandbox, synchronously, with no worker or broker."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The task's slug, e.g. f1-score")
        parser.add_argument("path", type=Path, help="The solution file")
        parser.add_argument("--json", action="store_true", help="Print one JSON object on stdout")

    def handle(self, *args, slug, path, **options):
        try:
            code = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self._fail(f"cannot read {path}: {exc}")
        try:
            judgement = grade_file(slug=slug, code=code)
        except UnknownTask:
            self._fail(f"unknown task {slug!r}: no such code task in the bank")
        except BankError as exc:
            self._fail("; ".join(exc.problems))
        except SandboxUnavailable as exc:
            self._fail(f"no sandbox: {exc}")
        except Exception as exc:  # noqa: BLE001 - a fault of ours (or of the task's trusted files): could not grade
            self._fail(f"the grader failed: {type(exc).__name__}: {exc}", code=1)
        result = {
            "verdict": judgement.verdict,
            "score": judgement.score,
            "max_score": judgement.max_score,
            "passed": judgement.passed,
            "total": judgement.total,
            "message": judgement.feedback.get("message", ""),
            "categories": judgement.feedback.get("categories", []),
        }
        if options["json"]:
            sys.stdout.write(json.dumps(result) + "\n")
        else:
            self.stdout.write(f"{result['verdict']}: {result['score']:g}/{result['max_score']:g} ({result['passed']}/{result['total']} cases)")
            self.stdout.write(result["message"])

    def _fail(self, message: str, code: int = 2):
        sys.stderr.write(f"grade: {message}\n")
        sys.exit(code)
