from django.urls import path

from grader import views

urlpatterns = [
    path("tasks/<slug:slug>/", views.code_task, name="code-task"),
    path("submissions/<int:submission_id>/", views.submission_detail, name="submission-detail"),
]
