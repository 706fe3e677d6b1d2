from django.contrib import admin
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import include, path
from django.views.defaults import page_not_found

from accounts import views as accounts_views
from mlassess.health import healthz
from reviews import views as reviews_views


def home(request):
    return render(request, "home.html")


def not_found(request, exception):
    """The 404 page; under /api/, JSON as the API answers a missing object (its clients read JSON, not a page)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return page_not_found(request, exception)


handler404 = not_found

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    # Each role's home. The review queue and the recruiter board fill the first two later: keep the names.
    path("reviewer/", reviews_views.dashboard, name="reviewer-home"),  # the review queue and its figures
    path("recruiter/", accounts_views.recruiter_home, name="recruiter-home"),
    path("author/", accounts_views.author_home, name="author-home"),
    path("", include("questions.urls")),
    path("", include("grader.urls")),
    path("", include("profiles.urls")),
    path("", include("recruiting.urls")),
    path("", include("reviews.urls")),
    path("api/v1/", include("api.urls")),
    path("", include("api.web_urls")),
    path("admin/", admin.site.urls),
]
