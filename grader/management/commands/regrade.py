from django.core.management.base import BaseCommand, CommandError

from grader.services import regrade_question
from questions.models import Question


class Command(BaseCommand):
    help = "Regrade every graded submission of a task against its current version, keeping the old grades."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--reason", default="regrade requested by staff")

    def handle(self, *args, slug, reason, **options):
        question = Question.objects.filter(slug=slug).select_related("current_version").first()
        if question is None:
            raise CommandError(f"unknown question {slug!r}")

        def progress(done, total):
            self.stdout.write(f"  regraded {done}/{total}")

        count, kept = regrade_question(question=question, reason=reason, progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Regraded {count} submission(s) of {slug}."))
        if kept:
            self.stdout.write(f"On {kept} of them a reviewer's grade stands: the new grade is in their trail, not applied.")
