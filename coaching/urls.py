from django.urls import path  # noqa: F401  (each part of coaching adds its pages below)

from .views import evaluations

app_name = "coaching"

# Meetings and tasks; evaluations and the methodology log; the learning-cycle dashboard.
urlpatterns = [
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
