from django.urls import path

from accounts import views

urlpatterns = [
    path("signup/", views.sign_up, name="sign-up"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("settings/", views.account_settings, name="account-settings"),
    path("settings/sharing/", views.sharing_update, name="sharing-update"),
]
