"""A delegation's members, its withdrawal and reinstatement, and the priorities of the visiting
municipality's sub-questions."""

import datetime

import pytest
from django.urls import reverse

from learning.tools.learning_questions import SubQuestion
from visits.models import Delegation

pytestmark = pytest.mark.django_db


def members_data(rows, initial=0):
    data = {
        "members-TOTAL_FORMS": len(rows),
        "members-INITIAL_FORMS": initial,
        "members-MIN_NUM_FORMS": 0,
        "members-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"members-{index}-{name}"] = value
    return data


def test_the_visiting_team_lists_its_members_in_order(client, partner_focal_point, delegation):
    client.force_login(partner_focal_point)
    url = reverse("visits:delegation_members", args=[delegation.pk])
    rows = [
        {"name": "Rodrigue A.", "position": "Mayor", "profile": "political", "languages": "French"},
        {"name": "Awa B.", "position": "Planner", "profile": "technical", "languages": "Fon"},
    ]
    response = client.post(url, members_data(rows))
    assert response.status_code == 302
    members = list(delegation.members.all())
    assert [(m.name, m.order) for m in members] == [("Rodrigue A.", 0), ("Awa B.", 1)]
    assert delegation.profile_balance() == {"political": 1, "technical": 1}
    page = client.get(delegation.get_absolute_url()).text
    assert "Rodrigue A." in page and "Planner" in page


def test_a_member_without_a_name_is_refused_and_the_rest_is_kept(
    client, partner_focal_point, delegation
):
    client.force_login(partner_focal_point)
    url = reverse("visits:delegation_members", args=[delegation.pk])
    rows = [{"name": "", "position": "Secretary general", "profile": "technical"}]
    response = client.post(url, members_data(rows))
    assert response.status_code == 200
    assert response.context["form"].errors[0]["name"]  # (the page is in Rodrigue's French)
    assert "Secretary general" in response.text
    assert not delegation.members.exists()


def test_the_host_cannot_post_members(client, focal_point, delegation):
    client.force_login(focal_point)
    url = reverse("visits:delegation_members", args=[delegation.pk])
    response = client.post(url, members_data([{"name": "Someone"}]))
    assert response.status_code == 403
    assert not delegation.members.exists()


def test_a_delegation_is_withdrawn_with_a_date_and_a_reason_and_reinstated(
    client, consultant, delegation
):
    client.force_login(consultant)
    url = reverse("visits:delegation_withdraw", args=[delegation.pk])
    response = client.post(url, {"withdrawn_on": "2024-09-02", "withdrawal_reason": "No visas."})
    assert response.status_code == 302
    delegation.refresh_from_db()
    assert delegation.withdrawn_on == datetime.date(2024, 9, 2)
    assert delegation.history.first().history_user == consultant
    page = client.get(delegation.visit.get_absolute_url()).text
    assert "Withdrawn delegations" in page and "No visas." in page
    assert "withdrawn on 2 September 2024" in page

    response = client.post(reverse("visits:delegation_reinstate", args=[delegation.pk]))
    assert response.status_code == 302
    delegation.refresh_from_db()
    assert not delegation.is_withdrawn and delegation.withdrawal_reason == ""


def test_a_withdrawal_needs_a_date_and_a_reason(client, consultant, delegation):
    client.force_login(consultant)
    url = reverse("visits:delegation_withdraw", args=[delegation.pk])
    response = client.post(url, {"withdrawn_on": "", "withdrawal_reason": "Flights cancelled."})
    assert response.status_code == 200
    assert "Give the date the delegation was withdrawn." in response.text
    assert "Flights cancelled." in response.text
    response = client.post(url, {"withdrawn_on": "2024-09-02", "withdrawal_reason": ""})
    assert "Say why the delegation will not travel." in response.text
    assert not Delegation.objects.get(pk=delegation.pk).is_withdrawn


def test_the_host_cannot_withdraw_or_reinstate(client, focal_point, delegation):
    client.force_login(focal_point)
    response = client.post(
        reverse("visits:delegation_withdraw", args=[delegation.pk]),
        {"withdrawn_on": "2024-09-02", "withdrawal_reason": "No."},
    )
    assert response.status_code == 403
    assert (
        client.post(reverse("visits:delegation_reinstate", args=[delegation.pk])).status_code == 403
    )


def test_a_stranger_cannot_reinstate(client, stranger, delegation):
    client.force_login(stranger)
    url = reverse("visits:delegation_reinstate", args=[delegation.pk])
    assert client.post(url).status_code == 404


def priorities_data(subquestions, values):
    data = {
        "form-TOTAL_FORMS": len(subquestions),
        "form-INITIAL_FORMS": len(subquestions),
        "form-MIN_NUM_FORMS": 0,
        "form-MAX_NUM_FORMS": 1000,
    }
    for index, (subquestion, value) in enumerate(zip(subquestions, values, strict=True)):
        data[f"form-{index}-id"] = subquestion.pk
        data[f"form-{index}-priority"] = value
    return data


def test_the_visiting_team_sets_a_priority_that_tool_5_shows_too(
    client, partner_focal_point, delegation, ouinhi_subquestions
):
    client.force_login(partner_focal_point)
    url = reverse("visits:delegation_priorities", args=[delegation.pk])
    page = client.get(url).text
    assert "Who sits on it?" in page and "How often?" in page
    response = client.post(url, priorities_data(ouinhi_subquestions, ["like", "must"]))
    assert response.status_code == 302
    first, second = (SubQuestion.objects.get(pk=s.pk) for s in ouinhi_subquestions)
    assert (first.priority, second.priority) == ("like", "must")
    assert second.history.first().history_change_reason.startswith("Priority set")
    # One value: the learning-questions table shows it.
    table = first.question.table
    assert "Like to have" in client.get(table.get_absolute_url()).text


def test_the_host_reads_the_priorities_but_cannot_set_them(
    client, focal_point, delegation, ouinhi_subquestions
):
    client.force_login(focal_point)
    url = reverse("visits:delegation_priorities", args=[delegation.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "Who sits on it?" in response.text and "Save the priorities" not in response.text
    response = client.post(url, priorities_data(ouinhi_subquestions, ["nice", "nice"]))
    assert response.status_code == 403
    assert SubQuestion.objects.get(pk=ouinhi_subquestions[0].pk).priority == "must"


def test_an_unknown_priority_is_refused(client, consultant, delegation, ouinhi_subquestions):
    client.force_login(consultant)
    url = reverse("visits:delegation_priorities", args=[delegation.pk])
    response = client.post(url, priorities_data(ouinhi_subquestions, ["urgent", ""]))
    assert response.status_code == 200
    assert "Select a valid choice." in response.text
    assert SubQuestion.objects.get(pk=ouinhi_subquestions[0].pk).priority == "must"
