from django.contrib import admin

from grader.models import Submission, SubmissionGrade


class SubmissionGradeInline(admin.TabularInline):
    model = SubmissionGrade
    extra = 0
    fields = ("created_at", "reason", "version", "verdict", "score", "max_score", "passed", "total")
    readonly_fields = fields
    can_delete = False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Read-only: grades change only through grading and regrading, which keep the history."""

    list_display = ("id", "candidate", "question", "kind", "status", "verdict", "score", "created_at")
    list_filter = ("status", "verdict", "kind", "question__stage")
    search_fields = ("candidate__username", "question__slug")
    readonly_fields = [f.name for f in Submission._meta.fields]
    inlines = [SubmissionGradeInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
