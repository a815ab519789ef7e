"""What a focal point or consultant does to learning questions, on the pages: reword, split,
merge with the partner's into a joint table, move into or out of it, place a joint question in
an owner's own list; and what keeps its identity through all of it (sub-questions, obstacles,
what points at them)."""

import datetime
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from learning.tools.learning_questions import (
    EvolutionSummary,
    LearningQuestion,
    OwnerPlace,
)
from learning.tools.learning_questions.evolution import evolution_rows
from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    MembershipFactory,
    ObstacleFactory,
    ResponseFactory,
    SubQuestionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ACTIVE = LearningQuestion.Status.ACTIVE
REPLACED = LearningQuestion.Status.REPLACED


@pytest.fixture
def tables(programme, laarne, sint_truiden):
    """Laarne's own table, Sint-Truiden's, and their joint one, each with a question."""
    own = LearningQuestionTableFactory(programme=programme, owners=[laarne], status="shared")
    theirs = LearningQuestionTableFactory(
        programme=programme, owners=[sint_truiden], status="shared"
    )
    joint = LearningQuestionTableFactory(
        programme=programme, owners=[laarne, sint_truiden], status="shared"
    )
    return {
        "own": own,
        "theirs": theirs,
        "joint": joint,
        "laarne": LearningQuestionFactory(table=own, order=1, text="Revive our councils?"),
        "sint-truiden": LearningQuestionFactory(
            table=theirs, order=1, text="Participation in the agricultural council?"
        ),
    }


@pytest.fixture
def coach_of_both(consultant, sint_truiden):
    """The consultant of Laarne's partnership, who coaches Sint-Truiden's too."""
    sint_truiden.north_partnerships.get().consultants.add(consultant)
    return consultant


@pytest.fixture
def sint_truiden_focal_point(sint_truiden):
    return MembershipFactory(
        user=UserFactory(username="focal@sint-truiden.example"), local_government=sint_truiden
    ).user


def change(**fields):
    return {"date": "2024-11-06", "trigger": "knowledge_network", **fields}


def test_a_subquestion_linked_before_a_rewording_is_still_found_after_it(
    client, focal_point, partner_focal_point, ouinhi, tables
):
    question = tables["laarne"]
    subquestion = SubQuestionFactory(question=question, order=1, text="Who comes today?")
    obstacle = ObstacleFactory(question=question, order=1, text="Nobody comes")
    answer = ResponseFactory(
        question=question, subquestion=subquestion, local_government=ouinhi, text="Our way."
    )
    client.force_login(focal_point)
    client.post(
        reverse("learning:question_reformulate", args=[question.pk]),
        change(text="How do we make our councils dynamic?"),
    )
    new = LearningQuestion.objects.get(table=tables["own"], status=ACTIVE)
    # The same sub-question and obstacle, now under the new wording: not copies.
    assert list(new.subquestions.all()) == [subquestion]
    assert list(new.obstacles.all()) == [obstacle]
    answer.refresh_from_db()
    assert answer.subquestion.question == new and answer.question == question
    assert answer.subquestion_reworded == ""
    # The sub-question is reworded later: the response still says what it answered.
    subquestion.refresh_from_db()
    subquestion.text = "Who takes part in our councils today?"
    subquestion.save()
    answer.refresh_from_db()
    assert answer.subquestion_reworded == "Who comes today?"
    client.force_login(partner_focal_point)
    page = client.get(question.get_absolute_url()).content.decode()
    # (Ouinhi's focal point reads in French.)
    assert "telle qu'elle était alors formulée : « Who comes today? »" in unescape(page)
    assert [record.question_id for record in subquestion.history.order_by("history_date")] == [
        question.pk,
        new.pk,
        new.pk,
    ]


