from django.urls import path  # noqa: F401  (patterns are added below, one block per area)

from .tools.learning_questions.views import exchange, questions
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
    path("tools/<slug:slug>/<int:pk>/comments/", actions.comment_create, name="comment_create"),
    path(
        "tools/<slug:slug>/<int:pk>/history/",
        reading.SheetHistoryView.as_view(),
        name="sheet_history",
    ),
    path("tools/<slug:slug>/<int:pk>/print/", reading.SheetPrintView.as_view(), name="sheet_print"),
    path("tools/<slug:slug>/<int:pk>/pdf/", reading.SheetPdfView.as_view(), name="sheet_pdf"),
    # Share, review, return for changes, or a tool's own (learning/workflows.py).
    path(
        "tools/<slug:slug>/<int:pk>/<slug:transition>/",
        actions.sheet_transition,
        name="sheet_transition",
    ),
]

# Learning questions (tool 5), the exchange around them and their evolution.
urlpatterns += [
    path("questions/<int:pk>/", questions.QuestionDetailView.as_view(), name="question_detail"),
    path(
        "questions/<int:pk>/edit/", questions.QuestionUpdateView.as_view(), name="question_update"
    ),
    path(
        "questions/<int:pk>/reformulate/",
        questions.QuestionReformulateView.as_view(),
        name="question_reformulate",
    ),
    path("questions/<int:pk>/split/", questions.QuestionSplitView.as_view(), name="question_split"),
    path(
        "questions/<int:pk>/places/<int:owner>/",
        questions.OwnerPlaceView.as_view(),
        name="question_place",
    ),
    path("questions/<int:pk>/drop/", questions.QuestionDropView.as_view(), name="question_drop"),
    path(
        "questions/<int:pk>/responses/",
        exchange.ResponseCreateView.as_view(),
        name="response_create",
    ),
    path(
        "questions/<int:pk>/coaching-notes/",
        exchange.coachingnote_create,
        name="coachingnote_create",
    ),
    path("subquestions/<int:pk>/status/", exchange.subquestion_status, name="subquestion_status"),
    path("attachments/<int:pk>/", exchange.attachment_download, name="attachment_download"),
    path(
        "partnerships/<int:pk>/exchange/",
        exchange.PartnershipExchangeView.as_view(),
        name="partnership_exchange",
    ),
    path(
        "programmes/<int:pk>/supply-and-demand/",
        exchange.SupplyDemandView.as_view(),
        name="supply_demand",
    ),
    path(
        "programmes/<int:pk>/knowledge-network/",
        exchange.KnowledgeNetworkView.as_view(),
        name="knowledge_network",
    ),
    path(
        "local-governments/<int:pk>/evolution/",
        questions.EvolutionView.as_view(),
        name="evolution",
    ),
    path(
        "programmes/<int:pk>/evolution/",
        questions.EvolutionOverviewView.as_view(),
        name="evolution_overview",
    ),
    path(
        "programmes/<int:programme>/evolution/<int:pk>/edit/",
        questions.EvolutionSummaryUpdateView.as_view(),
        name="evolution_summary_update",
    ),
]
