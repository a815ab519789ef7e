from django.urls import path  # noqa: F401  (each part of coaching adds its pages below)

app_name = "coaching"

# Meetings and tasks; evaluations and the methodology log; the learning-cycle dashboard.
urlpatterns = []
