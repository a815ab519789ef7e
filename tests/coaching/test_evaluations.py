"""Interim evaluations and the methodology log: staff open a round, each participant answers once
and may change it until the round closes, on a phone and in their language; who reads which
answers; the consultants and staff keep the methodology log that everyone in the programme
reads."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching.models import EvaluationAnswer, EvaluationRound, Meeting, MethodologyAdjustment

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


@pytest.fixture
def evaluation(programme):
    return EvaluationRound.objects.create(
        programme=programme,
        title="Interim evaluation",
        opens_on=today() - datetime.timedelta(days=3),
        closes_on=today() + datetime.timedelta(days=10),
    )


@pytest.fixture
def closed(programme):
    return EvaluationRound.objects.create(
        programme=programme,
        title="April-May 2024",
        opens_on=datetime.date(2024, 4, 1),
        closes_on=datetime.date(2024, 5, 31),
    )


def answer_url(evaluation):
    return reverse("coaching:evaluation_answer", args=[evaluation.pk])


def answer(client, user, evaluation, **data):
    client.force_login(user)
    return client.post(
        answer_url(evaluation), {"worked": "", "did_not_work": "", "improve": ""} | data
    )


def test_staff_open_a_round_with_its_dates(client, staff, programme):
    client.force_login(staff)
    url = reverse("coaching:evaluation_create") + f"?programme={programme.pk}"
    response = client.post(
        url, {"title": "December 2024", "opens_on": "2024-12-02", "closes_on": "2024-12-20"}
    )
    evaluation = EvaluationRound.objects.get()
    assert response.status_code == 302
    assert (evaluation.programme, evaluation.closes_on) == (programme, datetime.date(2024, 12, 20))


def test_staff_need_not_name_their_only_programme(client, staff, programme):
    client.force_login(staff)
    response = client.get(reverse("coaching:evaluation_create"))
    assert response.status_code == 200
    assert response.context["programme"] == programme


def test_a_round_that_closes_before_it_opens_is_refused_with_what_was_typed(
    client, staff, programme
):
    client.force_login(staff)
    url = reverse("coaching:evaluation_create") + f"?programme={programme.pk}"
    response = client.post(
        url, {"title": "Typed title", "opens_on": "2024-12-20", "closes_on": "2024-12-02"}
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("closes_on", "closes_before_opening")
    assert "Typed title" in response.content.decode()
    assert [str(m) for m in response.context["messages"]] == [
        "The evaluation was not saved: see the marked fields."
    ]
    assert not EvaluationRound.objects.exists()


@pytest.mark.parametrize("persona", ["consultant", "focal_point", "observer"])
def test_only_staff_open_a_round(client, programme, partnership, persona, request):
    client.force_login(request.getfixturevalue(persona))
    url = reverse("coaching:evaluation_create") + f"?programme={programme.pk}"
    assert client.get(url).status_code == 403


def test_a_participant_answers_once_in_their_language_and_changes_it_while_open(
    client, partner_focal_point, ouinhi, evaluation
):
    client.force_login(partner_focal_point)
    page = client.get(answer_url(evaluation), HTTP_ACCEPT_LANGUAGE="fr")
    assert page.status_code == 200
    assert 'name="viewport"' in page.content.decode()
    client.cookies.load({"django_language": "fr"})
    response = client.post(
        answer_url(evaluation), {"worked": "Les bilatérales.", "improve": "Moins long."}
    )
    assert response.status_code == 302
    saved = EvaluationAnswer.objects.get()
    assert (saved.respondent, saved.local_government, saved.language) == (
        partner_focal_point,
        ouinhi,
        "fr",
    )
    client.post(answer_url(evaluation), {"worked": "Les bilatérales et le coaching."})
    saved = EvaluationAnswer.objects.get()
    assert saved.worked == "Les bilatérales et le coaching."


def test_an_empty_answer_is_refused_with_a_message(client, focal_point, evaluation):
    response = answer(client, focal_point, evaluation, worked="   ")
    assert response.status_code == 200
    assert response.context["form"].has_error("__all__", "empty")
    assert [str(m) for m in response.context["messages"]] == [
        "Your answer was not saved: see the marked fields."
    ]
    assert not EvaluationAnswer.objects.exists()


def test_a_closed_round_takes_no_more_answers(client, focal_point, closed):
    client.force_login(focal_point)
    response = client.post(answer_url(closed), {"worked": "Late."}, follow=True)
    assert not EvaluationAnswer.objects.exists()
    assert "This evaluation closed on 31 May 2024" in response.content.decode()


def test_a_consultant_answers_for_no_municipality(client, consultant, evaluation):
    assert answer(client, consultant, evaluation, worked="Coaching.").status_code == 302
    assert EvaluationAnswer.objects.get().local_government is None


def test_staff_and_observers_do_not_answer(client, staff, observer, evaluation):
    assert answer(client, staff, evaluation, worked="x").status_code == 403
    assert answer(client, observer, evaluation, worked="x").status_code == 403


def test_a_stranger_to_the_programme_finds_no_round(client, evaluation):
    from tests.factories import LocalGovernmentFactory, MembershipFactory

    outsider = MembershipFactory(local_government=LocalGovernmentFactory(name="Gent")).user
    client.force_login(outsider)
    assert client.get(answer_url(evaluation)).status_code == 404
    assert client.get(evaluation.get_absolute_url()).status_code == 404


@pytest.fixture
def answers(evaluation, focal_point, partner_focal_point, consultant, stranger, client):
    for user, text in (
        (focal_point, "Laarne's view"),
        (partner_focal_point, "Ouinhi's view"),
        (consultant, "The consultant's view"),
        (stranger, "Schoten's view"),
    ):
        assert answer(client, user, evaluation, worked=text).status_code == 302
    client.logout()


def shown(client, user, evaluation):
    client.force_login(user)
    groups = client.get(evaluation.get_absolute_url()).context["groups"]
    return [(str(lg or "-"), [a.worked for a in group]) for lg, group in groups]


def test_staff_and_consultants_read_every_answer_per_municipality(
    client, staff, consultant, evaluation, answers
):
    expected = [
        ("Laarne", ["Laarne's view"]),
        ("Ouinhi", ["Ouinhi's view"]),
        ("Schoten", ["Schoten's view"]),
        ("-", ["The consultant's view"]),
    ]
    assert shown(client, staff, evaluation) == expected
    assert shown(client, consultant, evaluation) == expected


def test_a_team_reads_its_municipalitys_answers_only(
    client, team_member, partner_focal_point, observer, evaluation, answers
):
    assert shown(client, team_member, evaluation) == [("Laarne", ["Laarne's view"])]
    assert shown(client, partner_focal_point, evaluation) == [("Ouinhi", ["Ouinhi's view"])]
    assert shown(client, observer, evaluation) == []


def test_the_methodology_log_is_kept_by_consultants_and_read_by_the_programme(
    client, consultant, focal_point, observer, programme, closed
):
    meeting = Meeting.objects.create(
        programme=programme,
        kind=Meeting.Kind.NETWORK,
        starts_at=timezone.make_aware(datetime.datetime.fromisoformat("2024-03-12T14:00")),
    )
    client.force_login(consultant)
    url = reverse("coaching:adjustment_create") + f"?programme={programme.pk}"
    response = client.post(
        url,
        {
            "date": "2024-06-04",
            "decision": "More work through individual coaching.",
            "reason": "Long and difficult group meetings.",
            "prompted_by_round": closed.pk,
            "prompted_by_meeting": meeting.pk,
        },
    )
    assert response.status_code == 302
    adjustment = MethodologyAdjustment.objects.get()
    assert (adjustment.recorded_by, adjustment.prompted_by_round) == (consultant, closed)
    for reader in (focal_point, observer):
        client.force_login(reader)
        page = client.get(reverse("coaching:adjustment_list"))
        assert "More work through individual coaching." in page.content.decode()
        assert client.get(url).status_code == 403


def test_an_adjustment_without_its_reason_is_refused_with_what_was_typed(client, staff, programme):
    client.force_login(staff)
    url = reverse("coaching:adjustment_create") + f"?programme={programme.pk}"
    response = client.post(url, {"date": "2024-06-04", "decision": "Shorter meetings."})
    assert response.status_code == 200
    assert response.context["form"].has_error("reason", "required")
    assert "Shorter meetings." in response.content.decode()
    assert not MethodologyAdjustment.objects.exists()


def test_a_round_of_another_programme_cannot_have_prompted_an_adjustment(client, staff, programme):
    from tests.factories import ProgrammeFactory

    elsewhere = EvaluationRound.objects.create(
        programme=ProgrammeFactory(name="Another"),
        title="Elsewhere",
        opens_on=today(),
        closes_on=today(),
    )
    client.force_login(staff)
    url = reverse("coaching:adjustment_create") + f"?programme={programme.pk}"
    response = client.post(
        url,
        {"date": "2024-06-04", "decision": "D", "reason": "R", "prompted_by_round": elsewhere.pk},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("prompted_by_round", "invalid_choice")