def test_a_question_is_split_in_two_with_its_parts_shared_out(client, focal_point, tables):
    question = tables["laarne"]
    later = LearningQuestionFactory(table=tables["own"], order=2, text="A later question?")
    keep = SubQuestionFactory(question=question, order=1, text="Who comes?")
    move = SubQuestionFactory(question=question, order=2, text="Which streets?")
    url = reverse("learning:question_split", args=[question.pk])
    client.force_login(focal_point)
    data = change(
        first="How do we revive the councils?",
        second="How do we reach the neighbourhoods?",
        **{f"subquestion-{move.pk}": "1"},
    )

    preview = client.post(url, {**data, "preview": "1"})
    assert preview.status_code == 200
    assert "Preview: the evolution will show" in preview.text
    assert "How do we reach the neighbourhoods?" in preview.text
    assert LearningQuestion.objects.filter(table=tables["own"]).count() == 2  # nothing saved

    response = client.post(url, data)
    first, second = LearningQuestion.objects.filter(table=tables["own"], replaces=question)
    assert response.status_code == 302 and response.url == first.get_absolute_url()
    assert (first.order, second.order) == (1, 2)
    later.refresh_from_db()
    assert later.order == 3  # moved down
    assert list(first.subquestions.all()) == [keep]
    assert list(second.subquestions.all()) == [move]
    question.refresh_from_db()
    assert question.status == REPLACED


def test_a_split_keeps_what_was_typed_when_it_is_refused(client, focal_point, tables):
    client.force_login(focal_point)
    response = client.post(
        reverse("learning:question_split", args=[tables["laarne"].pk]),
        change(first="The same question?", second="The same question?"),
    )
    assert response.status_code == 200
    assert "The new questions must differ from each other." in response.text
    assert "The same question?" in response.text
    assert LearningQuestion.objects.filter(table=tables["own"]).count() == 1


def test_the_consultant_merges_both_partners_questions_into_the_joint_table(
    client, coach_of_both, tables
):
    laarne_question, theirs = tables["laarne"], tables["sint-truiden"]
    SubQuestionFactory(question=laarne_question, order=1, text="Who comes?")
    SubQuestionFactory(question=theirs, order=1, text="What about food?")
    url = reverse("learning:question_reformulate", args=[laarne_question.pk])
    client.force_login(coach_of_both)
    form = client.get(url).context["form"]
    assert theirs in form.fields["also_replaces"].queryset
    assert tables["joint"] in form.fields["table"].queryset

    response = client.post(
        url,
        change(
            text="Citizen participation in councils?",
            table=tables["joint"].pk,
            also_replaces=[theirs.pk],
        ),
    )
    joint = LearningQuestion.objects.get(table=tables["joint"])
    assert response.status_code == 302
    assert set(joint.replaces.all()) == {laarne_question, theirs}
    assert [sub.text for sub in joint.subquestions.all()] == ["Who comes?", "What about food?"]
    assert [sub.order for sub in joint.subquestions.all()] == [1, 2]
    assert not LearningQuestion.objects.filter(status=ACTIVE).exclude(pk=joint.pk).exists()


def test_a_partner_s_question_cannot_be_merged_into_an_own_table(client, coach_of_both, tables):
    client.force_login(coach_of_both)
    response = client.post(
        reverse("learning:question_reformulate", args=[tables["laarne"].pk]),
        change(text="Our councils, with Sint-Truiden?", also_replaces=[tables["sint-truiden"].pk]),
    )
    assert response.status_code == 200
    assert "merge into a joint table of both" in response.text
    assert "Our councils, with Sint-Truiden?" in response.text
    assert LearningQuestion.objects.filter(status=ACTIVE).count() == 2


def test_laarne_does_not_merge_a_question_it_may_not_change(client, focal_point, tables):
    """Laarne's focal point reads Sint-Truiden's question nowhere and may not change it."""
    client.force_login(focal_point)
    url = reverse("learning:question_reformulate", args=[tables["laarne"].pk])
    assert (
        tables["sint-truiden"]
        not in client.get(url).context["form"].fields["also_replaces"].queryset
    )
    response = client.post(
        url,
        change(
            text="Citizen participation?",
            table=tables["joint"].pk,
            also_replaces=[tables["sint-truiden"].pk],
        ),
    )
    assert response.status_code == 200
    assert tables["sint-truiden"].pk in [
        question.pk for question in LearningQuestion.objects.filter(status=ACTIVE)
    ]


