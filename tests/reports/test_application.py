"""The report's chapter on learning journals and action plans: per visiting municipality, the
progress chart of each journal per objective and each action plan with its actions' status,
since when and why, and their latest progress notes; only what the requester may read."""

import datetime

import pytest

from learning import services as sheets
from learning.tools.registry import get_tool
from tests.factories import LearningQuestionTableFactory, SubQuestionFactory
from visits.charts import progress_chart
from visits.models import ActionNote, DailyScore, SiteVisit
from visits.services import plan_visit

from .documents import report_text

pytestmark = pytest.mark.django_db

START = datetime.date(2024, 9, 23)


@pytest.fixture
def charts(monkeypatch):
    """The journals whose progress chart is drawn, with the context it is drawn from."""
    drawn = []

    def chart(journal, context=None):
        drawn.append((journal, context))
        return progress_chart(journal, context)

    monkeypatch.setattr("visits.journals.progress_chart", chart)
    return drawn


@pytest.fixture
def ouinhi_after_its_visit(programme, partnership, partner_focal_point):
    """Ouinhi's journal and action plan after its visit to Laarne, both still drafts."""
    visit = plan_visit(
        programme=programme,
        direction=SiteVisit.Direction.SOUTH_TO_NORTH,
        start_date=START,
        end_date=START + datetime.timedelta(days=4),
        partnerships=[partnership],
    )
    delegation = visit.delegations.get()
    table = LearningQuestionTableFactory(owners=[partnership.south], status="shared")
    council = SubQuestionFactory(
        question__table=table, question__order=1, order=2, text="How is a council run?"
    )
    journal = sheets.sheet_create(
        tool=get_tool("journal-per-objective"),
        owner=partnership.south,
        programme=programme,
        user=partner_focal_point,
        values={"delegation": delegation},
        rows={
            "objectives": [
                {
                    "question": council.question,
                    "number": 1,
                    "text": "See a market council at work.",
                    "subquestions": [council],
                }
            ]
        },
    )
    DailyScore.objects.create(
        objective=journal.objectives.get(), date=START + datetime.timedelta(days=1), score=3
    )
    plan = sheets.sheet_create(
        tool=get_tool("action-plan"),
        owner=partnership.south,
        programme=programme,
        user=partner_focal_point,
        values={"delegation": delegation, "objective": "By 2030, a dialogue with our traders."},
        rows={
            "actions": [
                {
                    "action": "Set up an advisory council of economic actors",
                    "budget": "2500",
                    "subquestions": [council],
                },
                {"action": "Strengthen the agricultural council", "budget": "3000"},
            ]
        },
    )
    council_action, suspended = plan.actions.order_by("pk")
    plan.actions.filter(pk=council_action.pk).update(
        status="done", status_date=datetime.date(2025, 2, 20)
    )
    plan.actions.filter(pk=suspended.pk).update(
        status="suspended",
        status_reason="Interrupted by political decisions.",
        status_date=datetime.date(2025, 6, 30),
    )
    for day, text in ((12, "First meeting."), (20, "It meets every quarter."), (25, "A hangar.")):
        ActionNote.objects.create(
            action=council_action,
            date=datetime.date(2025, 2, day),
            text=text,
            link="https://ouinhi.mairie.bj/" if day == 25 else "",
        )
    partnership.experiment_fund = 35000
    partnership.save()
    return journal, plan


def test_staff_read_each_journals_chart_and_each_actions_status_and_latest_notes(
    staff, programme, ouinhi_after_its_visit, charts
):
    journal, plan = ouinhi_after_its_visit
    text = report_text(staff, programme)
    assert "Learning journals and action plans" in text
    # The chart's scale: drawn once, in the chapter (tool 9's appendix refers to it).
    assert text.count("3 revelation!") == 1
    assert "2 significant progress" in text and "0 nothing learned" in text
    assert {drawn for drawn, _context in charts} == {journal}
    assert "See a market council at work." in text
    assert "Action plan of Ouinhi to Laarne, September 2024" in text
    assert "Set up an advisory council of economic actors · done since 20 February 2025" in text
    assert "→ 1.2 How is a council run?" in text
    assert "A hangar." in text and "It meets every quarter." in text
    assert "First meeting." not in text.split("APPENDICES")[0]  # the latest two notes only
    assert "suspended since 30 June 2025: Interrupted by political decisions." in text
    assert "Budget of its actions: 5500.00 euro, of an experiment fund of 35000.00 euro." in text


def test_the_partner_reads_the_plan_once_shared(
    focal_point, partner_focal_point, programme, ouinhi_after_its_visit, charts
):
    journal, plan = ouinhi_after_its_visit
    assert "Set up an advisory council" not in report_text(focal_point, programme)
    assert charts == []
    plan.transition("share", by=partner_focal_point)
    text = report_text(focal_point, programme)
    assert "Set up an advisory council of economic actors" in text
    assert "3 revelation!" not in text  # the journal is still a draft


def test_a_stranger_reads_no_one_elses_plan(stranger, programme, ouinhi_after_its_visit, charts):
    text = report_text(stranger, programme)
    assert "Learning journals and action plans" not in text
    assert "Set up an advisory council" not in text


def test_appendix_8_11_lists_what_each_municipality_applied(
    staff, programme, ouinhi_after_its_visit
):
    text = report_text(staff, programme)
    appendix = text[text.rindex("Application of what has been learned") :]
    assert "• Set up an advisory council of economic actors (done)" in appendix
