"""The report's chapter on the digital exchanges: the meetings held at each level (and those the
partners held without the consultant), the interim evaluations with their answers per
municipality, and the methodology log; only what the requester may read."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from coaching.models import EvaluationAnswer, EvaluationRound, Meeting, MethodologyAdjustment

from .documents import report_text

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")


def held(programme, kind, day, **fields):
    return Meeting.objects.create(
        programme=programme,
        kind=kind,
        starts_at=datetime.datetime(2024, 2, day, 14, tzinfo=BRUSSELS),
        status=Meeting.Status.HELD,
        **fields,
    )


@pytest.fixture
def pilot(programme, partnership, other_partnership, focal_point, partner_focal_point, stranger):
    held(programme, Meeting.Kind.BILATERAL, 13, partnership=partnership)
    held(programme, Meeting.Kind.BILATERAL, 14, partnership=partnership, without_consultant=True)
    held(programme, Meeting.Kind.BILATERAL, 15, partnership=other_partnership)
    held(programme, Meeting.Kind.NETWORK, 20)
    held(programme, Meeting.Kind.INDIVIDUAL, 6, local_government=partnership.south)
    evaluation = EvaluationRound.objects.create(
        programme=programme,
        title="April-May 2024",
        opens_on=datetime.date(2024, 4, 22),
        closes_on=datetime.date(2024, 5, 31),
    )
    for user, lg, text in (
        (focal_point, partnership.north, "Laarne liked the bilaterals"),
        (partner_focal_point, partnership.south, "Ouinhi wants a site visit first"),
        (stranger, other_partnership.north, "Schoten lacks time"),
    ):
        EvaluationAnswer.objects.create(
            round=evaluation, respondent=user, local_government=lg, worked=text, language="en"
        )
    MethodologyAdjustment.objects.create(
        programme=programme,
        date=datetime.date(2024, 9, 27),
        decision="More work through individual coaching.",
        reason="Long group meetings.",
        prompted_by_round=evaluation,
    )
    return evaluation


def test_staff_read_the_levels_every_answer_and_the_log(staff, programme, pilot):
    text = report_text(staff, programme)
    assert "Digital exchanges and interim evaluations" in text
    assert "Individual coaching 1 0" in text
    assert "Bilateral meeting 3 1" in text
    assert "Knowledge network 1 0" in text
    assert "From 22 April 2024 to 31 May 2024: 3 answers." in text
    for answer in ("Laarne liked", "Ouinhi wants", "Schoten lacks"):
        assert answer in text
    assert "27 September 2024 More work through individual coaching." in text
    assert "Why: Long group meetings." in text
    assert "Prompted by the evaluation: April-May 2024" in text


def test_a_team_reads_its_own_answers_and_meetings_only(focal_point, programme, pilot):
    text = report_text(focal_point, programme)
    assert "Laarne liked the bilaterals" in text
    assert "Ouinhi wants" not in text and "Schoten lacks" not in text
    assert "Bilateral meeting 2 1" in text
    assert "More work through individual coaching." in text


def test_a_partnerships_report_counts_its_own_meetings(staff, programme, partnership, pilot):
    text = report_text(staff, programme, partnership=partnership)
    assert "Bilateral meeting 2 1" in text
    assert "Schoten lacks" not in text
    assert "Ouinhi wants a site visit first" in text


def test_without_meetings_evaluations_or_log_the_chapter_is_left_out(staff, programme):
    assert "Digital exchanges and interim evaluations" not in report_text(staff, programme)
