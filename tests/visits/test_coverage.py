"""Which of the visiting municipality's sub-questions a site visit's programme (tool 6)
addresses, its Must-have gaps, and the activity row's refusals."""

import datetime

import pytest

from learning import services as sheet_services
from learning.forms import build_forms, sheet_post_data
from learning.tools.registry import get_tool
from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    SouthLocalGovernmentFactory,
    SubQuestionFactory,
)
from visits.coverage import coverage
from visits.models import SiteVisit
from visits.services import plan_visit, withdraw

pytestmark = pytest.mark.django_db

MUST, LIKE, NICE = "must", "like", "nice"
MONDAY = datetime.date(2024, 9, 23)


@pytest.fixture
def delegation(partnership):
    """Ouinhi visits Laarne, Monday to Friday."""
    visit = plan_visit(
        programme=partnership.programme,
        direction=SiteVisit.Direction.SOUTH_TO_NORTH,
        start_date=MONDAY,
        end_date=MONDAY + datetime.timedelta(days=4),
        partnerships=[partnership],
    )
    return visit.delegations.get()


@pytest.fixture
def questions(partnership, ouinhi, laarne):
    """Ouinhi's shared table and its joint table with Laarne, one question each."""
    own = LearningQuestionTableFactory(
        programme=partnership.programme, owners=[ouinhi], status="shared"
    )
    joint = LearningQuestionTableFactory(
        programme=partnership.programme, owners=[ouinhi, laarne], status="shared"
    )
    market = LearningQuestionFactory(table=own, order=1, text="How to run a market?")
    council = LearningQuestionFactory(table=joint, order=1, text="How to run a council?")
    return {
        "market": market,
        "council": council,
        "fees": SubQuestionFactory(question=market, order=1, text="Fees?", priority=MUST),
        "stalls": SubQuestionFactory(question=market, order=2, text="Stalls?", priority=LIKE),
        "youth": SubQuestionFactory(question=council, order=1, text="Youth?", priority=MUST),
        "minutes": SubQuestionFactory(question=council, order=2, text="Minutes?", priority=NICE),
    }


def programme_of(delegation, user, *activities):
    """Tool 6 for `delegation`, with `activities` as (day offset, name, [sub-questions])."""
    tool = get_tool("visit-programme")
    return sheet_services.sheet_create(
        tool=tool,
        owner=delegation.visitor,
        programme=delegation.visit.programme,
        user=user,
        values={"delegation": delegation, "remarks": ""},
        rows={
            "activities": [
                {
                    "date": MONDAY + datetime.timedelta(days=day),
                    "start": datetime.time(9 + index),
                    "activity": name,
                    "subquestions": subquestions,
                }
                for index, (day, name, subquestions) in enumerate(activities)
            ]
        },
    )


def covered(delegation):
    return {
        row.subquestion.text: [activity.activity for activity in row.activities]
        for _question, rows in coverage(delegation).questions
        for row in rows
    }


def test_coverage_lists_the_visitors_sub_questions_joint_tables_included(
    delegation, questions, partner_focal_point
):
    programme_of(delegation, partner_focal_point, (0, "Market visit", [questions["fees"]]))

    assert covered(delegation) == {
        "Fees?": ["Market visit"],
        "Stalls?": [],
        "Youth?": [],
        "Minutes?": [],
    }


def test_a_must_have_sub_question_without_an_activity_is_a_gap_like_and_nice_are_not(
    delegation, questions, partner_focal_point
):
    programme_of(delegation, partner_focal_point, (0, "Market visit", [questions["fees"]]))

    result = coverage(delegation)

    assert result.gaps == [questions["youth"]]
    assert set(result.uncovered) == {questions["stalls"], questions["youth"], questions["minutes"]}


def test_a_reformulated_questions_sub_questions_keep_their_activities(
    delegation, questions, partner_focal_point
):
    programme_of(delegation, partner_focal_point, (1, "Market visit", [questions["fees"]]))

    newer = questions["market"].reformulate(
        text="How to run a fair market?", by=partner_focal_point, date=MONDAY
    )

    texts = {question.text: rows for question, rows in coverage(delegation).questions}
    assert "How to run a market?" not in texts
    fees = [row for row in texts[newer.text] if row.subquestion.text == "Fees?"]
    assert [activity.activity for activity in fees[0].activities] == ["Market visit"]
    assert questions["fees"] not in coverage(delegation).gaps


def test_draft_tables_and_other_municipalities_questions_are_left_out(
    delegation, questions, partnership, laarne, partner_focal_point
):
    draft = LearningQuestionTableFactory(
        programme=partnership.programme, owners=[delegation.visitor]
    )
    SubQuestionFactory(question=LearningQuestionFactory(table=draft), text="Draft?")
    host = LearningQuestionTableFactory(
        programme=partnership.programme, owners=[laarne], status="shared"
    )
    SubQuestionFactory(question=LearningQuestionFactory(table=host), text="Host's?")

    assert set(covered(delegation)) == {"Fees?", "Stalls?", "Youth?", "Minutes?"}


def test_another_delegations_activities_are_not_mixed_in_even_once_withdrawn(
    delegation, questions, partnership, partner_focal_point, focal_point
):
    other = plan_visit(
        programme=partnership.programme,
        direction=SiteVisit.Direction.SOUTH_TO_NORTH,
        start_date=MONDAY + datetime.timedelta(days=60),
        end_date=MONDAY + datetime.timedelta(days=62),
        partnerships=[partnership],
    ).delegations.get()
    programme_of(other, partner_focal_point, (0, "Another visit", [questions["youth"]]))
    withdraw(other, date=MONDAY, reason="No flights", by=focal_point)

    assert covered(delegation)["Youth?"] == []
    assert questions["youth"] in coverage(delegation).gaps


def row_errors(sheet, user, **activity):
    """The errors of an activity row posted on the edit page of `sheet`."""
    tool = get_tool("visit-programme")
    delegation = sheet.delegation
    values = {
        "delegation": delegation.pk,
        "remarks": "",
        "activities": [{"start": "09:00", "activity": "Market visit", **activity}],
    }
    data = sheet_post_data(tool, values, version=sheet.version)
    _form, (formset,) = build_forms(
        tool, data=data, instance=sheet, owner=delegation.host, user=user
    )
    assert not formset.is_valid()
    return formset.forms[0].errors


def test_an_activity_outside_the_visit_is_refused_with_the_visits_days(
    delegation, questions, partner_focal_point
):
    sheet = programme_of(delegation, partner_focal_point)
    errors = row_errors(sheet, partner_focal_point, date="2024-09-30")

    assert errors["date"] == ["Choose a day of the visit, from 23 Sep 2024 to 27 Sep 2024."]


def test_another_municipalitys_sub_question_is_refused_with_a_clear_message(
    delegation, questions, partnership, laarne, focal_point
):
    host = LearningQuestionTableFactory(
        programme=partnership.programme, owners=[laarne], status="shared"
    )
    hosts = SubQuestionFactory(question=LearningQuestionFactory(table=host))
    elsewhere = SouthLocalGovernmentFactory(name="Lalo")
    table = LearningQuestionTableFactory(programme=partnership.programme, owners=[elsewhere])
    strangers = SubQuestionFactory(question=LearningQuestionFactory(table=table))

    sheet = programme_of(delegation, focal_point)
    for subquestion in (hosts, strangers):
        errors = row_errors(
            sheet, focal_point, date=MONDAY.isoformat(), subquestions=[subquestion.pk]
        )
        assert errors["subquestions"] == [
            "Choose among the visiting municipality's current sub-questions."
        ]
