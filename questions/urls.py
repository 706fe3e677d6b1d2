from django.urls import path

from questions import views

urlpatterns = [
    path("roadmap/", views.roadmap, name="roadmap"),
    path("roadmap/<slug:stage_slug>/", views.stage_questions, name="stage"),
    path("questions/<slug:slug>/", views.question_detail, name="question"),
    path("attempts/<int:attempt_id>/", views.attempt_detail, name="attempt-detail"),
]
