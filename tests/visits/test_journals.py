"""The learning journals (tools 8 and 9): started from the delegation, written a row or a day at
a time, each save on its own; scores from 0 to 3 on the field days only; the guide recorded; the
progress chart."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from learning import services as sheet_services
from learning.tools.registry import get_tool
from tests.factories import LearningQuestionFactory, LearningQuestionTableFactory
from tests.reports.documents import pdf_text
from visits.charts import progress_chart
from visits.journals import journal_context
from visits.models import (
    DailyScore,
    DayObjectiveNote,
    JournalByActivity,
    JournalByObjective,
    JournalDay,
    JournalObjective,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _reads_english(client, settings):
    """The pages are read in English here (whatever each person's own language), so that the
    tests can name what they show; tests/test_translations.py checks the other languages."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


MONDAY = datetime.date(2024, 9, 23)
TUESDAY = MONDAY + datetime.timedelta(days=1)
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def programme_table(delegation, partner_focal_point, ouinhi_subquestions):
    """Ouinhi's programme in Laarne: the market on Monday morning and the youth council on
    Tuesday (the field days)."""
    tool = get_tool("visit-programme")
    first, second = ouinhi_subquestions
    return sheet_services.sheet_create(
        tool=tool,
        owner=delegation.visitor,
        programme=delegation.visit.programme,
        user=partner_focal_point,
        values={"delegation": delegation},
        rows={
            "activities": [
                {
                    "date": MONDAY,
                    "start": datetime.time(9),
                    "activity": "Weekly market",
                    "subquestions": [first],
                },
                {
                    "date": TUESDAY,
                    "start": datetime.time(14),
                    "activity": "Youth council",
                    "subquestions": [second],
                },
            ]
        },
    )


def start(client, user, delegation, slug):
    client.force_login(user)
    return client.post(reverse("visits:journal_start", args=[delegation.pk, slug]))


@pytest.fixture
def by_activity(client, delegation, partner_focal_point, programme_table):
    start(client, partner_focal_point, delegation, "journal-per-activity")
    return JournalByActivity.objects.get(delegation=delegation)


@pytest.fixture
def by_objective(client, delegation, partner_focal_point, programme_table):
    start(client, partner_focal_point, delegation, "journal-per-objective")
    return JournalByObjective.objects.get(delegation=delegation)


@pytest.fixture
def objectives(by_objective, ouinhi_subquestions):
    question = ouinhi_subquestions[0].question
    first = JournalObjective.objects.create(
        sheet=by_objective, question=question, number=1, text="See a market council at work."
    )
    third = JournalObjective.objects.create(
        sheet=by_objective, question=question, number=3, text="Youth participation."
    )
    return first, third


def day_url(sheet, date):
    return reverse("visits:journal_day", args=[sheet.pk, date.isoformat()])


# Starting


def test_visitor_starts_the_journal_per_activity_from_the_programme(by_activity, delegation):
    entries = list(by_activity.entries.order_by("date"))
    assert [(e.date, e.start, e.title) for e in entries] == [
        (MONDAY, datetime.time(9), "Weekly market"),
        (TUESDAY, datetime.time(14), "Youth council"),
    ]
    assert all(entry.activity_id for entry in entries)
    assert set(by_activity.owners.all()) == {delegation.visitor}


def test_journal_per_objective_starts_without_objectives(by_objective):
    assert by_objective.objectives.count() == 0
    assert by_objective.field_days() == [MONDAY, TUESDAY]


def test_starting_twice_keeps_one_journal(client, by_activity, delegation, partner_focal_point):
    response = start(client, partner_focal_point, delegation, "journal-per-activity")
    assert response.status_code == 302
    assert JournalByActivity.objects.filter(delegation=delegation).count() == 1


def test_host_may_not_start_the_visitors_journal(client, delegation, focal_point):
    response = start(client, focal_point, delegation, "journal-per-objective")
    assert response.status_code == 403
    assert not JournalByObjective.objects.exists()


def test_delegation_page_offers_to_start_the_journals(client, delegation, partner_focal_point):
    client.force_login(partner_focal_point)
    page = client.get(delegation.get_absolute_url()).content.decode()
    assert reverse("visits:journal_start", args=[delegation.pk, "journal-per-activity"]) in page
    assert reverse("visits:journal_start", args=[delegation.pk, "journal-per-objective"]) in page


# Tool 8, one row at a time


def test_one_row_saves_without_touching_the_others(client, by_activity, partner_focal_point):
    first, second = by_activity.entries.order_by("date")
    version = by_activity.version
    response = client.post(
        reverse("visits:journal_entry", args=[first.pk]),
        {
            "outcomes": "Vendors elect the council.",
            "applicable": "A market council.",
            "missing": "",
        },
        **HTMX,
    )
    assert response.status_code == 200
    assert f'data-draft-saved="journal-entry-{first.pk}"' in response.content.decode()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.outcomes, first.written_by) == ("Vendors elect the council.", partner_focal_point)
    assert (second.outcomes, second.written_by) == ("", None)
    assert first.history.first().history_user == partner_focal_point
    # An edit page of the whole sheet opened before this save would now get the conflict page.
    by_activity.refresh_from_db()
    assert by_activity.version == version + 1