def test_a_question_moves_into_the_joint_table_and_back_out_unchanged(client, focal_point, tables):
    question = tables["laarne"]
    url = reverse("learning:question_reformulate", args=[question.pk])
    client.force_login(focal_point)
    client.post(url, change(text=question.text, table=tables["joint"].pk))
    moved = LearningQuestion.objects.get(table=tables["joint"], status=ACTIVE)
    assert moved.text == question.text and list(moved.replaces.all()) == [question]

    client.post(
        reverse("learning:question_reformulate", args=[moved.pk]),
        change(text=moved.text, table=tables["own"].pk),
    )
    back = LearningQuestion.objects.get(table=tables["own"], status=ACTIVE)
    assert list(back.replaces.all()) == [moved]


def test_an_unchanged_wording_in_the_same_table_is_refused(client, focal_point, tables):
    question = tables["laarne"]
    client.force_login(focal_point)
    response = client.post(
        reverse("learning:question_reformulate", args=[question.pk]), change(text=question.text)
    )
    assert "The new wording is the same as the current one." in response.text


def test_each_owner_places_a_joint_question_in_its_own_list(
    client, programme, tables, laarne, sint_truiden, sint_truiden_focal_point, partner_focal_point
):
    first = LearningQuestionFactory(table=tables["joint"], order=1, text="Participation?")
    second = LearningQuestionFactory(table=tables["joint"], order=2, text="Marketing?")
    tables["sint-truiden"].drop(reason="In the joint table now", date=datetime.date(2024, 11, 6))
    client.force_login(sint_truiden_focal_point)
    url = reverse("learning:question_place", args=[first.pk, sint_truiden.pk])
    response = client.post(
        url,
        {
            "order": "2",
            "addition": "E.g. the agricultural council?",
            "addition_nl": "Bv. in de landbouwraad?",
        },
    )
    assert response.status_code == 302
    assert OwnerPlace.objects.get().addition_translations == {"nl": "Bv. in de landbouwraad?"}
    client.post(
        reverse("learning:question_place", args=[second.pk, sint_truiden.pk]), {"order": "1"}
    )
    assert "adds “E.g. the agricultural council?”" in client.get(first.get_absolute_url()).text

    rows = {
        row.local_government.name: [question.text for question in row.final]
        for row in evolution_rows(programme, LearningQuestion.objects.all())
    }
    assert rows["Sint-Truiden"] == ["Marketing?", "Participation? E.g. the agricultural council?"]
    assert rows["Laarne"] == ["Revive our councils?", "Participation?", "Marketing?"]
    # The partner reads the joint table but does not place its questions.
    client.force_login(partner_focal_point)
    assert client.post(url, {"order": "1"}).status_code in (403, 404)
    assert OwnerPlace.objects.get(question=first).order == 2


def test_an_owner_s_place_follows_the_question_when_it_is_reworded(
    tables, sint_truiden, focal_point
):
    joint = LearningQuestionFactory(table=tables["joint"], order=1, text="Participation?")
    OwnerPlace.objects.create(question=joint, local_government=sint_truiden, order=2)
    new = joint.reformulate(
        text="Participation in councils?", by=focal_point, date=datetime.date(2025, 1, 1)
    )
    assert OwnerPlace.objects.get().question == new


def test_a_place_only_for_a_joint_question_and_its_owners(client, focal_point, tables, ouinhi):
    client.force_login(focal_point)
    own = tables["laarne"]
    assert (
        client.get(
            reverse("learning:question_place", args=[own.pk, own.table.owners.get().pk])
        ).status_code
        == 404
    )
    joint = LearningQuestionFactory(table=tables["joint"], order=1)
    assert (
        client.get(reverse("learning:question_place", args=[joint.pk, ouinhi.pk])).status_code
        == 404
    )


