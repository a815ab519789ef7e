from django.urls import path

from . import views

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
]
