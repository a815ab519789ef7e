from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.messages.views import SuccessMessageMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, FormView, ListView, UpdateView
from rules.contrib.views import PermissionRequiredMixin

from . import freshness, services
from .access import Access
from .forms import (
    InvitationForm,
    LocalGovernmentForm,
    MemberInvitationForm,
    PartnershipForm,
    SettingsForm,
    StatusChangeForm,
)
from .models import LocalGovernment, Membership, Notification, Partnership
from .panels import panels


def own_navigation(user, local_governments):
    """The navigation's municipality (sdgp/context_processors.py) from those a page has read
    already, to spare its query: that of a member of one municipality, when it is among them."""
    member_of = Access.of(user).member_of
    if len(member_of) == 1:
        for local_government in local_governments:
            if local_government.pk in member_of:
                return {"nav_local_governments": [local_government]}
    return {}


class PartnershipListView(freshness.LazyListMixin, ListView):
    model = Partnership
    paginate_by = 50

    def get_queryset(self):
        queryset = Partnership.objects.visible_to(self.request.user).as_rows()
        status = self.request.GET.get("status")
        if status in Partnership.Status.values:
            queryset = queryset.filter(status=status)
        return queryset

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            statuses=Partnership.Status.choices,
            current_status=self.request.GET.get("status", ""),
            **kwargs,
        )


class PartnershipDetailView(DetailView):
    model = Partnership

    def get_queryset(self):
        return Partnership.objects.visible_to(self.request.user).with_sides()

    def get_context_data(self, **kwargs):
        # Read when the page's body shows: not while the reader's rendered body is kept
        # (`{% kept %}` in the template), until the data changes.
        names = ("status_changes", "members", "readable_sides", "panels")
        return super().get_context_data(
            **freshness.lazily(self.body, names),
            **own_navigation(self.request.user, self.object.sides),
            **kwargs,
        )

    def body(self):
        partnership = self.object
        user = self.request.user
        # An observer reads its own umbrella's side: the other side's team stays with it.
        readable = partnership.sides_visible_to(user)
        # Listed under each side: in a side's order (role, first name), without the join on
        # the municipalities' names that orders them across sides.
        members = (
            Membership.objects.filter(local_government__in=readable)
            .select_related("user")
            .order_by("role", "user__first_name")
        )
        # One partnership's changes: by date, without the joins of ordering by partnership.
        status_changes = partnership.status_changes.select_related("withdrawn_by").order_by(
            "date", "created_at"
        )
        return {
            "status_changes": status_changes,
            "members": members,
            "readable_sides": readable,
            "panels": panels("partnership", user=user, obj=partnership),
        }


def _sides(query):
    """The `north` and `south` of a query string that are ids, to carry between the pages."""
    values = {side: query.get(side, "") for side in ("north", "south")}
    return {side: value for side, value in values.items() if value.isascii() and value.isdigit()}


class PartnershipCreateView(PermissionRequiredMixin, CreateView):
    """Programme staff start a partnership in their programme."""

    permission_required = "partnerships.add_partnership"
    model = Partnership
    form_class = PartnershipForm

    def get_initial(self):
        return {**super().get_initial(), **_sides(self.request.GET)}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=urlencode(_sides(self.request.GET)), **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request, _("The partnership %(name)s has been created.") % {"name": self.object}
        )
        return response


class VisiblePartnershipMixin:
    """Finds the partnership of the URL among those the user may see (404 otherwise)."""

    def get_partnership(self):
        if not hasattr(self, "_partnership"):
            self._partnership = get_object_or_404(
                Partnership.objects.visible_to(self.request.user), pk=self.kwargs["pk"]
            )
        return self._partnership

    def get_permission_object(self):
        return self.get_partnership()

    def get_context_data(self, **kwargs):
        return super().get_context_data(partnership=self.get_partnership(), **kwargs)


class PartnershipStatusView(VisiblePartnershipMixin, PermissionRequiredMixin, FormView):
    permission_required = "partnerships.change_partnership_status"
    form_class = StatusChangeForm
    template_name = "partnerships/partnership_status_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partnership": self.get_partnership()}

    def form_valid(self, form):
        partnership = self.get_partnership()
        partnership.change_status(by=self.request.user, **form.cleaned_data)
        messages.success(
            self.request,
            _("The partnership is now “%(status)s”.")
            % {"status": partnership.get_status_display()},
        )
        return redirect(partnership)


class PartnershipInviteView(VisiblePartnershipMixin, PermissionRequiredMixin, FormView):
    """Staff add a consultant to a partnership; the person gets an e-mail to set a password."""

    permission_required = "partnerships.invite_consultant"
    form_class = InvitationForm
    template_name = "partnerships/invitation_form.html"

    def form_valid(self, form):
        partnership = self.get_partnership()
        user = services.consultant_invite(
            partnership=partnership, request=self.request, **form.cleaned_data
        )
        messages.success(self.request, _("%(name)s has been invited.") % {"name": user})
        return redirect(partnership)


