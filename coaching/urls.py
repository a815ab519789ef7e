from django.urls import path

from .views import dashboard

app_name = "coaching"

# Meetings and tasks; evaluations and the methodology log; the learning-cycle dashboard.
urlpatterns = [
    path("dashboard/", dashboard.DashboardView.as_view(), name="dashboard"),
]
