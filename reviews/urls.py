from django.urls import path

from reviews import views

urlpatterns = [
    path("reviewer/questions/<slug:slug>/next/", views.grade_next, name="review-next"),
    path("reviewer/items/<int:item_id>/", views.review_item, name="review-item"),
    path("reviewer/items/<int:item_id>/release/", views.review_release, name="review-release"),
    path("reviewer/graded/", views.auto_graded, name="auto-graded"),
    path("reviewer/<str:kind>/<int:pk>/override/", views.grade_override, name="grade-override"),
    path("reviewer/<str:kind>/<int:pk>/recheck/", views.recheck, name="recheck"),
    path("reviewer/<str:kind>/<int:pk>/trail/", views.grade_trail, name="grade-trail"),
    path("appeals/<str:kind>/<int:pk>/", views.appeal_create, name="appeal-create"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/read/", views.notifications_read, name="notifications-read"),
    path("notifications/<int:pk>/", views.notification_open, name="notification-open"),
]
