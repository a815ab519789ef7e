from django.urls import path  # noqa: F401  (patterns are added below, one block per area)

app_name = "learning"

urlpatterns = []
