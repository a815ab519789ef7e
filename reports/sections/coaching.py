"""The digital exchanges, interim evaluations and methodology log: the meetings held at each
level (and how many the partners held without the consultant), each interim evaluation with its
answers per municipality and the adjustments it prompted, and the methodology log. Only what
the requester may read (`visible_to`), within the report's scope; the log is the programme's."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from coaching.models import EvaluationAnswer, EvaluationRound, Meeting, MethodologyAdjustment

from .base import Part, Section, register


class Coaching(Section):
    slug = "coaching"
    title = _("Digital exchanges and interim evaluations")
    order = 35

    def context(self, report):
        parts = []
        levels = meeting_levels(report)
        if any(level["held"] for level in levels):
            parts.append(Part("coaching-meetings", _("Meetings held at each level"), levels))
        rounds = evaluation_rounds(report)
        if rounds:
            parts.append(Part("coaching-evaluations", _("Interim evaluations"), rounds))
        log = list(
            MethodologyAdjustment.objects.visible_to(report.user)
            .filter(programme=report.programme)
            .select_related("prompted_by_round", "prompted_by_meeting")
            .order_by("date", "pk")
        )
        if log:
            parts.append(Part("coaching-methodology", _("Methodology log"), log))
        return {"parts": parts} if parts else None


def in_scope(report):
    """The programme's; or the network's, the scope's partnerships' and municipalities'."""
    if report.job.scope == report.job.Scope.PROGRAMME:
        return Q()
    partnerships = [partnership.pk for partnership in report.partnerships]
    return (
        Q(kind=Meeting.Kind.NETWORK)
        | Q(partnership__in=partnerships)
        | Q(local_government__in=report.local_government_pks)
    )


def meeting_levels(report):
    """[{kind, label, held, without_consultant}] per kind, in the order of the levels."""
    counts = {
        row["kind"]: row
        for row in Meeting.objects.visible_to(report.user)
        .filter(in_scope(report), programme=report.programme, status=Meeting.Status.HELD)
        .values("kind")
        .annotate(
            held=Count("pk"), without_consultant=Count("pk", filter=Q(without_consultant=True))
        )
    }
    return [
        {
            "label": kind.label,
            "held": counts.get(kind.value, {}).get("held", 0),
            "without_consultant": counts.get(kind.value, {}).get("without_consultant", 0),
        }
        for kind in Meeting.Kind
    ]


def evaluation_rounds(report):
    """[{round, groups: [(municipality or None, [answers])], adjustments}], oldest first."""
    answers = EvaluationAnswer.objects.visible_to(report.user).select_related(
        "respondent", "local_government"
    )
    if report.job.scope != report.job.Scope.PROGRAMME:
        answers = answers.filter(local_government__in=report.local_government_pks)
    rounds = (
        EvaluationRound.objects.visible_to(report.user)
        .filter(programme=report.programme)
        .order_by("opens_on", "pk")
    )
    by_round = {}
    for answer in answers.filter(round__in=rounds):
        by_round.setdefault(answer.round_id, []).append(answer)
    adjustments = {}
    for adjustment in MethodologyAdjustment.objects.visible_to(report.user).filter(
        prompted_by_round__in=rounds
    ):
        adjustments.setdefault(adjustment.prompted_by_round_id, []).append(adjustment)
    return [
        {
            "round": each,
            "count": len(by_round.get(each.pk, [])),
            "groups": grouped(by_round.get(each.pk, [])),
            "adjustments": adjustments.get(each.pk, []),
        }
        for each in rounds
    ]


def grouped(answers):
    """[(municipality or None, [answers])]: municipalities by name, the consultants' last."""
    groups = {}
    for answer in sorted(answers, key=lambda answer: (str(answer.respondent), answer.pk)):
        groups.setdefault(answer.local_government, []).append(answer)
    return sorted(groups.items(), key=lambda item: (item[0] is None, str(item[0] or "")))


register(Coaching())
