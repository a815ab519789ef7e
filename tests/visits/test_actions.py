"""Following the action plan (tool 10): Ouinhi, visiting Laarne, turns what it learned into
actions, follows their status and progress with evidence, and draws new learning questions
from them; the evolution overview and Ouinhi's page show what was applied."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from learning.services import sheet_transition
from learning.tools.learning_questions import LearningQuestion
from tests.context import shown
from visits import services
from visits.application import plan_context
from visits.models import Action

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _reads_english(client, settings):
    """The pages are read in English here (whatever each person's own language), so that the
    tests can name what they show; tests/test_translations.py checks the other languages."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


COUNCIL = "Set up an advisory council of market vendors"


@pytest.fixture
def action(delegation, partner_focal_point):
    return services.action_from_text(
        delegation=delegation,
        text=COUNCIL,
        values={"budget": Decimal("1500.00"), "responsible": "Market manager"},
        by=partner_focal_point,
    )


@pytest.fixture
def shared_plan(action, partner_focal_point):
    return sheet_transition(sheet=action.sheet, name="share", user=partner_focal_point)


def png_upload(name="market.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def status_url(action):
    return reverse("visits:action_status", args=[action.pk])


def notes_url(action):
    return reverse("visits:action_note_create", args=[action.pk])


# Status


def test_suspending_an_action_needs_a_reason(action, partner_focal_point):
    with pytest.raises(ValidationError) as refused:
        services.set_action_status(action=action, status="suspended", by=partner_focal_point)

    assert "status_reason" in refused.value.message_dict
    action.refresh_from_db()
    assert action.status == Action.Status.PLANNED


def test_a_suspended_action_keeps_its_reason_and_date(action, partner_focal_point):
    services.set_action_status(
        action=action,
        status="suspended",
        reason="Interrupted by political decisions.",
        date=datetime.date(2025, 5, 2),
        by=partner_focal_point,
    )

    action.refresh_from_db()
    assert (action.status, action.status_reason) == (
        "suspended",
        "Interrupted by political decisions.",
    )
    assert action.status_date == datetime.date(2025, 5, 2)
    assert action.history.first().history_user == partner_focal_point


def test_the_page_refuses_dropping_without_a_reason_and_keeps_what_was_chosen(
    client, action, partner_focal_point
):
    client.force_login(partner_focal_point)

    response = client.post(status_url(action), {"status": "dropped", "status_reason": "  "})

    assert response.status_code == 200
    assert response.context["status_form"].errors["status_reason"]
    assert response.context["status_form"]["status"].value() == "dropped"
    action.refresh_from_db()
    assert action.status == Action.Status.PLANNED


def test_the_visitors_team_marks_an_action_in_progress(client, action, partner_focal_point):
    client.force_login(partner_focal_point)

    response = client.post(status_url(action), {"status": "in_progress", "status_reason": ""})

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS
    page = client.get(action.get_absolute_url()).content.decode()
    assert "in progress" in page


# Progress notes and their evidence


def test_a_progress_note_with_a_link_and_a_photo(client, action, partner_focal_point):
    client.force_login(partner_focal_point)

    response = client.post(
        notes_url(action),
        {
            "date": "2025-04-10",
            "text": "First meeting of the vendors' council.",
            "link": "https://ouinhi.example/council",
            "file": png_upload(),
        },
    )

    assert response.status_code == 302
    note = action.notes.get()
    assert note.author == partner_focal_point
    assert note.file.name.endswith(".jpg")  # re-encoded, without the phone's metadata
    assert "market" not in note.file.name  # stored under a random name
    served = client.get(reverse("visits:action_note_file", args=[note.pk]))
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("minutes.exe", b"MZ\x90\x00", "file_type"),
        ("minutes.mp3", b"ID3\x03", "file_type"),
        ("minutes.pdf", b"not a pdf at all", "file_content"),
    ],
)
def test_evidence_of_another_type_or_damaged_is_refused(
    client, action, partner_focal_point, name, content, code
):
    client.force_login(partner_focal_point)

    response = client.post(
        notes_url(action),
        {"date": "2025-04-10", "text": "Minutes", "file": SimpleUploadedFile(name, content)},
    )

    assert response.status_code == 200
    assert response.context["note_form"].has_error("file", code)
    assert response.context["note_form"]["text"].value() == "Minutes"
    assert not action.notes.exists()


