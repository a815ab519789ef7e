"""The report's chapter on site visits: each visit with its dates and direction, its
delegations with their members or why they withdrew, their programme per day with the
sub-questions each activity addresses, and who validated and signed the terms; only what the
requester may read."""

import datetime

import pytest

from learning import services as sheets
from learning.tools.registry import get_tool
from tests.factories import LearningQuestionTableFactory, SubQuestionFactory
from visits.models import DelegationMember, SiteVisit
from visits.services import plan_visit, withdraw

from .documents import report_text

pytestmark = pytest.mark.django_db

START = datetime.date(2024, 9, 23)


def chapter(text):
    return text[text.index("SITE VISITS") : text.index("APPENDICES")]


@pytest.fixture
def visit(programme, partnership, other_partnership, focal_point, partner_focal_point):
    """Ouinhi's delegation to Laarne with its programme and signed terms; Lalo's withdrawn."""
    visit = plan_visit(
        programme=programme,
        direction=SiteVisit.Direction.SOUTH_TO_NORTH,
        start_date=START,
        end_date=START + datetime.timedelta(days=4),
        partnerships=[partnership, other_partnership],
        description="Day 1 together, days 2 to 4 at the partner, day 5 the action plan.",
    )
    ouinhi = visit.delegations.get(partnership=partnership)
    DelegationMember.objects.create(
        delegation=ouinhi, name="Rodrigue Ahouandjinou", position="Maire", profile="political"
    )
    table = LearningQuestionTableFactory(owners=[partnership.south])
    market = SubQuestionFactory(
        question__table=table, question__order=1, order=2, text="How does Laarne meet traders?"
    )
    programme_sheet = sheets.sheet_create(
        tool=get_tool("visit-programme"),
        owner=partnership.north,
        programme=programme,
        user=focal_point,
        values={"delegation": ouinhi},
        rows={
            "activities": [
                {
                    "date": START + datetime.timedelta(days=1),
                    "start": datetime.time(9, 30),
                    "end": datetime.time(12),
                    "activity": "Visit of the weekly market",
                    "place": "Market square",
                    "subquestions": [market],
                }
            ]
        },
    )
    programme_sheet.transition("share", by=focal_point)
    terms = sheets.sheet_create(
        tool=get_tool("terms-of-reference"),
        owner=partnership.south,
        programme=programme,
        user=partner_focal_point,
        values={"delegation": ouinhi, "context": "Our first visit."},
    )
    terms.transition("validate", by=partner_focal_point)
    terms.transition("sign", by=focal_point)
    lalo = visit.delegations.get(partnership=other_partnership)
    withdraw(lalo, date=datetime.date(2024, 9, 2), reason="Lalo had to leave the project.")
    return visit


def test_staff_read_every_delegation_its_programme_and_its_terms(staff, programme, visit):
    text = report_text(staff, programme)
    assert "Site visits" in text
    assert "23 September 2024 to 27 September 2024: The South visits the North" in text
    assert "Day 1 together, days 2 to 4 at the partner" in text
    assert "Ouinhi to Laarne" in text
    assert "Rodrigue Ahouandjinou, Maire (political)" in text
    assert "Day 2: 24 September 2024" in text
    assert "09:30–12:00 Visit of the weekly market · Market square" in text
    assert "→ 1.2 How does Laarne meet traders?" in text
    assert "Terms of reference: signed by the host municipality" in text
    assert "Validated by Rodrigue" in text and "Signed by Lies" in text
    assert "Lalo to Schoten" in text
    assert "Withdrawn on 2 September 2024. Lalo had to leave the project." in text


def test_a_stranger_reads_only_their_own_delegation(stranger, programme, visit):
    text = report_text(stranger, programme)
    assert "Lalo to Schoten" in text and "Lalo had to leave the project." in text
    assert "Ouinhi to Laarne" not in text
    assert "Rodrigue Ahouandjinou" not in text
    assert "Visit of the weekly market" not in text


def test_a_partnerships_report_holds_its_own_delegation_only(staff, programme, partnership, visit):
    text = report_text(staff, programme, partnership=partnership)
    assert "Ouinhi to Laarne" in text
    assert "Lalo to Schoten" not in text


def test_an_observer_reads_the_delegation_but_not_a_draft_programme(
    observer, focal_point, programme, visit
):
    table = visit.delegations.get(visitor__name="Ouinhi").activitytable
    table.status = "draft"
    table.save(update_fields=["status"])
    # The chapter (the signed terms in the appendices show the programme as it was signed).
    text = chapter(report_text(observer, programme))
    assert "Ouinhi to Laarne" in text
    assert "Rodrigue Ahouandjinou" in text
    assert "Visit of the weekly market" not in text
    assert "Terms of reference: signed by the host municipality" in text


def test_without_visits_there_is_no_chapter(staff, programme, partnership):
    assert "Site visits" not in report_text(staff, programme)
