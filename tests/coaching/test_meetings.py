"""Meetings: times in each reader's zone, the 90-minute budget, the invitation, the pre-read,
attendance, minutes and tasks, and who may do what."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coaching.ics import calendar, fold
from coaching.models import Meeting, Task
from partnerships.models import Notification
from tests.context import shown

pytestmark = pytest.mark.django_db

SUMMER = datetime.datetime(2025, 6, 12, 12, 0, tzinfo=datetime.UTC)  # 14:00 in Brussels


@pytest.fixture
def bilateral(programme, partnership, consultant):
    return Meeting.objects.create(
        programme=programme,
        kind=Meeting.Kind.BILATERAL,
        partnership=partnership,
        title="Bilateral on tourism",
        starts_at=SUMMER,
        organiser=consultant,
    )


def plan_data(partnership, minutes, **extra):
    items = [("Tour de table", 30), ("Tool 2 by Laarne", 30), ("Next steps", minutes - 60)]
    data = {
        "kind": "bilateral",
        "partnership": partnership.pk,
        "title": "Bilateral on tourism",
        "starts_at": "2025-06-12T14:00",
        "duration": "90",
        "language": "fr",
        "status": "planned",
        "agenda-TOTAL_FORMS": str(len(items)),
        "agenda-INITIAL_FORMS": "0",
        "agenda-MIN_NUM_FORMS": "0",
        "agenda-MAX_NUM_FORMS": "1000",
        **extra,
    }
    for index, (title, length) in enumerate(items):
        data[f"agenda-{index}-title"] = title
        data[f"agenda-{index}-minutes"] = str(length)
    return data


def test_the_same_meeting_shows_14_00_in_brussels_and_13_00_in_porto_novo(
    client, bilateral, focal_point, partner_focal_point
):
    client.force_login(focal_point)
    page = client.get(bilateral.get_absolute_url())
    assert "14:00" in page.text and "13:00" not in page.text
    client.force_login(partner_focal_point)
    page = client.get(bilateral.get_absolute_url())
    assert "13:00" in page.text


def test_a_consultant_plans_a_100_minute_bilateral_and_is_warned_not_refused(
    client, consultant, partnership, programme, focal_point, partner_focal_point
):
    client.force_login(consultant)
    url = reverse("coaching:meeting_create") + f"?programme={programme.pk}"
    response = client.post(url, plan_data(partnership, 100), follow=True)

    meeting = Meeting.objects.get()
    assert meeting.agenda_minutes() == 100 and meeting.over_budget
    assert [item.title for item in meeting.agenda.all()][0] == "Tour de table"
    assert "more than the 90 minutes" in response.text
    assert "data-over-budget" in response.text
    # Brussels time typed by a consultant in Brussels.
    assert meeting.starts_at == SUMMER
    invited = set(meeting.attendances.values_list("user__username", flat=True))
    assert {"focal@laarne.example", "focal@ouinhi.example", "consultant@example.org"} <= invited


def test_a_90_minute_agenda_gets_no_warning(client, consultant, partnership, programme):
    client.force_login(consultant)
    url = reverse("coaching:meeting_create") + f"?programme={programme.pk}"
    response = client.post(url, plan_data(partnership, 90), follow=True)
    assert not Meeting.objects.get().over_budget
    assert "data-over-budget" not in response.text


def test_a_partner_records_a_bilateral_held_without_the_consultant(
    client, focal_point, partnership, programme
):
    client.force_login(focal_point)
    url = reverse("coaching:meeting_create") + f"?programme={programme.pk}"
    response = client.post(url, plan_data(partnership, 60))
    assert response.status_code == 302
    assert Meeting.objects.get().without_consultant


def test_a_stranger_neither_reads_nor_edits_the_bilateral(client, bilateral, stranger):
    client.force_login(stranger)
    for name in ("meeting_detail", "meeting_update", "meeting_preread", "meeting_ics"):
        assert client.get(reverse(f"coaching:{name}", args=[bilateral.pk])).status_code == 404
    assert client.post(reverse("coaching:meeting_record", args=[bilateral.pk])).status_code == 404


def test_a_partner_reads_the_consultants_bilateral_but_does_not_edit_it(
    client, bilateral, focal_point
):
    client.force_login(focal_point)
    assert client.get(bilateral.get_absolute_url()).status_code == 200
    assert client.get(reverse("coaching:meeting_update", args=[bilateral.pk])).status_code == 403


def test_the_invitation_is_valid_icalendar_with_folded_lines(client, bilateral, focal_point):
    bilateral.place = "https://meet.example.org/" + "x" * 120
    bilateral.save()
    client.force_login(focal_point)
    response = client.get(reverse("coaching:meeting_ics", args=[bilateral.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    raw = response.content.decode()
    assert raw.startswith("BEGIN:VCALENDAR\r\n") and raw.endswith("END:VCALENDAR\r\n")
    physical = raw.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in physical)
    unfolded = raw.replace("\r\n ", "").split("\r\n")
    assert "DTSTART:20250612T120000Z" in unfolded
    assert "DTEND:20250612T133000Z" in unfolded
    assert "SUMMARY:Bilateral on tourism" in unfolded
    assert f"LOCATION:{bilateral.place}" in unfolded
    assert any(line.startswith("UID:meeting-") for line in unfolded)
    assert any(line.startswith("DTSTAMP:") for line in unfolded)


def test_folding_never_splits_a_character_and_text_is_escaped():
    line = "SUMMARY:" + "é" * 100
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
    body = calendar(
        [
            {
                "uid": "1",
                "start": SUMMER,
                "end": SUMMER,
                "summary": "Covè; Laarne, and more\nnext",
            }
        ]
    ).decode()
    assert "SUMMARY:Covè\\; Laarne\\, and more\\nnext" in body


def test_the_pre_read_is_a_few_kilobytes_and_is_mailed_to_the_participants(
    client,
    consultant,
    partnership,
    programme,
    focal_point,
    partner_focal_point,
    django_capture_on_commit_callbacks,
):
    client.force_login(consultant)
    url = reverse("coaching:meeting_create") + f"?programme={programme.pk}"
    client.post(url, plan_data(partnership, 100))
    meeting = Meeting.objects.get()
    page = client.get(reverse("coaching:meeting_preread", args=[meeting.pk]))
    assert page.status_code == 200
    assert "Tool 2 by Laarne" in page.text
    assert len(page.content) < 5000
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("coaching:preread_send", args=[meeting.pk]))
    assert response.status_code == 302
    recipients = {message.to[0] for message in mail.outbox}
    assert focal_point.email in recipients and partner_focal_point.email in recipients
    assert all(len(message.body.encode()) < 5000 for message in mail.outbox)
    ouinhi_mail = next(m for m in mail.outbox if m.to[0] == partner_focal_point.email)
    assert "13:00" in ouinhi_mail.body  # in Porto-Novo's time


def test_recording_attendance_minutes_and_tasks_puts_the_tasks_on_the_owners_home(
    client, bilateral, consultant, focal_point, laarne, partner_focal_point
):
    from coaching.models import Attendance
    from coaching.services import default_participants

    Attendance.objects.bulk_create(
        Attendance(meeting=bilateral, user=u) for u in default_participants(bilateral)
    )
    present = bilateral.attendances.get(user=focal_point)
    client.force_login(consultant)
    response = client.post(
        reverse("coaching:meeting_record", args=[bilateral.pk]),
        {"attended": [present.pk], "minutes": "We met.", "decisions": "Tool 2 next.", "held": "on"},
    )
    assert response.status_code == 302
    bilateral.refresh_from_db()
    assert bilateral.status == Meeting.Status.HELD and bilateral.minutes == "We met."
    assert bilateral.attendances.get(user=focal_point).attended is True
    assert bilateral.attendances.get(user=partner_focal_point).attended is False
    response = client.post(
        reverse("coaching:task_create", args=[bilateral.pk]),
        {
            "title": "Present tool 2 at the next bilateral",
            "owner_local_government": laarne.pk,
            "due_date": "2025-07-01",
        },
    )
    assert response.status_code == 302
    task = Task.objects.get()
    assert task.programme_id == bilateral.programme_id and task.meeting == bilateral

    client.force_login(focal_point)
    assert "Present tool 2 at the next bilateral" in client.get(reverse("home")).text
    client.force_login(partner_focal_point)
    assert "Present tool 2 at the next bilateral" not in client.get(reverse("home")).text
    assert client.post(reverse("coaching:task_done", args=[task.pk])).status_code == 404

    client.force_login(focal_point)
    done = reverse("coaching:task_done", args=[task.pk])
    # Back to the page it was done from, never to another site.
    response = client.post(done, {"next": "https://elsewhere.example/"})
    assert response.status_code == 302 and response.url == reverse("home")
    task.refresh_from_db()
    assert task.status == Task.Status.DONE


def test_a_meeting_moved_to_another_partnership_no_longer_invites_the_first_ones_team(
    bilateral, consultant, other_partnership, focal_point, partner_focal_point
):
    from coaching.forms import AgendaFormSet
    from coaching.services import default_participants, meeting_save

    bilateral.attendances.create(user=focal_point, attended=True)
    bilateral.attendances.create(user=partner_focal_point)
    other_partnership.consultants.add(consultant)
    bilateral.partnership = other_partnership
    meeting_save(meeting=bilateral, agenda=AgendaFormSet(instance=bilateral), user=consultant)

    invited = set(bilateral.attendances.values_list("user", flat=True))
    assert partner_focal_point.pk not in invited
    assert focal_point.pk in invited  # attended: the record of who was there stays
    assert invited - {focal_point.pk} <= set(
        default_participants(bilateral).values_list("pk", flat=True)
    )


def test_a_task_without_an_owner_is_refused(client, bilateral, consultant):
    client.force_login(consultant)
    response = client.post(
        reverse("coaching:task_create", args=[bilateral.pk]), {"title": "Someone do it"}
    )
    assert response.status_code == 200
    assert not Task.objects.exists()


def test_owners_are_reminded_of_a_due_task_once(bilateral, laarne, focal_point, team_member):
    Task.objects.create(
        programme=bilateral.programme,
        meeting=bilateral,
        title="Present tool 2",
        owner_local_government=laarne,
        due_date=datetime.date(2020, 1, 1),
    )
    call_command("remind_tasks")
    call_command("remind_tasks")
    assert Notification.objects.filter(recipient=focal_point).count() == 1
    assert Notification.objects.filter(recipient=team_member).count() == 1
    assert Task.objects.get().reminded_at is not None


def test_the_participants_hear_of_tomorrows_meeting_with_its_pre_read_once(
    bilateral, focal_point, partner_focal_point, stranger
):
    from coaching.services import remind_meetings

    for person in (focal_point, partner_focal_point):
        bilateral.attendances.create(user=person)
    day_before = bilateral.starts_at - datetime.timedelta(hours=20)

    assert remind_meetings(now=bilateral.starts_at - datetime.timedelta(days=2)) == 0
    assert remind_meetings(now=day_before) == 1
    assert remind_meetings(now=day_before) == 0
    told = Notification.objects.filter(url__endswith=f"/meetings/{bilateral.pk}/pre-read/")
    assert sorted(told.values_list("recipient__username", flat=True)) == sorted(
        [focal_point.username, partner_focal_point.username]
    )


def test_the_cycle_planner_shows_what_is_missing(client, consultant, bilateral, programme):
    client.force_login(consultant)
    response = client.get(reverse("coaching:meeting_list") + f"?programme={programme.pk}")
    assert response.status_code == 200
    assert 'data-missing="individual"' in response.text
    assert 'data-missing="network"' in response.text
    assert 'data-missing="bilateral"' not in response.text


def test_the_calendar_feed_lists_the_meetings_by_its_secret_address(
    client, bilateral, focal_point, stranger
):
    client.force_login(focal_point)
    client.get(reverse("coaching:calendar_feed_settings"))
    feed = focal_point.calendar_feed
    client.logout()
    response = client.get(feed.get_absolute_url())
    assert response.status_code == 200 and b"Bilateral on tourism" in response.content
    old = feed.get_absolute_url()
    feed.regenerate()
    assert client.get(old).status_code == 404


def test_the_zone_falls_back_to_the_sites_without_a_municipality(consultant):
    from coaching.timezones import zone_of

    assert zone_of(consultant) == zoneinfo.ZoneInfo("Europe/Brussels")


def test_the_cycle_planner_shows_a_page_of_partnerships_in_as_many_queries(
    client, consultant, bilateral, programme, laarne
):
    """Its rows name each individual coaching's municipality without a query per meeting;
    twenty partnerships a page, the rest on the next."""
    from tests.factories import LocalGovernmentFactory, PartnershipFactory

    url = reverse("coaching:meeting_list")
    client.force_login(consultant)

    def cost(page):
        client.get(url, {"programme": programme.pk, "cycle_page": page})
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, {"programme": programme.pk, "cycle_page": page})
        return len(captured), response

    one, _response = cost(1)
    for index in range(21):
        partnership = PartnershipFactory(programme=programme, north=LocalGovernmentFactory())
        partnership.consultants.add(consultant)
        for side in (partnership.north, partnership.south):
            Meeting.objects.create(
                programme=programme,
                kind=Meeting.Kind.INDIVIDUAL,
                local_government=side,
                starts_at=SUMMER + datetime.timedelta(days=index),
            )
    first, response = cost(1)
    assert shown(response, "cycle_page").paginator.count == 22
    assert len(shown(response, "cycle")) == 20
    second, response = cost(2)
    assert len(shown(response, "cycle")) == 2
    assert first == second == one