class LocalGovernmentDetailView(DetailView):
    model = LocalGovernment

    def get_queryset(self):
        return LocalGovernment.objects.visible_to(self.request.user).select_related(
            "country", "umbrella"
        )

    def get_context_data(self, **kwargs):
        # Read when the page's body shows: not while the reader's rendered body is kept
        # (`{% kept %}` in the template), until the data changes.
        return super().get_context_data(
            **freshness.lazily(self.body, ("members", "partnerships", "panels")),
            **own_navigation(self.request.user, [self.object]),
            **kwargs,
        )

    def body(self):
        local_government = self.object
        partnerships = (
            Partnership.objects.visible_to(self.request.user)
            .of_local_government(local_government)
            .as_rows()
        )
        return {
            # One team: in its order (role, first name) without joining the municipality.
            "members": local_government.memberships.select_related("user").order_by(
                "role", "user__first_name"
            ),
            "partnerships": partnerships,
            "panels": panels("local_government", user=self.request.user, obj=local_government),
        }


class LocalGovernmentInviteView(PermissionRequiredMixin, FormView):
    """Staff add a focal point or team member to a local government."""

    permission_required = "partnerships.invite_member"
    form_class = MemberInvitationForm
    template_name = "partnerships/invitation_form.html"

    def get_local_government(self):
        if not hasattr(self, "_local_government"):
            self._local_government = get_object_or_404(
                LocalGovernment.objects.visible_to(self.request.user).select_related("country"),
                pk=self.kwargs["pk"],
            )
        return self._local_government

    def get_permission_object(self):
        return self.get_local_government()

    def get_initial(self):
        # A new member most likely works in their country's working language (French in
        # Benin, Dutch in Flanders).
        return {"language": self.get_local_government().country.working_language}

    def get_context_data(self, **kwargs):
        return super().get_context_data(local_government=self.get_local_government(), **kwargs)

    def form_valid(self, form):
        local_government = self.get_local_government()
        user = services.member_invite(
            local_government=local_government, request=self.request, **form.cleaned_data
        )
        messages.success(self.request, _("%(name)s has been invited.") % {"name": user})
        return redirect(local_government)


class LocalGovernmentCreateView(PermissionRequiredMixin, CreateView):
    """Programme staff add a municipality, then take it into a new partnership."""

    permission_required = "partnerships.add_localgovernment"
    model = LocalGovernment
    form_class = LocalGovernmentForm

    def get_success_url(self):
        side = "north" if self.object.is_north else "south"
        query = {**_sides(self.request.GET), side: self.object.pk}
        return f"{reverse('partnerships:partnership_create')}?{urlencode(query)}"

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("%(name)s has been added.") % {"name": self.object})
        return response


class LocalGovernmentUpdateView(PermissionRequiredMixin, UpdateView):
    """Staff of a programme edit the municipalities of its partnerships."""

    permission_required = "partnerships.change_localgovernment"
    model = LocalGovernment
    form_class = LocalGovernmentForm

    def get_queryset(self):
        return LocalGovernment.objects.visible_to(self.request.user)

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("%(name)s has been saved.") % {"name": self.object})
        return response


class NotificationListView(ListView):
    """Everything that was notified to the person, newest first, unread marked."""

    template_name = "partnerships/notification_list.html"
    context_object_name = "notifications"
    paginate_by = 20

    def get_queryset(self):
        return Notification.objects.visible_to(self.request.user).select_related("actor")


@require_POST
def notification_open(request, pk):
    """Mark the notification read and go to its page."""
    notification = get_object_or_404(Notification.objects.visible_to(request.user), pk=pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return redirect(url_has_allowed_host_and_scheme_or_home(request, notification.url))


@require_POST
def notifications_read(request):
    """Mark every notification of the person read."""
    Notification.objects.visible_to(request.user).unread().update(read_at=timezone.now())
    messages.success(request, _("Everything is marked as read."))
    return redirect("partnerships:notification_list")


def url_has_allowed_host_and_scheme_or_home(request, url):
    """Only a page of this site: a stored link that is not one goes home."""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return url
    return reverse("home")


class SettingsView(SuccessMessageMixin, UpdateView):
    """The person's own settings: language and how they hear of what needs them."""

    template_name = "partnerships/settings.html"
    form_class = SettingsForm
    success_url = reverse_lazy("partnerships:settings")
    success_message = gettext_lazy("Your settings are saved.")

    def get_object(self, queryset=None):
        return self.request.user
