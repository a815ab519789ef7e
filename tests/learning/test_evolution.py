"""How learning questions evolve: a timeline per municipality and the report's overview of
initial and final questions and their application (appendix 8.11, Figure 4)."""

import datetime
import re

import pytest
from django.urls import reverse

from learning.tools.learning_questions import EvolutionSummary, LearningQuestion
from learning.tools.learning_questions.evolution import evolution_rows
from tests.context import shown

pytestmark = pytest.mark.django_db

SEPT_2024 = datetime.date(2024, 9, 20)


def texts(questions):
    return [question.text for question in questions]


def test_the_overview_lists_initial_and_final_questions_for_each_owner(
    programme, history, laarne, sint_truiden, ouinhi
):
    rows = {
        row.local_government.name: row
        for row in evolution_rows(programme, LearningQuestion.objects.all())
    }
    assert texts(rows["Laarne"].initial) == [
        "Participatory post-project evaluations?",
        "Witches and rights?",
        "Women's clubs?",
    ]
    # A joint question appears under each of its owners.
    assert texts(rows["Laarne"].final) == [
        "Citizen participation in councils?",
        "Local marketing of local products?",
    ]
    assert texts(rows["Sint-Truiden"].initial) == ["Citizens' trust?"]
    assert texts(rows["Sint-Truiden"].final) == texts(rows["Laarne"].final)
    assert texts(rows["Ouinhi"].initial) == ["More taxes?"]
    assert texts(rows["Ouinhi"].final) == ["Best support local economic actors?"]
    assert {row.baseline for row in rows.values()} == {datetime.date(2024, 3, 1)}


def test_a_question_taken_up_later_is_final_with_its_date_never_initial(programme, history):
    """Marketing came to Laarne from Sint-Truiden's table: new to Laarne, not to Sint-Truiden."""
    rows = {
        row.local_government.name: row
        for row in evolution_rows(programme, LearningQuestion.objects.all())
    }
    added = {question.text: question.added_on for question in rows["Laarne"].final}
    assert added == {
        "Citizen participation in councils?": None,
        "Local marketing of local products?": datetime.date(2024, 5, 1),
    }
    assert all(question.added_on is None for question in rows["Sint-Truiden"].final)
    LearningQuestion.objects.create(
        table=history["support"].table,
        order=2,
        text="A new question in 2025?",
        changed_date=datetime.date(2025, 1, 10),
    )
    ouinhi = next(
        row
        for row in evolution_rows(programme, LearningQuestion.objects.all())
        if row.local_government.name == "Ouinhi"
    )
    assert texts(ouinhi.initial) == ["More taxes?"]
    assert [(q.text, q.added_on) for q in ouinhi.final] == [
        ("Best support local economic actors?", None),
        ("A new question in 2025?", datetime.date(2025, 1, 10)),
    ]


def test_the_consultant_moves_the_baseline(programme, history, laarne):
    EvolutionSummary.objects.create(
        programme=programme, local_government=laarne, baseline=datetime.date(2024, 4, 20)
    )
    rows = {
        row.local_government.name: row
        for row in evolution_rows(programme, LearningQuestion.objects.all())
    }
    # By then the witches question was dropped.
    assert texts(rows["Laarne"].initial) == [
        "Participatory post-project evaluations?",
        "Women's clubs?",
    ]
    assert rows["Laarne"].baseline == datetime.date(2024, 4, 20)


def test_rows_follow_the_order_the_consultant_sets(programme, history, ouinhi, laarne):
    EvolutionSummary.objects.create(programme=programme, local_government=ouinhi, order=1)
    EvolutionSummary.objects.create(programme=programme, local_government=laarne, order=2)
    rows = evolution_rows(programme, LearningQuestion.objects.all())
    assert [row.local_government.name for row in rows] == ["Ouinhi", "Laarne", "Sint-Truiden"]


