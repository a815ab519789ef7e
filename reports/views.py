"""The report's pages: start one for a programme, a partnership or a municipality; follow it
while it is built (its progress, polled by htmx); download it.

The subject of a new report is found through its `visible_to(user)` queryset (a stranger gets
404), and starting it needs a `reports.add_*_report` permission (403). A job is only its
requester's (`ReportJob.objects.visible_to`); its file is served here, never from /media/.
"""

from django.contrib import messages
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import CreateView, DetailView, ListView, UpdateView
from rules.contrib.views import PermissionRequiredMixin

from learning import files
from partnerships.models import LocalGovernment, Partnership, Programme

from . import jobs
from .forms import ReportJobForm, ReportNarrativeForm
from .models import ReportJob, ReportNarrative
from .rules import report_programmes

# How many of the requester's earlier reports the pages list.
EARLIER = 10


def earlier_reports(user, *, exclude=None):
    reports = ReportJob.objects.visible_to(user).select_related(
        "programme", "partnership__north", "partnership__south", "local_government"
    )
    if exclude is not None:
        reports = reports.exclude(pk=exclude.pk)
    return reports[:EARLIER]


class ReportJobCreateView(PermissionRequiredMixin, CreateView):
    """The start form of one scope; subclasses say which model the URL's pk names."""

    model = ReportJob
    form_class = ReportJobForm
    scope_model = None

    def get_subject(self):
        if not hasattr(self, "_subject"):
            queryset = self.scope_model.objects.visible_to(self.request.user)
            self._subject = get_object_or_404(queryset, pk=self.kwargs["pk"])
        return self._subject

    def get_permission_object(self):
        return self.get_subject()

    def get_scope(self):
        """The job's programme, partnership and local government, and the programmes to
        choose from (None: the scope fixes the programme)."""
        raise NotImplementedError

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "programmes": self.get_scope()["programmes"],
        }

    def get_context_data(self, **kwargs):
        jobs.fail_stale_jobs()
        return super().get_context_data(
            subject=self.get_subject(), earlier=earlier_reports(self.request.user), **kwargs
        )

    def form_valid(self, form):
        scope = self.get_scope()
        job = jobs.start_report(
            user=self.request.user,
            programme=form.cleaned_data.get("programme") or scope["programme"],
            partnership=scope.get("partnership"),
            local_government=scope.get("local_government"),
            language=form.cleaned_data["language"],
            with_appendices=form.cleaned_data["with_appendices"],
            with_images=form.cleaned_data["with_images"],
        )
        messages.success(
            self.request,
            _("Your report is being built. We will e-mail you when it is ready."),
        )
        return redirect(job)


class ProgrammeReportCreateView(ReportJobCreateView):
    permission_required = "reports.add_programme_report"
    scope_model = Programme

    def get_scope(self):
        return {"programme": self.get_subject(), "programmes": None}

    def get_context_data(self, **kwargs):
        return super().get_context_data(programme_report=True, **kwargs)


class PartnershipReportCreateView(ReportJobCreateView):
    permission_required = "reports.add_partnership_report"
    scope_model = Partnership

    def get_scope(self):
        partnership = self.get_subject()
        return {
            "programme": partnership.programme,
            "partnership": partnership,
            "programmes": None,
        }


class LocalGovernmentReportCreateView(ReportJobCreateView):
    """A municipality's report within one of its programmes, chosen in the form."""

    permission_required = "reports.add_local_government_report"
    scope_model = LocalGovernment

    def get_scope(self):
        local_government = self.get_subject()
        programmes = report_programmes(self.request.user, local_government)
        return {"programme": None, "local_government": local_government, "programmes": programmes}


class ReportJobMixin:
    context_object_name = "job"

    def get_queryset(self):
        return ReportJob.objects.visible_to(self.request.user).select_related(
            "programme", "partnership__north", "partnership__south", "local_government"
        )


class ReportJobDetailView(ReportJobMixin, DetailView):
    """The job's page: its progress until it is finished, then its file or what went wrong,
    and the requester's earlier reports."""

    def get_object(self, queryset=None):
        jobs.fail_stale_jobs()
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        earlier = earlier_reports(self.request.user, exclude=self.object)
        return super().get_context_data(earlier=earlier, **kwargs)


class ReportJobProgressView(ReportJobDetailView):
    """The progress part of the job's page, which htmx asks for every two seconds; once the
    job is finished, the part no longer asks again."""

    def get_template_names(self):
        if self.request.htmx:
            return ["reports/reportjob_detail.html#progress"]
        return ["reports/reportjob_detail.html"]  # opened as a page: the whole page

    def get_context_data(self, **kwargs):
        if self.request.htmx:
            return {"job": self.object}
        return super().get_context_data(**kwargs)


class ReportJobListView(ReportJobMixin, ListView):
    """The requester's reports, newest first."""

    paginate_by = 20
    context_object_name = "reports"

    def get_queryset(self):
        jobs.fail_stale_jobs()
        return super().get_queryset()


@require_GET
def job_download(request, pk):
    """The built report, as an attachment, to its requester only; streamed from storage, the
    file opened only once the response is read."""
    job = get_object_or_404(
        ReportJob.objects.visible_to(request.user).filter(state=ReportJob.State.DONE), pk=pk
    )
    if not job.file:
        raise Http404
    try:
        size = job.file.size
    except FileNotFoundError:
        raise Http404 from None
    response = StreamingHttpResponse(
        files.stream(job.file, 0, size - 1), content_type="application/pdf"
    )
    response["Content-Length"] = str(size)
    response["Content-Disposition"] = content_disposition_header(
        True, job.file.name.rsplit("/", 1)[-1]
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


class ReportNarrativeUpdateView(PermissionRequiredMixin, UpdateView):
    """The chapters programme staff write for their programme's report: the executive summary
    (results, lessons, recommendations) and the conclusions; each left empty is left out."""

    permission_required = "reports.change_reportnarrative"
    form_class = ReportNarrativeForm
    template_name = "reports/reportnarrative_form.html"

    def get_permission_object(self):
        return self.programme

    def dispatch(self, request, *args, **kwargs):
        self.programme = get_object_or_404(
            Programme.objects.visible_to(request.user), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return ReportNarrative.objects.filter(programme=self.programme).first() or ReportNarrative(
            programme=self.programme
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(programme=self.programme, **kwargs)

    def form_valid(self, form):
        form.instance.updated_by = self.request.user
        form.save()
        messages.success(self.request, _("The chapters are saved."))
        return redirect("reports:job_create_programme", pk=self.programme.pk)
