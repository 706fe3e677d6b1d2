from django.urls import path

from recruiting import views

app_name = "recruiting"

urlpatterns = [
    # Public: the board and the listings' pages.
    path("jobs/", views.board, name="board"),
    path("jobs/<int:listing_id>/", views.listing_page, name="listing"),
    # Candidates: applying, their applications, withdrawing.
    path("jobs/<int:listing_id>/apply/", views.apply, name="apply"),
    path("applications/", views.my_applications, name="my-applications"),
    path("applications/<int:application_id>/withdraw/", views.withdraw, name="withdraw"),
    # Recruiters (their home, the dashboard, is accounts' `recruiter-home`).
    path("recruiter/organisation/", views.organisation_create, name="organisation-create"),
    path("recruiter/listings/new/", views.listing_create, name="listing-create"),
    path("recruiter/listings/<int:listing_id>/edit/", views.listing_edit, name="listing-edit"),
    path("recruiter/listings/<int:listing_id>/<str:action>/", views.listing_state, name="listing-state"),
    path("recruiter/applications/", views.applications, name="applications"),
    path("recruiter/applications/<int:application_id>/", views.application_detail, name="application"),
    path("recruiter/candidates/", views.candidates, name="candidates"),
]
