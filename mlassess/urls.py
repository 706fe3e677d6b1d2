from django.contrib import admin
from django.shortcuts import render
from django.urls import include, path

from mlassess.health import healthz


def home(request):
    return render(request, "home.html")


urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("accounts.urls")),
    path("", include("questions.urls")),
    path("", include("grader.urls")),
    path("", include("profiles.urls")),
    path("admin/", admin.site.urls),
]