def test_evidence_is_served_only_to_readers_of_the_plan(
    client, action, partner_focal_point, focal_point, stranger
):
    note = services.add_action_note(
        action=action, text="Photo of the meeting", file=png_upload(), by=partner_focal_point
    )
    url = reverse("visits:action_note_file", args=[note.pk])

    client.force_login(stranger)
    assert client.get(url).status_code == 404
    client.force_login(focal_point)  # the host reads the plan once shared
    assert client.get(url).status_code == 404
    sheet_transition(sheet=action.sheet, name="share", user=partner_focal_point)
    assert client.get(url).status_code == 200


# Permissions


def test_the_host_reads_a_shared_plans_action_but_does_not_follow_it(
    client, shared_plan, action, focal_point
):
    client.force_login(focal_point)

    assert client.get(action.get_absolute_url()).status_code == 200
    assert client.post(status_url(action), {"status": "done"}).status_code == 403
    assert client.post(notes_url(action), {"text": "Done"}).status_code == 403


def test_the_consultant_follows_the_action(client, action, consultant):
    client.force_login(consultant)

    response = client.post(notes_url(action), {"date": "2025-04-10", "text": "Coached them."})

    assert response.status_code == 302
    assert action.notes.get().author == consultant


def test_a_stranger_does_not_find_the_action(client, action, stranger):
    client.force_login(stranger)

    assert client.get(action.get_absolute_url()).status_code == 404
    assert client.post(status_url(action), {"status": "done"}).status_code == 404


# Budget against the experiment fund


def test_the_plan_shows_what_it_commits_of_the_experiment_fund(
    action, delegation, partner_focal_point
):
    partnership = delegation.partnership
    partnership.experiment_fund = Decimal("35000")
    partnership.save()
    services.action_from_text(
        delegation=delegation,
        text="A small website",
        values={"budget": Decimal("4000")},
        by=partner_focal_point,
    )
    dropped = services.action_from_text(
        delegation=delegation,
        text="A trade fair",
        values={"budget": Decimal("40000")},
        by=partner_focal_point,
    )
    services.set_action_status(
        action=dropped, status="dropped", reason="Too expensive.", by=partner_focal_point
    )

    context = plan_context(action.sheet)

    assert context["committed"] == Decimal("5500")
    assert context["remaining"] == Decimal("29500")
    assert not context["over_fund"]


def test_the_plan_warns_when_the_actions_commit_more_than_the_fund(
    client, action, delegation, partner_focal_point
):
    delegation.partnership.experiment_fund = Decimal("1000")
    delegation.partnership.save()
    client.force_login(partner_focal_point)

    page = client.get(action.sheet.get_absolute_url()).content.decode()

    assert "The actions commit more than the experiment fund." in page
    assert "Contribution from the partner municipality" in page
    assert "Civil servants/politicians involved:" in page


# An action from a journal's applicable learning


def test_action_new_prefills_the_text_and_starts_the_plan(client, delegation, partner_focal_point):
    client.force_login(partner_focal_point)
    url = reverse("visits:action_new", args=[delegation.pk])

    page = client.get(url, {"text": "Involve the vendors in the market's rules"})

    assert page.status_code == 200
    assert page.context["form"]["action"].value() == "Involve the vendors in the market's rules"
    response = client.post(url, {"action": "Involve the vendors in the market's rules"})
    action = Action.objects.get()
    assert response.url == action.get_absolute_url()
    assert action.sheet.delegation == delegation
    assert list(action.sheet.owners.all()) == [delegation.visitor]