def test_row_saved_without_javascript_redirects_to_the_journal(client, by_activity):
    entry = by_activity.entries.first()
    response = client.post(
        reverse("visits:journal_entry", args=[entry.pk]),
        {"outcomes": "Much.", "applicable": "", "missing": ""},
    )
    assert response.status_code == 302
    assert response.url.endswith(f"#entry-{entry.pk}")


def test_activity_added_during_the_visit(client, by_activity, partner_focal_point):
    url = reverse("visits:journal_entry_add", args=[by_activity.pk])
    response = client.post(
        url,
        {
            "date": "2024-09-24",
            "start": "18:00",
            "title": "Dinner with the mayor",
            "outcomes": "Budget talks.",
            "applicable": "",
            "missing": "",
        },
    )
    assert response.status_code == 302
    added = by_activity.entries.get(title="Dinner with the mayor")
    assert added.activity is None and added.written_by == partner_focal_point


def test_activity_outside_the_visit_is_refused_and_kept(client, by_activity):
    with translation.override("fr"):
        response = client.post(
            reverse("visits:journal_entry_add", args=[by_activity.pk]),
            {"date": "2024-10-30", "title": "Après la visite", "outcomes": "Gardé."},
            HTTP_ACCEPT_LANGUAGE="fr",
        )
    assert response.status_code == 400
    assert "Gardé." in response.content.decode()
    assert not by_activity.entries.filter(title="Après la visite").exists()


def test_host_may_not_write_in_the_visitors_journal(client, by_activity, focal_point):
    client.force_login(focal_point)
    entry = by_activity.entries.first()
    response = client.post(reverse("visits:journal_entry", args=[entry.pk]), {"outcomes": "x"})
    assert response.status_code == 404  # a draft of the visitor only: not even readable


def test_partial_groups_rows_by_date_and_links_each_row(client, by_activity):
    page = client.get(by_activity.get_absolute_url()).content.decode()
    for entry in by_activity.entries.all():
        assert reverse("visits:journal_entry", args=[entry.pk]) in page
    assert "Specific learning outcomes" in page and "Missing learning" in page


# Tool 9, a day at a time


def test_a_score_is_one_tap_and_can_change(client, by_objective, objectives, partner_focal_point):
    first, third = objectives
    url = day_url(by_objective, MONDAY)
    client.post(url, {"part": "score", "objective": first.pk, "score": 2}, **HTMX)
    response = client.post(url, {"part": "score", "objective": first.pk, "score": 3}, **HTMX)
    assert response.status_code == 200
    assert 'aria-pressed="true">3' in response.content.decode()
    assert list(DailyScore.objects.values_list("objective", "date", "score")) == [
        (first.pk, MONDAY, 3)
    ]


