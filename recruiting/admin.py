from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from accounts.admin import SuperusersOnly
from recruiting.models import Application, ApplicationStatusChange, Listing, Organisation, RecruiterMembership
from recruiting.services import organisation_verify


class MembershipInline(admin.TabularInline):
    model = RecruiterMembership
    extra = 0
    autocomplete_fields = ("recruiter",)


@admin.register(Organisation)
class OrganisationAdmin(SuperusersOnly, admin.ModelAdmin):
    """Organisations and who recruits for them. Superusers alone (authors are staff too, and must not verify):
    verifying lets an organisation publish listings and see candidates."""

    list_display = ("name", "slug", "verified_at", "verified_by", "created_at")
    list_filter = (("verified_at", admin.EmptyFieldListFilter),)
    search_fields = ("name", "slug")
    readonly_fields = ("verified_at", "verified_by", "created_at")
    inlines = (MembershipInline,)
    actions = ("verify",)

    @admin.action(description="Verify the selected organisations")
    def verify(self, request, queryset):
        done = 0
        for organisation in queryset.filter(verified_at__isnull=True):
            try:
                organisation_verify(organisation=organisation, by=request.user)
            except ValidationError as exc:
                self.message_user(request, " ".join(exc.messages), messages.ERROR)
                return
            self.log_change(request, organisation, [{"changed": {"fields": ["verified_at", "verified_by"]}}])
            done += 1
        self.message_user(request, f"Verified {done} organisation{'s' if done != 1 else ''}.", messages.SUCCESS)


class ReadOnlyForSuperusers(SuperusersOnly):
    """Listings and applications are changed by recruiters and candidates through the services, not here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Listing)
class ListingAdmin(ReadOnlyForSuperusers, admin.ModelAdmin):
    list_display = ("title", "organisation", "state", "posted_at", "valid_through")
    list_filter = ("state", "employment_type", "workplace_type")
    search_fields = ("title", "organisation__name")


class StatusChangeInline(admin.TabularInline):
    model = ApplicationStatusChange
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(ReadOnlyForSuperusers, admin.ModelAdmin):
    list_display = ("candidate", "listing", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("candidate__username", "listing__title")
    inlines = (StatusChangeInline,)
