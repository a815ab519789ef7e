from django.urls import path

from . import views
from .views import actions, journals

app_name = "visits"

urlpatterns = [
    path("", views.SiteVisitListView.as_view(), name="visit_list"),
    path("new/", views.SiteVisitCreateView.as_view(), name="visit_create"),
    path("<int:pk>/", views.SiteVisitDetailView.as_view(), name="visit_detail"),
    path("<int:pk>/edit/", views.SiteVisitUpdateView.as_view(), name="visit_update"),
    path("delegations/<int:pk>/", views.DelegationDetailView.as_view(), name="delegation_detail"),
    path(
        "delegations/<int:pk>/members/",
        views.DelegationMembersView.as_view(),
        name="delegation_members",
    ),
    path(
        "delegations/<int:pk>/withdraw/",
        views.DelegationWithdrawView.as_view(),
        name="delegation_withdraw",
    ),
    path(
        "delegations/<int:pk>/reinstate/",
        views.delegation_reinstate,
        name="delegation_reinstate",
    ),
    path(
        "delegations/<int:pk>/priorities/",
        views.DelegationPrioritiesView.as_view(),
        name="delegation_priorities",
    ),
    path(
        "delegations/<int:pk>/actions/new/", actions.ActionCreateView.as_view(), name="action_new"
    ),
    path("actions/<int:pk>/", actions.ActionDetailView.as_view(), name="action_detail"),
    path("actions/<int:pk>/status/", actions.ActionStatusView.as_view(), name="action_status"),
    path(
        "actions/<int:pk>/notes/", actions.ActionNoteCreateView.as_view(), name="action_note_create"
    ),
    path("actions/notes/<int:pk>/file/", actions.action_note_file, name="action_note_file"),
    path(
        "actions/<int:pk>/question/", actions.ActionQuestionView.as_view(), name="action_question"
    ),
    # The learning journals (tools 8 and 9): started from the delegation, written a row or a
    # day at a time.
    path(
        "delegations/<int:pk>/journals/<slug:slug>/start/",
        journals.journal_start,
        name="journal_start",
    ),
    path(
        "journals/entries/<int:entry>/", journals.JournalEntryView.as_view(), name="journal_entry"
    ),
    path(
        "journals/<int:pk>/entries/new/",
        journals.JournalEntryView.as_view(),
        name="journal_entry_add",
    ),
    path(
        "journals/<int:pk>/days/<str:date>/", journals.JournalDayView.as_view(), name="journal_day"
    ),
]
