"""The site visits of a programme: their calendar, a visit's page, planning and editing one."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import IsNull
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DetailView, ListView, UpdateView
from rules.contrib.views import PermissionRequiredMixin

from partnerships import freshness
from partnerships.access import Access
from partnerships.models import Programme

from ..forms import SiteVisitForm
from ..models import Delegation, SiteVisit
from .rows import delegation_rows


def visible_delegations(user):
    """The delegations `user` reads, with what the visit pages show of them (each page gives
    them their visit)."""
    return Delegation.objects.visible_to(user).select_related("visitor", "host")


class SiteVisitListView(freshness.LazyListMixin, ListView):
    """The calendar of site visits: of one programme (`?programme=`, 404 for a programme the
    person takes no part in), else of all their programmes."""

    model = SiteVisit
    paginate_by = 30
    # The first delegations of each visit, by visitor and host; its page lists them all.
    delegations_shown = 10

    def get_programme(self):
        chosen = self.request.GET.get("programme", "")
        if not chosen:
            return None
        if not chosen.isdigit():
            raise Http404("No such programme")
        return get_object_or_404(Programme.objects.visible_to(self.request.user), pk=chosen)

    def get_queryset(self):
        self.programme = self.get_programme()
        visits = SiteVisit.objects.visible_to(self.request.user).select_related("programme")
        if self.programme is not None:
            visits = visits.filter(programme=self.programme)
        delegations = visible_delegations(self.request.user)
        count = (
            delegations.filter(visit=OuterRef("pk"))
            .order_by()
            .values("visit")
            .annotate(count=Count("pk"))
            .values("count")
        )
        shown = delegations.order_by("visitor__name", "host__name", "pk")
        return visits.annotate(
            delegation_count=Coalesce(Subquery(count), Value(0))
        ).prefetch_related(Prefetch("delegations", shown[: self.delegations_shown], "shown"))

    list_names = ("plannable",)

    def get_context_data(self, **kwargs):
        return super().get_context_data(programme=self.programme, **kwargs)

    def list_context(self, context):
        user = self.request.user
        if self.programme is not None:
            candidates = [self.programme]
        else:
            candidates = Programme.objects.visible_to(user)
        for visit in context["object_list"]:
            visit.more_delegations = visit.delegation_count - len(visit.shown)
        return {"plannable": [p for p in candidates if user.has_perm("visits.plan_visit", p)]}


DELEGATIONS = ("page_obj", "rows", "withdrawn_rows", "show_balance")


class SiteVisitDetailView(DetailView):
    """A visit and its delegations, a page of them at a time: those taking part, then those
    withdrawn, each by visitor and host."""

    model = SiteVisit
    paginate_by = 20  # delegations

    def get_queryset(self):
        return (
            SiteVisit.objects.visible_to(self.request.user)
            .select_related("programme")
            .prefetch_related("guides")
        )

    def get_context_data(self, **kwargs):
        # Read when the delegations show: not while the reader's rendered table of them is
        # kept (`{% kept %}` in the template), until the data changes.
        return super().get_context_data(**freshness.lazily(self.delegations, DELEGATIONS), **kwargs)

    def delegations(self):
        visit, user = self.object, self.request.user
        delegations = (
            visible_delegations(user)
            .filter(visit=visit)
            .prefetch_related("members")
            .order_by(IsNull(F("withdrawn_on"), False), "visitor__name", "host__name", "pk")
        )
        page = Paginator(delegations, self.paginate_by).get_page(self.request.GET.get("page"))
        for delegation in page:
            delegation.visit = visit
        access = Access.of(user)
        rows = delegation_rows(page, user=user)
        return {
            "page_obj": page,
            "rows": [row for row in rows if not row.delegation.is_withdrawn],
            "withdrawn_rows": [row for row in rows if row.delegation.is_withdrawn],
            "show_balance": access.superuser or visit.programme_id in access.staff_of,
        }


class PlanningMixin:
    model = SiteVisit
    form_class = SiteVisitForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "programme": self.get_programme(),
            "user": self.request.user,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(programme=self.get_programme(), **kwargs)

    def form_invalid(self, form):
        messages.error(self.request, _("The visit was not saved: see the marked fields."))
        return super().form_invalid(form)


class SiteVisitCreateView(PlanningMixin, PermissionRequiredMixin, CreateView):
    """Programme staff and the programme's consultants plan a visit (`?programme=`)."""

    permission_required = "visits.plan_visit"

    def get_programme(self):
        if not hasattr(self, "_programme"):
            self._programme = None
            chosen = self.request.GET.get("programme", "")
            programmes = Programme.objects.visible_to(self.request.user)
            if chosen.isdigit():
                self._programme = get_object_or_404(programmes, pk=chosen)
            elif chosen:
                raise Http404("No such programme")
            else:
                plannable = self.plannable()
                if len(plannable) == 1:
                    self._programme = plannable[0]
        return self._programme

    def plannable(self):
        user = self.request.user
        programmes = Programme.objects.visible_to(user)
        return [p for p in programmes if user.has_perm("visits.plan_visit", p)]

    def get_permission_object(self):
        return self.get_programme()

    def dispatch(self, request, *args, **kwargs):
        if not request.GET.get("programme") and len(self.plannable()) > 1:
            return render(
                request,
                "visits/sitevisit_programme_choice.html",
                {"programmes": self.plannable()},
            )
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request,
            _("The site visit of %(start)s to %(end)s is planned.")
            % {
                "start": self.object.start_date.isoformat(),
                "end": self.object.end_date.isoformat(),
            },
        )
        return response


class SiteVisitUpdateView(PlanningMixin, PermissionRequiredMixin, UpdateView):
    permission_required = "visits.change_sitevisit"

    def get_queryset(self):
        return SiteVisit.objects.visible_to(self.request.user).select_related("programme")

    def get_programme(self):
        return self.get_object().programme

    def get_object(self, queryset=None):
        if not hasattr(self, "_object"):
            self._object = super().get_object(queryset)
        return self._object

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("The site visit is saved."))
        return response
