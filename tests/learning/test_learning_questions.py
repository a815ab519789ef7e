"""Tool 5: the learning-questions table, the page of one question with its ordered obstacles
and sub-questions, and reformulating or dropping a question without losing the old wording."""

import datetime

import pytest
from django.urls import reverse

from learning.forms import current_values, sheet_post_data
from learning.tools.learning_questions import LearningQuestion, LearningQuestionTable
from learning.tools.registry import get_tool
from tests.context import shown
from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    LocalGovernmentFactory,
    ObstacleFactory,
    PartnershipFactory,
    ResponseFactory,
    SouthLocalGovernmentFactory,
    SubQuestionFactory,
)
from tests.learning.sheets import pdf_html

pytestmark = pytest.mark.django_db

TOOL = get_tool("learning-questions")


@pytest.fixture
def table(partnership, laarne):
    return LearningQuestionTableFactory(
        programme=partnership.programme, owners=[laarne], status="shared"
    )


@pytest.fixture
def question(table):
    question = LearningQuestionFactory(
        table=table,
        order=1,
        text="How can we make citizen participation in councils more meaningful?",
    )
    question.set_tags(["16", "16.7"])
    ObstacleFactory(question=question, order=1, text="Councils meet without citizens")
    ObstacleFactory(question=question, order=2, text="Invitations reach the usual few")
    SubQuestionFactory(question=question, order=1, text="Who takes part today?", priority="must")
    SubQuestionFactory(question=question, order=2, text="How do we invite?", priority="nice")
    return question


def parts_data(question, *, obstacles, subquestions, version=None):
    """POST data for the obstacles and sub-questions page; rows as dicts (with "id" for saved)."""
    data = {"question-version": str(version or question.version)}
    for prefix, rows in (("obstacles", obstacles), ("subquestions", subquestions)):
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{prefix}-INITIAL_FORMS"] = str(sum(1 for row in rows if row.get("id")))
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
        for index, row in enumerate(rows):
            for name, value in row.items():
                if value is True:
                    value = "on"
                data[f"{prefix}-{index}-{name}"] = str(value)
    return data


def saved_rows(question):
    obstacles = [
        {"id": o.pk, "order": o.order, "text": o.text, "question": question.pk}
        for o in question.obstacles.all()
    ]
    subquestions = [
        {
            "id": s.pk,
            "order": s.order,
            "text": s.text,
            "priority": s.priority,
            "answer_status": s.answer_status,
            "question": question.pk,
        }
        for s in question.subquestions.all()
    ]
    return obstacles, subquestions


# The table on the framework


def test_the_tool_is_registered_as_number_five():
    assert TOOL.number == 5
    assert TOOL.model is LearningQuestionTable
    assert TOOL.template == "learning/tools/learning-questions.html"


def test_focal_point_writes_a_table_with_tagged_questions(client, focal_point, laarne):
    client.force_login(focal_point)
    data = sheet_post_data(TOOL, TOOL.sample(laarne))
    response = client.post(reverse("learning:sheet_create", args=[TOOL.slug, laarne.pk]), data)
    assert response.status_code == 302
    table = LearningQuestionTable.objects.get()
    assert list(table.owners.all()) == [laarne]
    first, second = table.questions.order_by("order")
    assert first.tags == ["16.7"]
    assert second.tags == ["8", "12"]


def test_an_unknown_sdg_target_is_refused_with_the_real_targets(client, focal_point, laarne):
    client.force_login(focal_point)
    values = TOOL.sample(laarne)
    values["questions"][0]["sdg_tags"] = "16.11"
    response = client.post(
        reverse("learning:sheet_create", args=[TOOL.slug, laarne.pk]),
        sheet_post_data(TOOL, values),
    )
    assert response.status_code == 200
    assert "16.1–16.10, 16.a, 16.b" in response.content.decode()
    assert not LearningQuestionTable.objects.exists()


