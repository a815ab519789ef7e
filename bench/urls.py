"""The app's URLs plus the two floors of a benchmark run. Only bench.settings uses this module,
so these URLs never exist outside `make bench`."""

from django.urls import path

from sdgp.urls import urlpatterns as app_urlpatterns

from . import views

urlpatterns = [
    path("bench/trivial/", views.trivial, name="bench_trivial"),
    path("bench/pdf-floor/<int:pages>/", views.pdf_floor, name="bench_pdf_floor"),
    *app_urlpatterns,
]
