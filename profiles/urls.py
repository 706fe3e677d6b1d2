from django.urls import path
from django.views.generic import RedirectView

from profiles import views

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/history/", views.history, name="history"),
    path("attempts/", RedirectView.as_view(pattern_name="history", query_string=True)),  # the history's old address
    path("profile/sharing/", views.sharing, name="profile-sharing"),
    path("profile/sharing/update/", views.sharing_update, name="profile-sharing-update"),
    path("profile/export/", views.export, name="profile-export"),
    path("profile/delete/", views.account_delete, name="account-delete"),
    path("profiles/<uuid:public_id>/", views.shared_profile, name="shared-profile"),
]
