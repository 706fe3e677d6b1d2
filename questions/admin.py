from django.contrib import admin

from mlassess.admin import ReadOnlyAdmin

from questions.models import Attempt, Question, QuestionVersion, Stage, Topic
from reviews.admin import GradeRecordInline


class TopicInline(admin.TabularInline):
    model = Topic
    extra = 0


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ("position", "title", "slug")
    inlines = [TopicInline]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("slug", "stage", "current_version", "retired")
    list_filter = ("stage", "retired")
    search_fields = ("slug", "current_version__title")
    readonly_fields = ("current_version",)


@admin.register(QuestionVersion)
class QuestionVersionAdmin(ReadOnlyAdmin):
    """Read-only: content changes go through the bank on disk and `manage.py sync_bank`."""

    list_display = ("question", "number", "type", "title", "points", "created_at")
    list_filter = ("type",)
    search_fields = ("question__slug", "title")


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ("candidate", "question", "status", "score", "max_score", "created_at")
    list_filter = ("status", "question__stage")
    search_fields = ("candidate__username", "question__slug")
    readonly_fields = [f.name for f in Attempt._meta.fields]
    inlines = [GradeRecordInline]

    def has_add_permission(self, request):
        return False
