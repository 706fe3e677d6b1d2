from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.services import user_role_set


class SuperusersOnly:
    """Users, roles and permissions are managed by superusers alone, whatever permissions a group was given:
    anyone who may change users may make themselves a superuser."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request)


@admin.register(User)
class UserAdmin(SuperusersOnly, BaseUserAdmin):
    list_display = ("username", "email", "role", "share_profile", "is_active", "is_superuser")
    list_filter = ("role", "share_profile", "is_active", "is_superuser")
    fieldsets = BaseUserAdmin.fieldsets + (("MLAssess", {"fields": ("role", "share_profile")}),)
    # Consent to share is the candidate's own choice, made in their settings: nobody changes it here.
    # Staff status follows the role (user_role_set), so it is not ticked by hand either.
    readonly_fields = ("share_profile", "is_staff", "last_login", "date_joined")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        user_role_set(user=obj, role=obj.role)  # staff status and groups follow the role


# The admin logs in through our login page, with its throttling and second factor.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(SuperusersOnly, BaseGroupAdmin):
    pass