def test_the_table_shows_each_question_with_obstacles_and_prioritised_subquestions(
    client, focal_point, table, question
):
    client.force_login(focal_point)
    response = client.get(table.get_absolute_url())
    page = response.content.decode()
    assert "Learning question 1:" in page
    assert question.text in page
    assert "Councils meet without citizens" in page
    assert "Must have" in page and "Nice to have" in page
    assert "SDG target 16.7" in page


def test_the_printed_table_keeps_the_earlier_wordings(client, focal_point, table, question):
    question.reformulate(text="A sharper question?", by=focal_point, date=datetime.date(2024, 9, 1))
    client.force_login(focal_point)
    response = client.get(reverse("learning:sheet_print", args=[TOOL.slug, table.pk]))
    page = response.content.decode()
    assert "A sharper question?" in page
    assert "Earlier wordings" in page and question.text in page


def test_the_pdf_has_the_words_of_the_table_in_order_without_lists_or_badges(
    client, focal_point, table, question, monkeypatch
):
    client.force_login(focal_point)
    html = pdf_html(client, monkeypatch, table)
    words = [
        f"Learning question 1: {question.text}",
        "SDG target 16.7",
        "1. Councils meet without citizens",
        "2. Invitations reach the usual few",
        "1. Who takes part today? (Must have · ",
        "2. How do we invite? (Nice to have · ",
    ]
    positions = [html.index(word) for word in words]
    assert positions == sorted(positions)
    assert "<li" not in html and "badge" not in html and "<a " not in html


def test_the_pdf_keeps_the_earlier_wordings(client, focal_point, table, question, monkeypatch):
    question.reformulate(text="A sharper question?", by=focal_point, date=datetime.date(2024, 9, 1))
    client.force_login(focal_point)
    html = pdf_html(client, monkeypatch, table)
    assert html.index("A sharper question?") < html.index("Earlier wordings")
    assert html.index("Earlier wordings") < html.index(question.text)
    assert "→ A sharper question?" in html


def edit_table(client, table, values):
    return client.post(
        reverse("learning:sheet_update", args=[TOOL.slug, table.pk]),
        sheet_post_data(TOOL, values, version=table.version),
    )


def test_the_edit_page_edits_the_current_questions_only(client, focal_point, table, question):
    newer = question.reformulate(
        text="A sharper question?", by=focal_point, date=datetime.date(2024, 9, 1)
    )
    dropped = LearningQuestionFactory(table=table, order=2, text="A question set aside?")
    dropped.drop(reason="Answered elsewhere", date=datetime.date(2024, 9, 2))
    client.force_login(focal_point)
    response = client.get(reverse("learning:sheet_update", args=[TOOL.slug, table.pk]))
    (formset,) = shown(response, "formsets")
    assert [form.instance for form in formset.forms] == [newer]
    page = response.content.decode()
    assert "A sharper question?" in page
    assert question.text not in page and "A question set aside?" not in page
    assert 'name="questions-INITIAL_FORMS" value="1"' in page


@pytest.mark.parametrize("change", ["text", "DELETE"])
def test_a_posted_form_cannot_change_or_remove_an_earlier_wording(
    client, focal_point, table, question, change
):
    newer = question.reformulate(
        text="A sharper question?", by=focal_point, date=datetime.date(2024, 9, 1)
    )
    client.force_login(focal_point)
    values = current_values(TOOL, table)
    # A crafted row with the earlier wording's id, as if the page had listed it.
    forged = {"id": question.pk, "order": 1, "text": "Rewritten history", "sdg_tags": ""}
    if change == "DELETE":
        forged["DELETE"] = True
    values["questions"].append(forged)
    response = edit_table(client, table, values)
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text != "Rewritten history"
    assert question.status == LearningQuestion.Status.REPLACED
    assert set(table.questions.all()) == {question, newer}
    table.refresh_from_db()
    assert table.version == 2


