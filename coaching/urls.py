from django.urls import path

from . import views
from .views import dashboard, evaluations

app_name = "coaching"

# Meetings and tasks; evaluations and the methodology log; the learning-cycle dashboard.
urlpatterns = [
    path("meetings/", views.MeetingListView.as_view(), name="meeting_list"),
    path("meetings/new/", views.MeetingCreateView.as_view(), name="meeting_create"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("meetings/<int:pk>/edit/", views.MeetingUpdateView.as_view(), name="meeting_update"),
    path("meetings/<int:pk>/record/", views.meeting_record, name="meeting_record"),
    path("meetings/<int:pk>/tasks/", views.task_create, name="task_create"),
    path("meetings/<int:pk>/pre-read/", views.MeetingPrereadView.as_view(), name="meeting_preread"),
    path("meetings/<int:pk>/pre-read/send/", views.preread_send, name="preread_send"),
    path("meetings/<int:pk>/invitation.ics", views.meeting_ics, name="meeting_ics"),
    path("tasks/", views.TaskListView.as_view(), name="task_list"),
    path("tasks/<int:pk>/done/", views.task_done, name="task_done"),
    path("calendar/", views.CalendarFeedView.as_view(), name="calendar_feed_settings"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("dashboard/", dashboard.DashboardView.as_view(), name="dashboard"),
    path("evaluations/", evaluations.EvaluationListView.as_view(), name="evaluation_list"),
    path("evaluations/new/", evaluations.EvaluationCreateView.as_view(), name="evaluation_create"),
    path(
        "evaluations/<int:pk>/",
        evaluations.EvaluationDetailView.as_view(),
        name="evaluation_detail",
    ),
    path(
        "evaluations/<int:pk>/edit/",
        evaluations.EvaluationUpdateView.as_view(),
        name="evaluation_update",
    ),
    path(
        "evaluations/<int:pk>/answer/",
        evaluations.EvaluationAnswerView.as_view(),
        name="evaluation_answer",
    ),
    path("methodology/", evaluations.AdjustmentListView.as_view(), name="adjustment_list"),
    path("methodology/new/", evaluations.AdjustmentCreateView.as_view(), name="adjustment_create"),
    path(
        "methodology/<int:pk>/edit/",
        evaluations.AdjustmentUpdateView.as_view(),
        name="adjustment_update",
    ),
]