@pytest.mark.parametrize("score", ["4", "-1", "a lot", ""])
def test_a_score_outside_0_to_3_is_refused_in_the_readers_language(
    client, settings, by_objective, objectives, score
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.post(
        day_url(by_objective, MONDAY),
        {"part": "score", "objective": objectives[0].pk, "score": score},
        HTTP_ACCEPT_LANGUAGE="fr",
        **HTMX,
    )
    assert response.status_code == 400
    with translation.override("fr"):
        from visits.tools.journal_objectives import SCORE_MESSAGE

        assert str(SCORE_MESSAGE) in response.content.decode()
    assert not DailyScore.objects.exists()


def test_an_objective_of_another_journal_is_refused(
    client, by_objective, objectives, other_delegation, stranger
):
    other = JournalByObjective.objects.create(
        programme=other_delegation.visit.programme, delegation=other_delegation
    )
    question = LearningQuestionFactory(
        table=LearningQuestionTableFactory(programme=other.programme), order=1
    )
    foreign = JournalObjective.objects.create(sheet=other, question=question, number=1, text="x")
    for part in ({"part": "score", "score": 1}, {"part": "note", "text": "Typed."}):
        response = client.post(day_url(by_objective, MONDAY), {**part, "objective": foreign.pk})
        assert response.status_code == 400
        assert "Choose one of this journal" in response.content.decode()
    assert not DailyScore.objects.exists() and not DayObjectiveNote.objects.exists()


def test_a_day_outside_the_visit_programme(client, by_objective, objectives):
    wednesday = MONDAY + datetime.timedelta(days=2)  # in the visit, no activity: not a field day
    assert client.get(day_url(by_objective, wednesday)).status_code == 404
    assert (
        client.get(reverse("visits:journal_day", args=[by_objective.pk, "soon"])).status_code == 404
    )
    response = client.post(
        day_url(by_objective, wednesday),
        {"part": "score", "objective": objectives[0].pk, "score": 1},
    )
    assert response.status_code == 400
    assert "field day" in response.content.decode()
    assert not DailyScore.objects.exists()


def test_each_note_and_answer_saves_on_its_own(
    client, by_objective, objectives, partner_focal_point
):
    first, third = objectives
    url = day_url(by_objective, MONDAY)
    client.post(url, {"part": "note", "objective": first.pk, "text": "The council meets."}, **HTMX)
    response = client.post(url, {"part": "unexpected", "unexpected": "Women lead it."}, **HTMX)
    assert response.status_code == 200
    assert "data-draft-saved" in response.content.decode()
    client.post(url, {"part": "meaning", "meaning": "A market council at home."}, **HTMX)
    page = JournalDay.objects.get(sheet=by_objective, date=MONDAY)
    assert (page.unexpected, page.meaning) == ("Women lead it.", "A market council at home.")
    assert page.difficulties == ""
    assert list(page.notes.values_list("objective", "text")) == [(first.pk, "The council meets.")]
    assert page.written_by == partner_focal_point and not page.with_guide


def test_without_javascript_a_day_save_redirects_back(client, by_objective, objectives):
    response = client.post(
        day_url(by_objective, MONDAY), {"part": "difficulties", "difficulties": "Long days."}
    )
    assert response.status_code == 302
    assert response.url == day_url(by_objective, MONDAY) + "#difficulties"


def test_the_consultant_fills_in_with_the_delegation(client, by_objective, objectives, consultant):
    client.force_login(consultant)
    client.post(
        day_url(by_objective, TUESDAY),
        {"part": "contributed_most", "contributed_most": "The visit."},
    )
    page = JournalDay.objects.get(sheet=by_objective, date=TUESDAY)
    assert page.written_by == consultant and page.with_guide


def test_the_day_page_shows_what_was_saved(client, by_objective, objectives):
    url = day_url(by_objective, MONDAY)
    client.post(url, {"part": "note", "objective": objectives[0].pk, "text": "Seen at work."})
    page = client.get(url).content.decode()
    assert "Seen at work." in page
    assert f'data-draft-key="journal-{by_objective.pk}-2024-09-23-note-{objectives[0].pk}"' in page


def test_partial_shows_part_a_part_b_and_the_chart(client, by_objective, objectives):
    url = day_url(by_objective, MONDAY)
    client.post(url, {"part": "score", "objective": objectives[0].pk, "score": 1})
    client.post(url, {"part": "meaning", "meaning": "Elect a council."})
    page = client.get(by_objective.get_absolute_url()).content.decode()
    assert "Part A" in page and "Part B" in page
    assert '<svg class="journal-progress"' in page
    assert url in page and "Elect a council." in page


def test_print_and_pdf_of_the_journal(client, by_objective, objectives):
    slug = "journal-per-objective"
    printed = client.get(reverse("learning:sheet_print", args=[slug, by_objective.pk]))
    assert printed.status_code == 200 and b"journal-progress" in printed.content
    pdf = client.get(reverse("learning:sheet_pdf", args=[slug, by_objective.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


# The chart


def test_the_chart_draws_one_series_per_objective_with_its_points(by_objective, objectives):
    first, third = objectives
    DailyScore.objects.create(objective=first, date=MONDAY, score=1)
    DailyScore.objects.create(objective=first, date=TUESDAY, score=3)
    DailyScore.objects.create(objective=third, date=TUESDAY, score=0)
    with translation.override("en"):
        svg = str(progress_chart(by_objective, journal_context(by_objective)))
    root = ET.fromstring(svg)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert root.get("role") == "img"
    assert root.find("svg:title", ns).text
    series = {g.get("data-objective"): g for g in root.iterfind("svg:g", ns)}
    assert set(series) == {str(first.pk), str(third.pk)}
    points = [
        (c.get("data-day"), c.get("data-score"))
        for c in series[str(first.pk)].iterfind("svg:circle", ns)
    ]
    assert points == [("2024-09-23", "1"), ("2024-09-24", "3")]
    assert len(series[str(first.pk)].findall("svg:polyline", ns)) == 1
    assert [c.get("data-score") for c in series[str(third.pk)].iterfind("svg:circle", ns)] == ["0"]
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts[:4] == [
        "0 nothing learned",
        "1 learned a little",
        "2 significant progress",
        "3 revelation!",
    ]
    assert len(texts) <= 4 + 2 + 2  # the scale, a date per day, a number per objective


def test_a_pdf_draws_the_chart_as_a_picture_with_its_texts_laid_over_it(
    client, by_objective, objectives
):
    """In a PDF the lines and dots are one image and the texts HTML (WeasyPrint lays out an
    SVG's texts letter by letter): the same scale, dates and objective numbers as the page's."""
    first, third = objectives
    DailyScore.objects.create(objective=first, date=MONDAY, score=1)
    DailyScore.objects.create(objective=first, date=TUESDAY, score=3)
    with translation.override("en"):
        chart = progress_chart(by_objective, journal_context(by_objective))
        page_texts = [
            t.text for t in ET.fromstring(chart.svg()).iter("{http://www.w3.org/2000/svg}text")
        ]
        printed = [label.text for label in chart.printed_labels]
    picture = ET.fromstring(chart.picture())
    assert not list(picture.iter("{http://www.w3.org/2000/svg}text"))
    circles = list(picture.iter("{http://www.w3.org/2000/svg}circle"))
    assert [(c.get("cx"), c.get("cy")) for c in circles] == [
        (str(chart.x(0)), str(chart.y(1))),
        (str(chart.x(1)), str(chart.y(3))),
    ]
    # The scale is one text, top down; then each day's date and the scored objective's number.
    assert printed[0].splitlines() == page_texts[3::-1]
    assert printed[1:] == page_texts[4:]
    assert chart.picture_url.startswith("data:image/svg+xml;base64,")

    pdf = client.get(reverse("learning:sheet_pdf", args=["journal-per-objective", by_objective.pk]))
    text = " ".join(pdf_text(pdf.content).split())
    assert all(words in text for words in page_texts[:4])  # the scale
    assert "Daily progress per objective: 1.1 " in text  # the caption