def test_action_new_adds_to_the_existing_plan(client, action, delegation, partner_focal_point):
    client.force_login(partner_focal_point)

    client.post(reverse("visits:action_new", args=[delegation.pk]), {"action": "A website"})

    assert action.sheet.actions.count() == 2


def test_the_host_may_not_add_to_the_visitors_plan(client, delegation, focal_point):
    client.force_login(focal_point)

    response = client.get(reverse("visits:action_new", args=[delegation.pk]))

    assert response.status_code == 403


# A learning question from an action


def test_a_new_question_from_a_stalled_action_names_it_in_its_lineage(
    client, action, partner_focal_point, ouinhi_subquestions
):
    services.set_action_status(
        action=action, status="suspended", reason="Elections.", by=partner_focal_point
    )
    client.force_login(partner_focal_point)

    response = client.post(
        reverse("visits:action_question", args=[action.pk]),
        {"text": "How do we keep a council going through elections?"},
    )

    question = LearningQuestion.objects.get(text__startswith="How do we keep")
    assert response.url == question.get_absolute_url()
    assert question.table == ouinhi_subquestions[0].question.table
    assert question.trigger == LearningQuestion.Trigger.APPLICATION
    assert question.trigger_note == COUNCIL
    assert question.order == 2


def test_a_sharper_wording_of_a_question_the_action_applies(
    client, action, partner_focal_point, ouinhi_subquestions
):
    applied = ouinhi_subquestions[0].question
    action.questions.add(applied)
    client.force_login(partner_focal_point)

    client.post(
        reverse("visits:action_question", args=[action.pk]),
        {"text": "How does a market council last?", "replaces": applied.pk},
    )

    new = LearningQuestion.objects.get(text="How does a market council last?")
    assert list(new.replaces.all()) == [applied]
    assert new.trigger == LearningQuestion.Trigger.APPLICATION
    assert applied in new.ancestors()
    applied.refresh_from_db()
    assert applied.status == LearningQuestion.Status.REPLACED


# What was applied, on the evolution overview and the municipality's page


def test_the_evolution_overview_shows_the_actions_after_the_summary(
    client, action, partner_focal_point, consultant, programme, ouinhi_subquestions
):
    services.add_action_note(action=action, text="The council met twice.", by=partner_focal_point)
    client.force_login(consultant)

    page = client.get(reverse("learning:evolution_overview", args=[programme.pk]))

    html = page.content.decode()
    assert COUNCIL in html
    assert "The council met twice." in html
    (row,) = [row for row in shown(page, "rows") if row.applied]
    assert row.applied[0].url == action.get_absolute_url()


def test_the_evolution_overview_shows_the_first_actions_and_how_many_more(
    client, action, delegation, partner_focal_point, consultant, programme, ouinhi_subquestions
):
    """A long action plan does not fill the programme's overview: the first few actions, then
    how many more, linked to the municipality's page (the report lists them all)."""
    for number in range(6):
        services.action_from_text(
            delegation=delegation, text=f"Further action {number}", by=partner_focal_point
        )
    client.force_login(consultant)

    page = client.get(reverse("learning:evolution_overview", args=[programme.pk]))

    html = page.content.decode()
    (row,) = [row for row in shown(page, "rows") if row.applied]
    assert len(row.applied) == 5 and row.applied_more == 2
    assert COUNCIL in html and "Further action 3" in html
    assert "Further action 4" not in html and "Further action 5" not in html
    assert "and 2 more actions in its action plans" in html


def test_the_municipality_page_shows_what_has_been_applied(
    client, action, partner_focal_point, ouinhi
):
    client.force_login(partner_focal_point)

    page = client.get(reverse("partnerships:localgovernment_detail", args=[ouinhi.pk]))

    html = page.content.decode()
    assert "What has been applied" in html
    assert COUNCIL in html