def test_the_current_questions_are_edited_a_page_at_a_time_past_the_earlier_wordings(
    client, focal_point, table
):
    for order in range(1, 13):
        LearningQuestionFactory(table=table, order=order, text=f"Question number {order}?")
    for question in table.questions.filter(order__lte=3):
        question.reformulate(
            text=f"{question.text} Sharper?", by=focal_point, date=datetime.date(2024, 9, 1)
        )
    client.force_login(focal_point)
    address = reverse("learning:sheet_update", args=[TOOL.slug, table.pk])
    first, second = client.get(address), client.get(address, {"page": 2})
    assert shown(first, "rows_page").paginator.num_pages == 2
    first_rows = [form.instance for form in shown(first, "formsets")[0].forms]
    second_rows = [form.instance for form in shown(second, "formsets")[0].forms]
    assert len(first_rows) == 10 and len(second_rows) == 2
    assert all(row.is_active for row in first_rows + second_rows)
    assert [row.order for row in first_rows + second_rows] == list(range(1, 13))

    values = current_values(TOOL, table)  # the first page's rows
    values["questions"][0]["text"] = "Question number 1, sharper still?"
    page = sheet_post_data(TOOL, values, version=table.version)
    assert client.post(address, page).status_code == 302
    assert table.questions.active().get(order=1).text == "Question number 1, sharper still?"
    assert table.questions.count() == 15


def test_a_stale_version_of_the_table_is_refused(client, focal_point, table, question):
    client.force_login(focal_point)
    values = current_values(TOOL, table)
    values["questions"][0]["text"] = "Someone else's change?"
    assert edit_table(client, table, values).status_code == 302
    values["questions"][0]["text"] = "My change?"
    response = client.post(
        reverse("learning:sheet_update", args=[TOOL.slug, table.pk]),
        sheet_post_data(TOOL, values, version=1),
    )
    assert response.status_code == 409
    question.refresh_from_db()
    assert question.text == "Someone else's change?"


def test_a_question_with_responses_cannot_be_removed(client, focal_point, table, question):
    ResponseFactory(question=question)
    client.force_login(focal_point)
    values = current_values(TOOL, table)
    values["questions"][0]["DELETE"] = True
    response = client.post(
        reverse("learning:sheet_update", args=[TOOL.slug, table.pk]),
        sheet_post_data(TOOL, values, version=table.version),
    )
    assert response.status_code == 200
    assert LearningQuestion.objects.filter(pk=question.pk).exists()


def test_the_partner_reads_the_question_page_once_shared(client, partner_focal_point, question):
    client.force_login(partner_focal_point)
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    assert "Who takes part today?" in response.content.decode()


def test_a_draft_table_stays_hidden_from_the_partner(client, partner_focal_point, question):
    question.table.status = "draft"
    question.table.save()
    client.force_login(partner_focal_point)
    assert client.get(question.get_absolute_url()).status_code == 404


def test_a_stranger_cannot_find_the_question(client, stranger, question):
    client.force_login(stranger)
    assert client.get(question.get_absolute_url()).status_code == 404


# Obstacles and sub-questions


def test_team_member_adds_reorders_and_removes_obstacles_and_subquestions(
    client, team_member, question
):
    client.force_login(team_member)
    obstacles, subquestions = saved_rows(question)
    obstacles[0]["order"], obstacles[1]["order"] = 2, 1
    obstacles.append({"order": "", "text": "Nobody follows up", "question": question.pk})
    subquestions[1]["DELETE"] = True
    subquestions.append(
        {"order": 1, "text": "What works elsewhere?", "priority": "like", "answer_status": "open"}
    )
    response = client.post(
        reverse("learning:question_update", args=[question.pk]),
        parts_data(question, obstacles=obstacles, subquestions=subquestions),
    )
    assert response.status_code == 302
    assert [(o.order, o.text) for o in question.obstacles.all()] == [
        (1, "Invitations reach the usual few"),
        (2, "Councils meet without citizens"),
        (3, "Nobody follows up"),
    ]
    assert [(s.order, s.text, s.priority) for s in question.subquestions.all()] == [
        (1, "Who takes part today?", "must"),
        (2, "What works elsewhere?", "like"),
    ]


