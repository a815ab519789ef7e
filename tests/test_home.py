"""Each role lands on a home page with its own partnerships, and nothing else."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from learning import services as sheets
from learning.tools.learning_questions import SubQuestion
from learning.tools.registry import get_tool
from partnerships.models import Partnership
from partnerships.notifications import notify
from tests import context
from tests.factories import (
    LearningQuestionTableFactory,
    LocalGovernmentFactory,
    PartnershipFactory,
    ProgrammeFactory,
    SouthCountryFactory,
    SouthLocalGovernmentFactory,
    SubQuestionFactory,
    UmbrellaOrganisationFactory,
)
from visits.models import SiteVisit
from visits.services import plan_visit, withdraw

pytestmark = pytest.mark.django_db


def home(client, user):
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response


def shown(response):
    return set(context.shown(response, "partnerships"))


def templates(response):
    return {template.name for template in response.templates}


@pytest.fixture
def rwandan_partnership(programme):
    rwanda = SouthCountryFactory(
        iso_code="RW", name_en="Rwanda", name_fr="Rwanda", name_nl="Rwanda", working_language="en"
    )
    district = SouthLocalGovernmentFactory(
        name="District R1",
        kind="district",
        country=rwanda,
        umbrella=UmbrellaOrganisationFactory(acronym="RALGA", name="", country=rwanda),
    )
    return PartnershipFactory(
        programme=programme,
        north=LocalGovernmentFactory(name="Flemish municipality R1"),
        south=district,
    )


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_focal_point_sees_their_municipality_and_partnership_not_schoten(
    client, focal_point, laarne, partnership, other_partnership
):
    response = home(client, focal_point)
    assert "home/member.html" in templates(response)
    assert response.context["local_government"] == laarne
    assert shown(response) == {partnership}
    assert "Laarne – Ouinhi" in response.text
    assert "Schoten" not in response.text
    assert "Lalo" not in response.text


def test_team_member_sees_the_same_as_their_focal_point(
    client, team_member, laarne, partnership, other_partnership
):
    response = home(client, team_member)
    assert response.context["local_government"] == laarne
    assert shown(response) == {partnership}
    assert "Schoten" not in response.text


def test_partner_focal_point_sees_ouinhi_and_its_partnership(
    client, partner_focal_point, ouinhi, partnership, other_partnership
):
    response = home(client, partner_focal_point)
    assert response.context["local_government"] == ouinhi
    assert shown(response) == {partnership}
    assert "Lalo" not in response.text


def test_stranger_sees_only_schoten(client, stranger, partnership, other_partnership):
    response = home(client, stranger)
    assert shown(response) == {other_partnership}
    assert "Laarne" not in response.text


def test_consultant_sees_the_partnerships_they_coach(
    client, consultant, partnership, other_partnership
):
    response = home(client, consultant)
    assert "home/consultant.html" in templates(response)
    assert shown(response) == {partnership}
    assert "Schoten" not in response.text


def test_other_consultant_sees_only_their_own(
    client, other_consultant, partnership, other_partnership
):
    response = home(client, other_consultant)
    assert shown(response) == {other_partnership}
    assert "Laarne" not in response.text


def test_staff_see_the_programme_overview_with_statuses(
    client, staff, programme, partnership, other_partnership
):
    other_partnership.change_status(
        status=Partnership.Status.TERMINATED,
        date=programme.start_date,
        reason="staff_departure",
        withdrawn_by=other_partnership.north,
    )
    response = home(client, staff)
    assert "home/staff.html" in templates(response)
    assert list(context.shown(response, "programmes")) == [programme]
    assert shown(response) == {partnership, other_partnership}
    assert context.shown(response, "status_counts") == {"active": 1, "terminated": 1}
    assert programme.name in response.text
    assert "Terminated: <strong>1</strong>" in response.text


def test_staff_do_not_see_another_programme(client, staff, partnership):
    elsewhere = PartnershipFactory(programme=ProgrammeFactory(name="Another programme"))
    response = home(client, staff)
    assert elsewhere not in shown(response)
    assert "Another programme" not in response.text


def test_superuser_sees_every_programme(client, superuser, partnership):
    elsewhere = PartnershipFactory(programme=ProgrammeFactory(name="Another programme"))
    response = home(client, superuser)
    assert "home/staff.html" in templates(response)
    assert shown(response) == {partnership, elsewhere}


def test_observer_sees_the_beninese_partnerships_not_rwanda(
    client, observer, partnership, other_partnership, rwandan_partnership
):
    response = home(client, observer)
    assert "home/observer.html" in templates(response)
    assert shown(response) == {partnership, other_partnership}
    assert "District R1" not in response.text


def test_staff_home_keeps_a_query_budget(
    client, staff, programme, partnership, django_assert_max_num_queries
):
    for _ in range(9):
        partnership = PartnershipFactory(programme=programme)
        partnership.consultants.add(staff)
    client.force_login(staff)
    # Ten, and what needs them: the programme's sides, every tool's sheets, notifications,
    # their open tasks, the overdue actions of the partnerships they coach.
    with django_assert_max_num_queries(15):
        response = client.get(reverse("home"))
    assert len(context.shown(response, "partnerships")) == 10


# Site visits to come: the terms to validate or sign, the gaps of the programme, the visits.


@pytest.fixture
def coming_visit(programme, partnership, other_partnership):
    """A visit of Ouinhi to Laarne in two weeks, with a programme that leaves Ouinhi's one
    Must-have sub-question without an activity, and draft terms of reference."""
    programme.end_date = datetime.date(2099, 12, 31)
    programme.save()
    start = timezone.localdate() + datetime.timedelta(days=14)
    visit = plan_visit(
        programme=programme,
        direction=SiteVisit.Direction.SOUTH_TO_NORTH,
        start_date=start,
        end_date=start + datetime.timedelta(days=4),
        partnerships=[partnership, other_partnership],
    )
    table = LearningQuestionTableFactory(owners=[partnership.south], status="shared")
    SubQuestionFactory(question__table=table, text="How do you meet the traders?")
    delegation = visit.delegations.get(partnership=partnership)
    values = {"delegation": delegation}
    row = {"date": start, "start": datetime.time(9), "activity": "Welcome at the town hall"}
    sheets.sheet_create(
        tool=get_tool("visit-programme"),
        owner=partnership.north,
        programme=programme,
        user=None,
        values=values,
        rows={"activities": [row]},
    )
    terms = sheets.sheet_create(
        tool=get_tool("terms-of-reference"),
        owner=partnership.south,
        programme=programme,
        user=None,
        values={**values, "context": "Our first visit."},
    )
    return terms


def needs_of(client, user):
    return context.shown(home(client, user), "needs")


def test_the_visiting_team_is_asked_to_validate_the_terms_and_sees_the_gap(
    client, partner_focal_point, coming_visit
):
    needs = needs_of(client, partner_focal_point)
    assert needs.to_validate == [coming_visit]
    assert needs.to_sign == []
    assert [(d, d.gap_count) for d in needs.gaps] == [(coming_visit.delegation, 1)]
    response = home(client, partner_focal_point)
    assert coming_visit.get_absolute_url() in response.text
    assert 'id="upcoming-visits"' in response.text


def test_the_host_team_is_asked_to_sign_once_the_visitor_validated(
    client, focal_point, partner_focal_point, coming_visit
):
    assert needs_of(client, focal_point).to_sign == []
    coming_visit.transition("validate", by=partner_focal_point)
    needs = needs_of(client, focal_point)
    assert needs.to_sign == [coming_visit]
    assert needs.to_validate == [] and needs.gaps == []  # the host fills no gap of the visitor
    coming_visit.transition("sign", by=focal_point)
    assert not needs_of(client, focal_point).to_sign


def test_the_consultant_sees_the_gap_before_the_visit_and_not_the_terms(
    client, consultant, coming_visit
):
    needs = needs_of(client, consultant)
    assert [str(d) for d in needs.gaps] == ["Ouinhi to Laarne"]
    assert needs.to_validate == needs.to_sign == []
    assert [str(d) for d in needs.upcoming] == ["Ouinhi to Laarne"]


def test_a_covered_must_have_is_no_gap(client, partner_focal_point, coming_visit):
    activity = coming_visit.delegation.activitytable.activities.get()
    activity.subquestions.set(SubQuestion.objects.all())
    assert needs_of(client, partner_focal_point).gaps == []


def test_a_past_visit_needs_nobody(client, partner_focal_point, consultant, coming_visit):
    visit = coming_visit.delegation.visit
    visit.start_date = visit.start_date.replace(year=2024)
    visit.end_date = visit.start_date + datetime.timedelta(days=4)
    visit.save()
    needs = needs_of(client, partner_focal_point)
    assert not (needs.to_validate or needs.gaps or needs.upcoming)
    assert not needs_of(client, consultant).gaps


def test_upcoming_visits_show_to_those_concerned_only(
    client, staff, stranger, observer, other_consultant, coming_visit
):
    assert {str(d) for d in needs_of(client, staff).upcoming} == {
        "Ouinhi to Laarne",
        "Lalo to Schoten",
    }
    # Schoten's focal point and consultant: their own delegation, not Laarne's.
    assert [str(d) for d in needs_of(client, stranger).upcoming] == ["Lalo to Schoten"]
    assert [str(d) for d in needs_of(client, other_consultant).upcoming] == ["Lalo to Schoten"]
    assert needs_of(client, stranger).gaps == []
    # The observer follows the programme but prepares no visit.
    assert needs_of(client, observer).upcoming == []


def test_a_withdrawn_delegation_is_listed_as_withdrawn_and_needs_nothing(
    client, partner_focal_point, coming_visit
):
    withdraw(coming_visit.delegation, date=coming_visit.created_at.date(), reason="No budget.")
    needs = needs_of(client, partner_focal_point)
    assert needs.to_validate == [] and needs.gaps == []
    assert "retirée" in home(client, partner_focal_point).text  # in French, as Ouinhi reads it


def test_the_home_costs_the_same_with_more_visits(
    client, partner_focal_point, consultant, coming_visit
):
    def count(user):
        client.force_login(user)
        client.get(reverse("home"))
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("home"))
        return len(captured)

    before = {user: count(user) for user in (partner_focal_point, consultant)}
    visit = coming_visit.delegation.visit
    for weeks in (3, 5, 7):
        start = visit.start_date + datetime.timedelta(weeks=weeks)
        plan_visit(
            programme=visit.programme,
            direction=visit.direction,
            start_date=start,
            end_date=start + datetime.timedelta(days=4),
            partnerships=[coming_visit.delegation.partnership],
        )
    assert {user: count(user) for user in (partner_focal_point, consultant)} == before


# After a visit: the action plan's overdue actions, the journal's days left empty.


@pytest.fixture
def visit_under_way(programme, partnership):
    """Ouinhi's delegation to Laarne, which arrived two days ago, with a programme of one
    activity a day."""
    programme.end_date = datetime.date(2099, 12, 31)
    programme.save()
    start = timezone.localdate() - datetime.timedelta(days=2)
    visit = plan_visit(
        programme=programme,
        direction=SiteVisit.Direction.SOUTH_TO_NORTH,
        start_date=start,
        end_date=start + datetime.timedelta(days=4),
        partnerships=[partnership],
    )
    delegation = visit.delegations.get()
    sheets.sheet_create(
        tool=get_tool("visit-programme"),
        owner=partnership.north,
        programme=programme,
        user=None,
        values={"delegation": delegation},
        rows={
            "activities": [
                {"date": date, "start": datetime.time(9), "activity": f"Day {number}"}
                for number, date in enumerate(visit.days, start=1)
            ]
        },
    )
    return delegation


def action_plan(delegation, *due_in_days):
    today = timezone.localdate()
    return sheets.sheet_create(
        tool=get_tool("action-plan"),
        owner=delegation.visitor,
        programme=delegation.visit.programme,
        user=None,
        values={"delegation": delegation},
        rows={
            "actions": [
                {"action": f"Action {days}", "due_date": today + datetime.timedelta(days=days)}
                for days in due_in_days
            ]
        },
    )


def test_the_visiting_team_and_its_consultant_see_the_overdue_actions_not_the_host(
    client, partner_focal_point, focal_point, consultant, visit_under_way
):
    plan = action_plan(visit_under_way, -1, 0, -30, -3)
    plan.actions.filter(action="Action -3").update(status="done")
    for user in (partner_focal_point, consultant):
        overdue = needs_of(client, user).overdue
        assert [action.action for action in overdue] == ["Action -30", "Action -1"]
    assert needs_of(client, focal_point).overdue == []
    response = home(client, partner_focal_point)
    overdue_action = plan.actions.get(action="Action -30")
    assert "Action -30" in response.text and overdue_action.get_absolute_url() in response.text


def test_a_suspended_action_is_not_overdue(client, partner_focal_point, visit_under_way):
    plan = action_plan(visit_under_way, -1)
    plan.actions.update(status="suspended", status_reason="Political decisions.")
    assert needs_of(client, partner_focal_point).overdue == []


def test_the_visiting_team_sees_the_first_day_without_a_page_of_its_journal(
    client, partner_focal_point, focal_point, visit_under_way
):
    from visits.models import JournalDay

    journal = sheets.sheet_create(
        tool=get_tool("journal-per-objective"),
        owner=visit_under_way.visitor,
        programme=visit_under_way.visit.programme,
        user=None,
        values={"delegation": visit_under_way},
    )
    first, second, today = visit_under_way.visit.days[:3]
    assert needs_of(client, partner_focal_point).journal_days == [(journal, first)]
    JournalDay.objects.create(sheet=journal, date=first, meaning="A council of traders.")
    assert needs_of(client, partner_focal_point).journal_days == [(journal, second)]
    JournalDay.objects.create(sheet=journal, date=second, with_guide=True)
    assert needs_of(client, partner_focal_point).journal_days == []  # today is not over
    assert needs_of(client, focal_point).journal_days == []
    JournalDay.objects.all().delete()
    assert "journal" in home(client, partner_focal_point).text


def test_a_day_of_the_journal_per_activity_whose_rows_are_all_empty(
    client, partner_focal_point, visit_under_way
):
    first, second = visit_under_way.visit.days[:2]
    journal = sheets.sheet_create(
        tool=get_tool("journal-per-activity"),
        owner=visit_under_way.visitor,
        programme=visit_under_way.visit.programme,
        user=None,
        values={"delegation": visit_under_way},
        rows={
            "entries": [
                {"date": first, "title": "Market", "outcomes": "Vendors meet monthly."},
                {"date": first, "title": "Council"},
                {"date": second, "title": "Farm"},
            ]
        },
    )
    assert needs_of(client, partner_focal_point).journal_days == [(journal, second)]
    journal.entries.filter(title="Farm").update(missing="Its prices.")
    assert needs_of(client, partner_focal_point).journal_days == []


def test_a_journal_left_empty_long_ago_needs_nobody(client, partner_focal_point, visit_under_way):
    action_plan(visit_under_way)
    sheets.sheet_create(
        tool=get_tool("journal-per-objective"),
        owner=visit_under_way.visitor,
        programme=visit_under_way.visit.programme,
        user=None,
        values={"delegation": visit_under_way},
    )
    visit = visit_under_way.visit
    visit.start_date -= datetime.timedelta(days=30)
    visit.end_date -= datetime.timedelta(days=30)
    visit.save()
    visit_under_way.activitytable.activities.update(date=visit.start_date)
    assert needs_of(client, partner_focal_point).journal_days == []


def test_the_home_costs_the_same_with_more_actions_and_journals(
    client, partner_focal_point, consultant, visit_under_way, other_partnership
):
    def count(user):
        client.force_login(user)
        client.get(reverse("home"))
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("home"))
        return len(captured)

    action_plan(visit_under_way, -2)
    before = {user: count(user) for user in (partner_focal_point, consultant)}
    visit = visit_under_way.visit
    for weeks in (1, 2):
        start = visit.start_date - datetime.timedelta(days=weeks)
        later = plan_visit(
            programme=visit.programme,
            direction=visit.direction,
            start_date=start,
            end_date=start + datetime.timedelta(days=4),
            partnerships=[visit_under_way.partnership],
        )
        delegation = later.delegations.get()
        action_plan(delegation, -1, -2, -3)
        sheets.sheet_create(
            tool=get_tool("journal-per-objective"),
            owner=delegation.visitor,
            programme=visit.programme,
            user=None,
            values={"delegation": delegation},
        )
    assert {user: count(user) for user in (partner_focal_point, consultant)} == before
    assert len(needs_of(client, partner_focal_point).overdue) == 5


def test_the_needs_are_read_once_until_the_data_changes(client, focal_point, partner_focal_point):
    """The needs cost most of a home's queries: they are kept until anything changes, and
    then read again, whether the change sends a signal or not (a notification is created in
    bulk, marking them read is an update)."""
    client.force_login(focal_point)

    def visit():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("home"))
        assert response.status_code == 200
        return context.shown(response, "needs"), len(queries)

    needs, first = visit()
    assert needs.notifications == []
    again, second = visit()
    assert second < first
    notify(
        [focal_point],
        verb=gettext_noop("%(name)s shared a tool"),
        params={"name": "Ouinhi"},
        url="/",
        actor=partner_focal_point,
    )
    needs, third = visit()
    assert third == first
    assert [notification.recipient for notification in needs.notifications] == [focal_point]
    client.post(reverse("partnerships:notifications_read"))
    assert visit()[0].notifications == []
