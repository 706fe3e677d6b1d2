from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import User
from accounts.services import user_role_set


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "email", "role", "share_profile", "is_active")
    list_filter = ("role", "share_profile", "is_active")
    fieldsets = BaseUserAdmin.fieldsets + (("MLAssess", {"fields": ("role", "share_profile")}),)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        user_role_set(user=obj, role=obj.role)  # staff status and groups follow the role
