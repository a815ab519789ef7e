from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.ReportJobListView.as_view(), name="job_list"),
    path("reports/<int:pk>/", views.ReportJobDetailView.as_view(), name="job_detail"),
    path("reports/<int:pk>/progress/", views.ReportJobProgressView.as_view(), name="job_progress"),
    path("reports/<int:pk>/download/", views.job_download, name="job_download"),
    path(
        "reports/new/programmes/<int:pk>/",
        views.ProgrammeReportCreateView.as_view(),
        name="job_create_programme",
    ),
    path(
        "reports/new/partnerships/<int:pk>/",
        views.PartnershipReportCreateView.as_view(),
        name="job_create_partnership",
    ),
    path(
        "reports/new/local-governments/<int:pk>/",
        views.LocalGovernmentReportCreateView.as_view(),
        name="job_create_local_government",
    ),
    path(
        "reports/programmes/<int:pk>/chapters/",
        views.ReportNarrativeUpdateView.as_view(),
        name="narrative_update",
    ),
]