def test_a_merge_keeps_the_sdg_tags_of_every_question_it_replaces(tables, focal_point):
    laarne_question, theirs = tables["laarne"], tables["sint-truiden"]
    laarne_question.set_tags(["16.7"])
    theirs.set_tags(["2.3", "16.7"])
    new = laarne_question.reformulate(
        text="Participation?",
        by=focal_point,
        date=datetime.date(2024, 11, 6),
        also_replaces=[theirs],
        table=tables["joint"],
    )
    assert new.tags == ["2.3", "16.7"]


def test_the_history_page_shows_who_changed_a_sub_question_and_why(client, focal_point, tables):
    question = tables["laarne"]
    subquestion = SubQuestionFactory(question=question, order=1, text="Who comes?")
    client.force_login(focal_point)
    response = client.post(
        reverse("learning:question_update", args=[question.pk]),
        {
            "question-version": str(question.version),
            "question-trigger": "partner_response",
            "obstacles-TOTAL_FORMS": "0",
            "obstacles-INITIAL_FORMS": "0",
            "subquestions-TOTAL_FORMS": "1",
            "subquestions-INITIAL_FORMS": "1",
            "subquestions-0-id": str(subquestion.pk),
            "subquestions-0-order": "1",
            "subquestions-0-text": "Who comes?",
            "subquestions-0-priority": "like",
            "subquestions-0-answer_status": "partly",
        },
    )
    assert response.status_code == 302
    record = subquestion.history.latest()
    assert (record.priority, record.history_user, record.history_change_reason) == (
        "like",
        focal_point,
        "the partner's response",
    )
    question.reformulate(
        text="Our councils, dynamic again?",
        by=focal_point,
        date=datetime.date(2024, 12, 1),
        trigger="site_visit",
    )
    client.cookies["django_language"] = "nl"
    page = client.get(
        reverse("learning:sheet_history", args=["learning-questions", tables["own"].pk])
    ).text
    assert page.count("Who comes?") >= 2  # changed, then moved to the new wording
    assert "Our councils, dynamic again?" in page
    # Why, in the reader's language.
    assert "het antwoord van de partner" in page
    assert "een eyeopener tijdens een werkbezoek" in page


def test_the_question_gets_its_wording_in_other_languages(
    client, programme, focal_point, tables, laarne
):
    question = tables["laarne"]
    client.force_login(focal_point)
    response = client.post(
        reverse("learning:question_update", args=[question.pk]),
        {
            "question-version": str(question.version),
            "obstacles-TOTAL_FORMS": "0",
            "obstacles-INITIAL_FORMS": "0",
            "subquestions-TOTAL_FORMS": "0",
            "subquestions-INITIAL_FORMS": "0",
            "wording-wording_nl": "Onze adviesraden nieuw leven inblazen?",
            "wording-wording_fr": "  ",
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.translations == {"nl": "Onze adviesraden nieuw leven inblazen?"}
    with translation.override("nl"):
        (row,) = [
            row
            for row in evolution_rows(programme, LearningQuestion.objects.all())
            if row.local_government == laarne
        ]
        assert [q.text for q in row.final] == ["Onze adviesraden nieuw leven inblazen?"]
    with translation.override("fr"):
        assert question.localized_text == "Revive our councils?"


def test_the_consultant_writes_the_application_in_each_language(
    client, programme, consultant, laarne
):
    client.force_login(consultant)
    url = reverse("learning:evolution_summary_update", args=[programme.pk, laarne.pk])
    response = client.post(
        url,
        {
            "order": "2",
            "baseline": "2024-03-01",
            "application_summary": "A wide range of innovative ways",
            "application_summary_nl": "Brede waaier van innovatieve manieren",
        },
    )
    assert response.status_code == 302
    summary = EvolutionSummary.objects.get()
    assert summary.baseline == datetime.date(2024, 3, 1)
    assert summary.translations == {
        "nl": {"application_summary": "Brede waaier van innovatieve manieren"}
    }
    with translation.override("nl"):
        assert summary.localized_application_summary == "Brede waaier van innovatieve manieren"
    with translation.override("fr"):
        assert summary.localized_application_summary == "A wide range of innovative ways"
    assert client.get(url).context["form"]["application_summary_nl"].value() == (
        "Brede waaier van innovatieve manieren"
    )
