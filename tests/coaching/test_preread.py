"""A meeting's pre-read: for each reader, the tools changed since the previous meeting that they
may read, with as many changes as each sheet's history shows, in a few queries whatever the
number of sheets, changes and participants."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coaching.models import Attendance, Meeting
from coaching.preread import Preread, previous_meeting
from coaching.services import meeting_sides
from learning.history import sheet_history
from learning.tools.registry import tools
from learning.workflows import Status
from tests.factories import (
    FactorAnalysisFactory,
    FactorFactory,
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    ObstacleFactory,
    PresentationSheetFactory,
    SubQuestionFactory,
    SwotFactory,
    SwotItemFactory,
)

pytestmark = pytest.mark.django_db

READERS = ["consultant", "staff", "focal_point", "partner_focal_point", "observer", "stranger"]


def bilateral(programme, partnership, starts_at):
    return Meeting.objects.create(
        programme=programme,
        kind=Meeting.Kind.BILATERAL,
        partnership=partnership,
        title="Bilateral",
        starts_at=starts_at,
    )


def as_sheet_history_says(meeting, user):
    """The pre-read's tool changes worked out sheet by sheet from each tool's `visible_to`
    and `sheet_history`, as the pre-read did before it read them in two queries."""
    previous = previous_meeting(meeting)
    since = previous.starts_at if previous else None
    changed = []
    for tool in tools():
        sheets = (
            tool.model.objects.visible_to(user)
            .filter(programme=meeting.programme_id, owners__in=meeting_sides(meeting))
            .distinct()
        )
        if since is not None:
            sheets = sheets.filter(updated_at__gt=since)
        for sheet in sheets.order_by("-updated_at", "-pk")[:5]:
            entries = [entry for entry in sheet_history(sheet, since=since) if entry.shown]
            if entries:
                changed.append((str(sheet), len(entries), entries[0].date))
    return changed


def changes(programme, laarne, ouinhi, rounds=1):
    """Sheets of both sides, shared or not, changed in their rows and in bookkeeping only;
    one changed long before the previous meeting."""
    for _ in range(rounds):
        factors = FactorAnalysisFactory(owners=[laarne], programme=programme)
        factor = FactorFactory(sheet=factors)
        factor.text = "A factor reworded"
        factor.save()
        factors.save()  # bookkeeping only: no change shown
        swot = SwotFactory(owners=[ouinhi], programme=programme, status=Status.SHARED)
        SwotItemFactory(sheet=swot)
        draft = SwotFactory(owners=[ouinhi], programme=programme)
        draft.project_name = "Renamed"
        draft.save()
        table = LearningQuestionTableFactory(
            owners=[ouinhi, laarne], programme=programme, status=Status.SHARED
        )
        question = LearningQuestionFactory(table=table)
        ObstacleFactory(question=question)
        SubQuestionFactory(question=question)
        table.save()
    old = PresentationSheetFactory(owners=[laarne], programme=programme)
    long_ago = timezone.now() - datetime.timedelta(days=30)
    type(old).objects.filter(pk=old.pk).update(updated_at=long_ago)
    old.history.update(history_date=long_ago)


@pytest.mark.parametrize("persona", READERS)
def test_each_reader_sees_the_changes_the_history_shows_of_the_sheets_they_read(
    request, persona, programme, partnership, laarne, ouinhi
):
    user = request.getfixturevalue(persona)
    bilateral(programme, partnership, timezone.now() - datetime.timedelta(days=1))
    meeting = bilateral(programme, partnership, timezone.now() + datetime.timedelta(days=1))
    first = bilateral(programme, partnership, timezone.now() - datetime.timedelta(days=60))
    changes(programme, laarne, ouinhi)

    for each in (meeting, first):
        expected = as_sheet_history_says(each, user)
        shown = [
            (change.name, change.count, change.last) for change in Preread(each).tool_changes(user)
        ]
        assert shown == expected
    if persona in ("consultant", "focal_point"):
        assert expected and any(count > 1 for _name, count, _last in expected)


def test_the_pre_read_costs_as_many_queries_with_more_sheets_and_changes(
    client, consultant, programme, partnership, laarne, ouinhi
):
    bilateral(programme, partnership, timezone.now() - datetime.timedelta(days=1))
    meeting = bilateral(programme, partnership, timezone.now() + datetime.timedelta(days=1))
    url = reverse("coaching:meeting_preread", args=[meeting.pk])
    client.force_login(consultant)

    def cost():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), response

    changes(programme, laarne, ouinhi)
    one, response = cost()
    assert "changes, the last on" in response.text
    changes(programme, laarne, ouinhi, rounds=3)
    assert cost()[0] == one
    assert one <= 10


def test_mailing_the_pre_read_reads_the_sheets_once_for_every_participant(
    client,
    consultant,
    programme,
    partnership,
    laarne,
    ouinhi,
    focal_point,
    partner_focal_point,
    team_member,
    django_capture_on_commit_callbacks,
):
    bilateral(programme, partnership, timezone.now() - datetime.timedelta(days=1))
    meeting = bilateral(programme, partnership, timezone.now() + datetime.timedelta(days=1))
    changes(programme, laarne, ouinhi)
    client.force_login(consultant)
    url = reverse("coaching:preread_send", args=[meeting.pk])

    def cost(people):
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, user=person) for person in people
        )
        mail.outbox.clear()
        with (
            CaptureQueriesContext(connection) as captured,
            django_capture_on_commit_callbacks(execute=True),
        ):
            assert client.post(url).status_code == 302
        assert len(mail.outbox) == meeting.attendances.count()
        return len(captured)

    one = cost([consultant])
    # Each further participant costs the reading of their access, no more.
    assert cost([focal_point, partner_focal_point, team_member]) <= one + 3
    laarne_mail = next(m for m in mail.outbox if m.to[0] == focal_point.email)
    expected = as_sheet_history_says(meeting, focal_point)
    assert expected and all(name in laarne_mail.body for name, _count, _last in expected)