def test_the_edit_page_offers_reordering_on_a_phone(client, focal_point, question):
    client.force_login(focal_point)
    page = client.get(reverse("learning:question_update", args=[question.pk])).content.decode()
    assert "data-reorder" in page and "data-move" in page
    assert 'data-formset-add="obstacles"' in page
    assert 'data-formset-add="subquestions"' in page
    assert 'data-draft-key="question-' in page


def test_two_people_editing_the_same_question_do_not_overwrite_each_other(
    client, focal_point, consultant, question
):
    obstacles, subquestions = saved_rows(question)
    started_from = question.version
    client.force_login(consultant)
    first = [*obstacles, {"order": 3, "text": "Consultant's obstacle"}]
    response = client.post(
        reverse("learning:question_update", args=[question.pk]),
        parts_data(question, obstacles=first, subquestions=subquestions, version=started_from),
    )
    assert response.status_code == 302
    client.force_login(focal_point)
    second = [*obstacles, {"order": 3, "text": "Focal point's obstacle"}]
    response = client.post(
        reverse("learning:question_update", args=[question.pk]),
        parts_data(question, obstacles=second, subquestions=subquestions, version=started_from),
    )
    assert response.status_code == 409
    assert "Focal point&#x27;s obstacle" in response.content.decode()
    texts = list(question.obstacles.values_list("text", flat=True))
    assert "Consultant's obstacle" in texts and "Focal point's obstacle" not in texts


def test_the_partner_may_read_but_not_edit_the_subquestions(client, partner_focal_point, question):
    client.force_login(partner_focal_point)
    url = reverse("learning:question_update", args=[question.pk])
    assert client.get(url).status_code == 403


def test_programme_staff_read_but_do_not_edit(client, staff, question):
    client.force_login(staff)
    assert client.get(question.get_absolute_url()).status_code == 200
    assert client.get(reverse("learning:question_update", args=[question.pk])).status_code == 403


# Reformulating and dropping


def test_ouinhi_reformulates_and_the_old_wording_stays(client, partner_focal_point, ouinhi):
    table = LearningQuestionTableFactory(owners=[ouinhi])
    old = LearningQuestionFactory(
        table=table, text="Comment la commune peut-elle faire payer plus d'impôts ?"
    )
    old.set_tags(["17.1"])
    SubQuestionFactory(question=old, text="Qui paie aujourd'hui ?", answer_status="partly")
    client.force_login(partner_focal_point)
    response = client.post(
        reverse("learning:question_reformulate", args=[old.pk]),
        {
            "text": "Comment la commune peut-elle au mieux soutenir les acteurs économiques ?",
            "date": "2024-09-20",
            "trigger": "site_visit",
            "trigger_note": "Visite du marché de Laarne",
        },
    )
    new = LearningQuestion.objects.get(status="active")
    assert response.status_code == 302
    assert response.url == new.get_absolute_url()
    old.refresh_from_db()
    assert old.status == "replaced" and old.ended_date == datetime.date(2024, 9, 20)
    assert list(new.replaces.all()) == [old]
    assert new.trigger == "site_visit" and new.changed_date == datetime.date(2024, 9, 20)
    assert new.tags == ["17.1"]
    assert [(s.text, s.answer_status) for s in new.subquestions.all()] == [
        ("Qui paie aujourd'hui ?", "partly")
    ]
    page = client.get(new.get_absolute_url()).content.decode()
    assert "payer plus d&#x27;imp" in page  # the earlier wording is listed


def test_a_merge_replaces_several_questions(client, focal_point, table):
    first = LearningQuestionFactory(table=table, order=1, text="Participatory evaluations?")
    second = LearningQuestionFactory(table=table, order=2, text="Women's associations?")
    client.force_login(focal_point)
    response = client.post(
        reverse("learning:question_reformulate", args=[first.pk]),
        {
            "text": "Citizen participation in councils?",
            "date": "2024-06-01",
            "also_replaces": [second.pk],
        },
    )
    assert response.status_code == 302
    merged = LearningQuestion.objects.get(status="active")
    assert set(merged.replaces.all()) == {first, second}
    assert set(LearningQuestion.objects.filter(status="replaced")) == {first, second}


