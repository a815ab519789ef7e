from django.urls import path  # noqa: F401  (patterns are added below, one block per area)

from .views import actions, reading, sheets

app_name = "learning"

urlpatterns = []

# The generic views of every registered tool; the slug selects the tool.
urlpatterns += [
    path("tools/<slug:slug>/", sheets.SheetListView.as_view(), name="sheet_list"),
    path(
        "tools/<slug:slug>/new/<int:owner>/",
        sheets.SheetCreateView.as_view(),
        name="sheet_create",
    ),
    path("tools/<slug:slug>/<int:pk>/", sheets.SheetDetailView.as_view(), name="sheet_detail"),
    path("tools/<slug:slug>/<int:pk>/edit/", sheets.SheetUpdateView.as_view(), name="sheet_update"),
    path("tools/<slug:slug>/<int:pk>/share/", actions.sheet_share, name="sheet_share"),
    path("tools/<slug:slug>/<int:pk>/review/", actions.sheet_review, name="sheet_review"),
    path("tools/<slug:slug>/<int:pk>/return/", actions.sheet_return, name="sheet_return"),
    path("tools/<slug:slug>/<int:pk>/comments/", actions.comment_create, name="comment_create"),
    path(
        "tools/<slug:slug>/<int:pk>/history/",
        reading.SheetHistoryView.as_view(),
        name="sheet_history",
    ),
    path("tools/<slug:slug>/<int:pk>/print/", reading.SheetPrintView.as_view(), name="sheet_print"),
    path("tools/<slug:slug>/<int:pk>/pdf/", reading.SheetPdfView.as_view(), name="sheet_pdf"),
]
