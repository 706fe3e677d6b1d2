import time

from django.core.management.base import BaseCommand

from profiles.services import progress_rebuild


class Command(BaseCommand):
    help = "Recompute every candidate's stored progress (best results, mastery per topic, stage and roadmap) from their results. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=500, help="Candidates per transaction (default 500).")

    def handle(self, *args, chunk_size, **options):
        started = time.monotonic()
        done = progress_rebuild(chunk_size=chunk_size)
        self.stdout.write(f"Rebuilt the progress of {done} candidates in {time.monotonic() - started:.1f} s.")