def test_the_same_wording_is_not_a_reformulation(client, focal_point, question):
    client.force_login(focal_point)
    response = client.post(
        reverse("learning:question_reformulate", args=[question.pk]),
        {"text": question.text, "date": "2024-06-01"},
    )
    assert response.status_code == 200
    assert LearningQuestion.objects.count() == 1


def test_an_earlier_wording_cannot_be_reformulated_again(client, focal_point, question):
    question.reformulate(text="Newer?", by=focal_point, date=datetime.date(2024, 9, 1))
    client.force_login(focal_point)
    url = reverse("learning:question_reformulate", args=[question.pk])
    assert client.get(url).status_code == 403


def test_a_dropped_question_keeps_its_wording_and_reason(client, focal_point, question):
    client.force_login(focal_point)
    response = client.post(
        reverse("learning:question_drop", args=[question.pk]),
        {"reason": "A sensitive matter", "date": "2024-04-15"},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "dropped"
    assert question.dropped_reason == "A sensitive matter"
    assert question.ended_date == datetime.date(2024, 4, 15)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "A sensitive matter" in page


def test_dropping_needs_a_reason(client, focal_point, question):
    client.force_login(focal_point)
    response = client.post(
        reverse("learning:question_drop", args=[question.pk]), {"reason": "", "date": "2024-04-15"}
    )
    assert response.status_code == 200
    question.refresh_from_db()
    assert question.is_active


def test_the_partner_cannot_reformulate_the_owners_question(client, partner_focal_point, question):
    client.force_login(partner_focal_point)
    response = client.post(
        reverse("learning:question_reformulate", args=[question.pk]),
        {"text": "Hijacked?", "date": "2024-06-01"},
    )
    assert response.status_code == 403


# A joint table


def test_the_consultant_draws_up_a_joint_table_beside_laarnes_own(
    client, consultant, programme, laarne, table
):
    sint_truiden = LocalGovernmentFactory(name="Sint-Truiden")
    PartnershipFactory(
        programme=programme, north=sint_truiden, south=SouthLocalGovernmentFactory(name="Covè")
    ).consultants.add(consultant)
    client.force_login(consultant)
    data = sheet_post_data(TOOL, TOOL.sample(laarne))
    data["owners-co_owners"] = [str(sint_truiden.pk)]
    response = client.post(reverse("learning:sheet_create", args=[TOOL.slug, laarne.pk]), data)
    assert response.status_code == 302
    joint = LearningQuestionTable.objects.exclude(pk=table.pk).get()
    assert set(joint.owners.all()) == {laarne, sint_truiden}


def test_a_joint_table_belongs_to_both_municipalities(client, programme, laarne, focal_point):
    sint_truiden = LocalGovernmentFactory(name="Sint-Truiden")
    PartnershipFactory(
        programme=programme, north=sint_truiden, south=SouthLocalGovernmentFactory(name="Covè")
    )
    table = LearningQuestionTableFactory(programme=programme, owners=[laarne, sint_truiden])
    question = LearningQuestionFactory(table=table)
    assert set(table.partners().values_list("name", flat=True)) == {"Ouinhi", "Covè"}
    client.force_login(focal_point)
    assert client.get(question.get_absolute_url()).status_code == 200
    assert client.get(reverse("learning:question_update", args=[question.pk])).status_code == 200


def test_two_reformulations_of_the_same_question_at_once_keep_one(focal_point, question):
    from django.core.exceptions import ValidationError

    seen_by_someone_else = LearningQuestion.objects.get(pk=question.pk)
    question.reformulate(text="First new wording?", by=focal_point, date=datetime.date(2024, 9, 1))
    with pytest.raises(ValidationError):
        seen_by_someone_else.reformulate(
            text="Second new wording?", by=focal_point, date=datetime.date(2024, 9, 1)
        )
    assert list(
        LearningQuestion.objects.filter(status="active").values_list("text", flat=True)
    ) == ["First new wording?"]
