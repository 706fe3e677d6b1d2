from django.urls import path

from accounts import views

# Our own account pages. Logging in and out, sign-up, e-mail, passwords, two-factor authentication and the
# list of sessions are django-allauth's, under the same /accounts/ prefix (mlassess/urls.py).
urlpatterns = [
    path("settings/", views.account_settings, name="account-settings"),
    path("settings/sharing/", views.sharing_update, name="sharing-update"),
    path("settings/log-out-everywhere/", views.log_out_everywhere, name="log-out-everywhere"),
]
