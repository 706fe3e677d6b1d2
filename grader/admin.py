from django.contrib import admin

from grader.models import Submission
from reviews.admin import GradeRecordInline


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Read-only: grades change only through grading, regrading and reviewers, which keep the trail."""

    list_display = ("id", "candidate", "question", "kind", "status", "verdict", "score", "created_at")
    list_filter = ("status", "verdict", "kind", "question__stage")
    search_fields = ("candidate__username", "question__slug")
    readonly_fields = [f.name for f in Submission._meta.fields]
    inlines = [GradeRecordInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