def test_consultant_sees_the_overview_with_both_wordings(client, consultant, programme, history):
    client.force_login(consultant)
    response = client.get(reverse("learning:evolution_overview", args=[programme.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "More taxes?" in page and "Best support local economic actors?" in page
    assert "Initial learning questions" in page and "Final learning questions" in page


def test_municipalities_do_not_get_the_programme_overview(client, focal_point, programme):
    client.force_login(focal_point)
    url = reverse("learning:evolution_overview", args=[programme.pk])
    assert client.get(url).status_code == 403


def test_consultant_writes_the_application_and_figure_4_phrases(
    client, consultant, programme, history, ouinhi
):
    client.force_login(consultant)
    url = reverse("learning:evolution_summary_update", args=[programme.pk, ouinhi.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "order": 1,
            "starting_points": "Increase in tax contributions\nWebsite development",
            "developments": "• Support for local economic actors",
            "applications": "Launch of an advisory council",
            "application_summary": "Set up an advisory council with local economic actors.",
        },
    )
    assert response.status_code == 302
    summary = EvolutionSummary.objects.get(programme=programme, local_government=ouinhi)
    assert summary.updated_by == consultant
    assert summary.starting_point_list == ["Increase in tax contributions", "Website development"]
    assert summary.development_list == ["Support for local economic actors"]
    page = client.get(reverse("learning:evolution_overview", args=[programme.pk])).content.decode()
    assert "Set up an advisory council with local economic actors." in page
    assert "Increase in tax contributions" in page


def test_an_unwritten_application_says_suspended_when_the_consultant_says_so(
    client, staff, programme, history, sint_truiden
):
    client.force_login(staff)
    response = client.post(
        reverse("learning:evolution_summary_update", args=[programme.pk, sint_truiden.pk]),
        {"order": 4, "application_summary": "Temporarily suspended due to political decisions."},
    )
    assert response.status_code == 302
    page = client.get(reverse("learning:evolution_overview", args=[programme.pk])).content.decode()
    assert "Temporarily suspended due to political decisions." in page


def test_figure_4_falls_back_to_the_questions_until_phrases_are_written(programme, history):
    rows = {
        row.local_government.name: row
        for row in evolution_rows(programme, LearningQuestion.objects.all())
    }
    assert rows["Ouinhi"].starting_points == ["More taxes?"]
    assert rows["Ouinhi"].developments == ["Best support local economic actors?"]
    assert rows["Ouinhi"].applications == []


def test_focal_point_cannot_edit_the_report_summary(client, focal_point, programme, laarne):
    client.force_login(focal_point)
    url = reverse("learning:evolution_summary_update", args=[programme.pk, laarne.pk])
    assert client.get(url).status_code == 403


def test_the_other_consultant_cannot_edit_a_summary_of_a_partnership_they_do_not_coach(
    client, other_consultant, programme, laarne, history
):
    client.force_login(other_consultant)
    url = reverse("learning:evolution_summary_update", args=[programme.pk, laarne.pk])
    assert client.get(url).status_code == 404


def family_texts(response):
    """The wordings of each family of the timeline, oldest first."""
    return [[node.wording.text for node in family.nodes] for family in shown(response, "families")]


def test_the_timeline_shows_each_question_from_first_to_current_wording(
    client, focal_point, laarne, history
):
    client.force_login(focal_point)
    response = client.get(reverse("learning:evolution", args=[laarne.pk]))
    # Sint-Truiden's own table is not Laarne's to read: its question is left out.
    assert family_texts(response) == [
        [
            "Participatory post-project evaluations?",
            "Women's clubs?",
            "Citizen participation in councils?",
        ],
        ["Local marketing of local products?"],
        ["Witches and rights?"],
    ]
    # The timeline's lines break where they may: read its text as one.
    page = " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())
    assert "A sensitive matter" in page
    assert "a bilateral meeting" in page


def test_the_consultant_sees_where_a_joint_question_came_from(
    client, consultant, sint_truiden, history
):
    sint_truiden.north_partnerships.get().consultants.add(consultant)
    client.force_login(consultant)
    response = client.get(reverse("learning:evolution", args=[sint_truiden.pk]))
    # One family: Sint-Truiden's question was split in two, one merged into a joint question
    # and the other moved into the joint table; Laarne's questions that fed the joint one are
    # there as stubs, without their own history.
    assert family_texts(response) == [
        [
            "Participatory post-project evaluations?",
            "Women's clubs?",
            "Citizens' trust?",
            "Local sale of local products?",
            "Participation in the agricultural council?",
            "Citizen participation in councils?",
            "Local marketing of local products?",
        ],
    ]
    (family,) = shown(response, "families")
    assert [node.is_stub for node in family.nodes] == [
        True,
        True,
        False,
        False,
        False,
        False,
        False,
    ]


def test_the_timeline_of_ouinhi_says_what_triggered_the_change(
    client, partner_focal_point, ouinhi, history
):
    client.force_login(partner_focal_point)
    response = client.get(reverse("learning:evolution", args=[ouinhi.pk]))
    page = response.content.decode()
    assert page.index("More taxes?") < page.index("Best support local economic actors?")
    assert "The Laarne market" in page


def test_a_stranger_has_no_timeline_of_laarne(client, stranger, laarne):
    client.force_login(stranger)
    assert client.get(reverse("learning:evolution", args=[laarne.pk])).status_code == 404


def test_a_wording_says_when_it_was_written_what_led_to_it_and_how_it_ended():
    from learning.templatetags.question_badges import wording_meta

    wording = LearningQuestion(
        changed_date=datetime.date(2024, 3, 1),
        trigger="site_visit",
        trigger_note="<b>Laarne</b> & Ouinhi",
        status=LearningQuestion.Status.REPLACED,
        ended_date=SEPT_2024,
    )
    assert wording_meta(wording) == (
        '<span class="wording-meta small text-body-secondary">\n'
        '  <time datetime="2024-03-01">1 March 2024</time>\n'
        f"   · {wording.get_trigger_display()} (&lt;b&gt;Laarne&lt;/b&gt; &amp; Ouinhi)\n"
        "   · reformulated on 20 September 2024\n"
        "</span>\n"
    )
    wording.status, wording.trigger, wording.trigger_note = LearningQuestion.Status.ACTIVE, "", ""
    assert "reformulated" not in wording_meta(wording)
    assert "(" not in wording_meta(wording)
