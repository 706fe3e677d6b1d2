from django.contrib import admin

from mlassess.admin import ReadOnlyAdmin

from profiles.models import BestResult, CandidateProfile, DeletedAccountResults, ProfileView, StageMastery, TopicMastery



@admin.register(CandidateProfile)
class CandidateProfileAdmin(ReadOnlyAdmin):
    list_display = ("candidate", "public_id", "level", "score", "coverage", "solved_questions", "last_activity_at")
    list_filter = ("level",)
    search_fields = ("candidate__username", "public_id")


@admin.register(TopicMastery)
class TopicMasteryAdmin(ReadOnlyAdmin):
    list_display = ("candidate", "topic", "level", "score", "coverage", "graded_questions", "total_questions")
    list_filter = ("level", "topic__stage", "topic")
    search_fields = ("candidate__username",)


@admin.register(StageMastery)
class StageMasteryAdmin(ReadOnlyAdmin):
    list_display = ("candidate", "stage", "level", "score", "coverage", "graded_questions", "total_questions")
    list_filter = ("level", "stage")
    search_fields = ("candidate__username",)


@admin.register(BestResult)
class BestResultAdmin(ReadOnlyAdmin):
    list_display = ("candidate", "question", "best_fraction", "graded_results", "pending_review", "last_result_at")
    search_fields = ("candidate__username", "question__slug")


@admin.register(ProfileView)
class ProfileViewAdmin(ReadOnlyAdmin):
    list_display = ("viewed_at", "candidate", "viewer", "organisation_name")
    search_fields = ("candidate__username", "viewer__username", "organisation_name")


@admin.register(DeletedAccountResults)
class DeletedAccountResultsAdmin(ReadOnlyAdmin):
    list_display = ("question", "answers", "submissions", "graded", "full_marks", "fraction_sum")
