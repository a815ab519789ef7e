"""The learning-cycle dashboard (coaching/dashboard/): for the consultants, the municipalities
they coach; for programme staff, their programmes' municipalities. Of one programme
(`?programme=`, 404 for a programme the person takes no part in), else of all of theirs. A
municipality's team and an observer, who coach no one, are refused (403).

The cards come a page at a time (`?page=`), most urgent first; the programme's summary counts
every municipality. Each person's rendered dashboard is kept in the cache until the data
changes (`{% kept %}` in the template, `partnerships.freshness.kept`)."""

from functools import partial

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from partnerships import freshness
from partnerships.models import Programme

from .. import dashboard


class DashboardView(TemplateView):
    template_name = "coaching/dashboard/dashboard.html"
    cards_per_page = 10

    def get_programme(self):
        chosen = self.request.GET.get("programme", "")
        if not chosen:
            return None
        if not chosen.isdigit():
            raise Http404("No such programme")
        return get_object_or_404(Programme.objects.visible_to(self.request.user), pk=chosen)

    def get_context_data(self, **kwargs):
        user = self.request.user
        programme = self.get_programme()
        if not dashboard.follows(user, programme):
            raise PermissionDenied
        # Read when the dashboard shows: not while it is kept.
        names = ("board", "page_obj", "cards")
        read = partial(self.board, user, programme)
        return super().get_context_data(
            programme=programme, **freshness.lazily(read, names), **kwargs
        )

    def board(self, user, programme):
        board = dashboard.build(user, programme)
        page = board.page(self.request.GET.get("page"), self.cards_per_page)
        return {"board": board, "page_obj": page, "cards": page.object_list}
