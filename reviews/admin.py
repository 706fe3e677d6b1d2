from django.contrib import admin

from mlassess.admin import ReadOnlyAdmin

from reviews.models import Appeal, GradeRecord, Notification, ReviewItem


class GradeRecordInline(admin.TabularInline):
    """The trail of an answer or a submission: read-only, like the records themselves."""

    model = GradeRecord
    extra = 0
    fields = ("created_at", "source", "grader", "reason", "version", "verdict", "score_before", "score", "max_score",
              "applied")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False



@admin.register(GradeRecord)
class GradeRecordAdmin(ReadOnlyAdmin):
    list_display = ("id", "created_at", "source", "grader", "attempt", "submission", "score_before", "score", "max_score")
    list_filter = ("source",)
    search_fields = ("reason", "grader__username")


@admin.register(ReviewItem)
class ReviewItemAdmin(ReadOnlyAdmin):
    list_display = ("id", "kind", "question", "created_at", "claimed_by", "claim_expires_at", "done_at", "done_by")
    list_filter = ("kind",)


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
    list_display = ("id", "candidate", "status", "created_at", "decided_at")
    list_filter = ("status",)


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("id", "user", "text", "created_at", "read_at")
