from django.urls import path

from . import views

app_name = "partnerships"

urlpatterns = [
    path("partnerships/", views.PartnershipListView.as_view(), name="partnership_list"),
    path("partnerships/new/", views.PartnershipCreateView.as_view(), name="partnership_create"),
    path(
        "partnerships/<int:pk>/", views.PartnershipDetailView.as_view(), name="partnership_detail"
    ),
    path(
        "partnerships/<int:pk>/status/",
        views.PartnershipStatusView.as_view(),
        name="partnership_status",
    ),
    path(
        "partnerships/<int:pk>/invite/",
        views.PartnershipInviteView.as_view(),
        name="partnership_invite",
    ),
    path(
        "local-governments/new/",
        views.LocalGovernmentCreateView.as_view(),
        name="localgovernment_create",
    ),
    path(
        "local-governments/<int:pk>/edit/",
        views.LocalGovernmentUpdateView.as_view(),
        name="localgovernment_update",
    ),
    path(
        "local-governments/<int:pk>/",
        views.LocalGovernmentDetailView.as_view(),
        name="localgovernment_detail",
    ),
    path(
        "local-governments/<int:pk>/invite/",
        views.LocalGovernmentInviteView.as_view(),
        name="localgovernment_invite",
    ),
    path("notifications/", views.NotificationListView.as_view(), name="notification_list"),
    path("notifications/<int:pk>/open/", views.notification_open, name="notification_open"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
    path("settings/", views.SettingsView.as_view(), name="settings"),
]
