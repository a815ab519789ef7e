"""An action of an action plan past its due date is told once, by `manage.py send_reminders`,
to the visiting municipality's team and the partnership's consultants, on their home and by
mail as they chose."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from learning import services as sheets
from learning.tools.registry import get_tool
from partnerships.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(delegation):
    """Ouinhi's action plan after its visit to Laarne: one action due yesterday, one due
    tomorrow, one done late, one suspended late."""
    today = timezone.localdate()
    sheet = sheets.sheet_create(
        tool=get_tool("action-plan"),
        owner=delegation.visitor,
        programme=delegation.visit.programme,
        user=None,
        values={"delegation": delegation},
        rows={
            "actions": [
                {"action": name, "due_date": today + datetime.timedelta(days=days)}
                for name, days in (
                    ("Set up the advisory council", -1),
                    ("Open the website", 1),
                    ("Tell the citizens", -20),
                    ("Strengthen the agricultural council", -5),
                )
            ]
        },
    )
    sheet.actions.filter(action="Tell the citizens").update(status="done")
    sheet.actions.filter(action__startswith="Strengthen").update(status="suspended")
    return sheet


def send_reminders():
    out = io.StringIO()
    call_command("send_reminders", stdout=out)
    return out.getvalue()


def test_an_overdue_action_is_told_to_the_visiting_team_and_the_consultant_once(
    plan, partner_focal_point, focal_point, consultant, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders().startswith("1 overdue")
    told = Notification.objects.filter(url=plan.get_absolute_url())
    assert {each.recipient for each in told} == {partner_focal_point, consultant}
    assert all("Set up the advisory council" in each.text for each in told)
    assert not Notification.objects.filter(recipient=focal_point).exists()  # the host's team
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders().startswith("0 overdue")
    assert told.count() == 2


def test_the_reminder_names_the_visiting_municipality_and_its_partnership(
    plan, partner_focal_point, consultant
):
    send_reminders()
    notification = Notification.objects.get(recipient=partner_focal_point)
    assert notification.params["owners"] == "Ouinhi"
    assert notification.partnership == plan.delegation.partnership
    assert notification.verb.startswith("The action")


def test_a_new_overdue_action_is_told_the_next_day(plan, consultant):
    send_reminders()
    plan.actions.filter(action="Open the website").update(
        due_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert send_reminders().startswith("1 overdue")
    assert Notification.objects.filter(recipient=consultant).count() == 2


@pytest.fixture
def journal_under_way(delegation):
    """Ouinhi's journal per objective on its visit to Laarne, which started two days ago, with
    one activity a day."""
    visit = delegation.visit
    visit.start_date = timezone.localdate() - datetime.timedelta(days=2)
    visit.end_date = visit.start_date + datetime.timedelta(days=4)
    visit.save()
    sheets.sheet_create(
        tool=get_tool("visit-programme"),
        owner=delegation.host,
        programme=visit.programme,
        user=None,
        values={"delegation": delegation},
        rows={
            "activities": [
                {"date": date, "start": datetime.time(9), "activity": f"Day {number}"}
                for number, date in enumerate(visit.days, start=1)
            ]
        },
    )
    return sheets.sheet_create(
        tool=get_tool("journal-per-objective"),
        owner=delegation.visitor,
        programme=visit.programme,
        user=None,
        values={"delegation": delegation},
    )


def test_a_day_of_the_journal_left_empty_is_told_to_the_visiting_team_once(
    journal_under_way, partner_focal_point, focal_point, consultant
):
    from visits.models import JournalDay

    assert "1 journal day(s)" in send_reminders()
    told = Notification.objects.get(url=journal_under_way.get_absolute_url())
    assert told.recipient == partner_focal_point
    assert "Ouinhi to Laarne" in told.text
    assert "0 journal day(s)" in send_reminders()
    first = journal_under_way.delegation.visit.days[0]
    JournalDay.objects.create(sheet=journal_under_way, date=first)
    assert "1 journal day(s)" in send_reminders()  # the next day left empty
    assert Notification.objects.filter(recipient=partner_focal_point).count() == 2
    assert not Notification.objects.filter(recipient__in=[focal_point, consultant]).exists()
