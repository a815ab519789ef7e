"""The learning-cycle dashboard: where each municipality stands, what needs attention first, who
sees which municipalities, whether partners talk without the consultant, and a query budget that
does not grow with the programme."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coaching.dashboard import Position, build
from coaching.models import Attendance, Meeting, Task
from learning.tools.learning_questions import LearningQuestion
from learning.workflows import Status
from partnerships.models import User
from tests.context import shown
from tests.factories import (
    ActivityProfileFactory,
    DelegationFactory,
    FactorAnalysisFactory,
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    LocalGovernmentFactory,
    MembershipFactory,
    PartnershipFactory,
    PresentationSheetFactory,
    ProgrammeFactory,
    ResponseFactory,
    SiteVisitFactory,
    SouthLocalGovernmentFactory,
    SubQuestionFactory,
    SwotFactory,
    UserFactory,
)
from visits.models import Action, ActionPlan, ActivityTable

pytestmark = pytest.mark.django_db

URL = reverse("coaching:dashboard")
# The visit of the factories runs from 23 to 27 September 2024.
BEFORE_THE_VISIT = datetime.date(2024, 9, 1)
AFTER_THE_VISIT = datetime.date(2024, 10, 15)


def share_get_to_know(local_government, programme):
    for factory in (
        PresentationSheetFactory,
        ActivityProfileFactory,
        FactorAnalysisFactory,
        SwotFactory,
    ):
        factory(owners=[local_government], programme=programme, status=Status.SHARED)


def questions_table(local_government, programme, status=Status.SHARED):
    return LearningQuestionTableFactory(
        owners=[local_government], programme=programme, status=status
    )


def card_of(board, local_government):
    return next(card for card in board.cards if card.local_government == local_government)


def position_of(user, local_government, today):
    return card_of(build(user, today=today), local_government).position


def action_plan(delegation, *actions):
    plan = ActionPlan.objects.create(programme=delegation.visit.programme, delegation=delegation)
    plan.owners.set([delegation.visitor])
    for status, due_date in actions:
        Action.objects.create(sheet=plan, action="Try it at home", status=status, due_date=due_date)
    return plan


def test_a_municipality_goes_round_the_cycle(consultant, programme, partnership, laarne, ouinhi):
    def at(today=AFTER_THE_VISIT):
        return position_of(consultant, ouinhi, today)

    assert at() == Position.GET_TO_KNOW
    share_get_to_know(ouinhi, programme)
    assert at() == Position.LEARNING_QUESTIONS
    table = questions_table(ouinhi, programme, status=Status.DRAFT)
    assert at() == Position.LEARNING_QUESTIONS
    table.status = Status.SHARED
    table.save()
    assert at() == Position.EXCHANGE

    # Ouinhi visits Laarne in September 2024.
    delegation = DelegationFactory(partnership=partnership)
    assert at(BEFORE_THE_VISIT) == Position.SITE_VISIT
    assert at(delegation.visit.end_date) == Position.SITE_VISIT
    action_plan(delegation, (Action.Status.IN_PROGRESS, None))
    assert at() == Position.APPLY

    # What was applied deepens a question: the cycle loops to the exchange once Laarne responds.
    question = LearningQuestionFactory(
        table=table,
        trigger=LearningQuestion.Trigger.APPLICATION,
        changed_date=datetime.date(2024, 10, 1),
    )
    assert at() == Position.DEEPENING
    ResponseFactory(question=question, local_government=laarne)
    assert at() == Position.EXCHANGE
    # A second visit brings it back to the site visit.
    later = SiteVisitFactory(
        programme=programme,
        start_date=datetime.date(2025, 3, 10),
        end_date=datetime.date(2025, 3, 14),
    )
    DelegationFactory(partnership=partnership, visit=later)
    assert at(datetime.date(2025, 3, 1)) == Position.SITE_VISIT


def test_a_reformulation_before_the_last_visit_does_not_deepen(
    consultant, programme, partnership, ouinhi
):
    share_get_to_know(ouinhi, programme)
    table = questions_table(ouinhi, programme)
    LearningQuestionFactory(
        table=table,
        trigger=LearningQuestion.Trigger.SITE_VISIT,
        changed_date=datetime.date(2024, 5, 1),
    )
    DelegationFactory(partnership=partnership)
    assert position_of(consultant, ouinhi, AFTER_THE_VISIT) == Position.APPLY


def test_what_needs_attention_first_comes_first(
    staff, programme, partnership, other_partnership, laarne, ouinhi
):
    schoten, lalo = other_partnership.north, other_partnership.south
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    # Lalo visits Schoten soon; its programme leaves a Must-have sub-question uncovered.
    table = questions_table(lalo, programme)
    SubQuestionFactory(question=LearningQuestionFactory(table=table))
    soon = timezone.localdate() + datetime.timedelta(days=20)
    visit = SiteVisitFactory(
        programme=programme, start_date=soon, end_date=soon + datetime.timedelta(days=4)
    )
    delegation = DelegationFactory(partnership=other_partnership, visit=visit)
    activities = ActivityTable.objects.create(programme=programme, delegation=delegation)
    activities.owners.set([lalo, schoten])
    # Ouinhi has two overdue tasks, Schoten one; Laarne's presentation waits for review.
    for owner in (ouinhi, ouinhi, schoten):
        Task.objects.create(
            programme=programme,
            title="Present tool 2",
            owner_local_government=owner,
            due_date=yesterday,
        )
    Task.objects.create(
        programme=programme,
        title="Not yet due",
        owner_local_government=laarne,
        due_date=soon,
    )
    PresentationSheetFactory(owners=[laarne], programme=programme, status=Status.SHARED)

    board = build(staff)

    assert [card.local_government for card in board.cards] == [lalo, ouinhi, schoten, laarne]
    lalo_card = card_of(board, lalo)
    assert lalo_card.gaps == 1
    assert lalo_card.attention[0].url == delegation.get_absolute_url()
    assert card_of(board, ouinhi).overdue_tasks == 2
    assert card_of(board, laarne).overdue_tasks == 0
    assert "waiting for review" in card_of(board, laarne).attention[0].text


def test_the_consultant_sees_the_municipalities_they_coach(
    client, consultant, partnership, other_partnership, laarne, ouinhi
):
    client.force_login(consultant)
    response = client.get(URL)
    assert response.status_code == 200
    cards = shown(response, "board").cards
    assert {card.local_government for card in cards} == {laarne, ouinhi}
    assert other_partnership.north.name not in response.text
    assert all(card.balance is None for card in cards)  # staff's view only


def test_staff_see_the_whole_programme_with_its_balance_and_attendance(
    client, staff, programme, partnership, other_partnership, laarne, focal_point, team_member
):
    focal_point.profile = User.Profile.POLITICAL
    focal_point.save()
    team_member.profile = User.Profile.TECHNICAL
    team_member.save()
    meeting = Meeting.objects.create(
        programme=programme,
        kind=Meeting.Kind.INDIVIDUAL,
        local_government=laarne,
        starts_at=timezone.now(),
        status=Meeting.Status.HELD,
    )
    Attendance.objects.create(meeting=meeting, user=focal_point, attended=True)
    Attendance.objects.create(meeting=meeting, user=team_member, attended=False)
    client.force_login(staff)
    response = client.get(URL, {"programme": programme.pk})
    assert response.status_code == 200
    board = shown(response, "board")
    assert len(board.cards) == 4
    laarne_card = card_of(board, laarne)
    assert laarne_card.balance[User.Profile.POLITICAL] == 1
    assert laarne_card.balance[User.Profile.TECHNICAL] == 0
    assert (laarne_card.attended, laarne_card.invited) == (1, 2)
    assert laarne_card.meetings[Meeting.Kind.INDIVIDUAL] == 1
    assert "Attended 1 of 2 invitations" in response.text


@pytest.mark.parametrize("persona", ["focal_point", "partner_focal_point", "observer"])
def test_a_municipality_team_or_an_observer_is_refused(
    client, request, persona, programme, partnership
):
    """They coach no one: the dashboard is refused (403), whether or not a programme of
    theirs is named."""
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"programme": programme.pk}).status_code == 403


def test_a_programme_the_person_has_no_part_in_is_not_found(client, consultant, staff):
    elsewhere = ProgrammeFactory()
    for user in (consultant, staff):
        client.force_login(user)
        assert client.get(URL, {"programme": elsewhere.pk}).status_code == 404
        assert client.get(URL, {"programme": "x"}).status_code == 404


def test_the_navbar_links_the_dashboard_for_consultants_and_staff(
    client, consultant, staff, focal_point
):
    for user, linked in ((consultant, True), (staff, True), (focal_point, False)):
        client.force_login(user)
        assert (URL in client.get(reverse("home")).text) is linked


def test_partners_talking_without_the_consultant_shows(
    client, consultant, programme, partnership, laarne, ouinhi
):
    client.force_login(consultant)
    board = shown(client.get(URL), "board")
    assert not card_of(board, laarne).partners[0].talking

    Meeting.objects.create(
        programme=programme,
        kind=Meeting.Kind.BILATERAL,
        partnership=partnership,
        starts_at=timezone.now(),
        status=Meeting.Status.HELD,
        without_consultant=True,
    )
    Meeting.objects.create(
        programme=programme,
        kind=Meeting.Kind.BILATERAL,
        partnership=partnership,
        starts_at=timezone.now(),
        status=Meeting.Status.HELD,
    )
    question = LearningQuestionFactory(table=questions_table(ouinhi, programme))
    ResponseFactory(question=question, local_government=laarne)
    response = client.get(URL)
    for side in (laarne, ouinhi):
        card = card_of(shown(response, "board"), side)
        talk = card.partners[0]
        assert (talk.talking, talk.direct_meetings, talk.responses) == (True, 1, 1)
        assert card.meetings[Meeting.Kind.BILATERAL] == 2
        assert card.last_exchange is not None
    assert "1 meeting without the consultant" in response.text


def fill(programme, consultant, staff, count):
    """`count` more partnerships, each with shared tools, a visit with its programme and action
    plan, tasks, meetings with attendance and an exchange."""
    today = timezone.localdate()
    for index in range(count):
        north = LocalGovernmentFactory()
        south = SouthLocalGovernmentFactory()
        partnership = PartnershipFactory(programme=programme, north=north, south=south)
        partnership.consultants.add(consultant)
        member = MembershipFactory(local_government=south, user=UserFactory()).user
        share_get_to_know(south, programme)
        table = questions_table(south, programme)
        question = LearningQuestionFactory(table=table)
        SubQuestionFactory(question=question)
        ResponseFactory(question=question, local_government=north)
        visit = SiteVisitFactory(
            programme=programme,
            start_date=today + datetime.timedelta(days=10 + index),
            end_date=today + datetime.timedelta(days=14 + index),
        )
        delegation = DelegationFactory(partnership=partnership, visit=visit)
        activities = ActivityTable.objects.create(programme=programme, delegation=delegation)
        activities.owners.set([south, north])
        action_plan(delegation, (Action.Status.PLANNED, today - datetime.timedelta(days=3)))
        Task.objects.create(
            programme=programme,
            title="Homework",
            owner_local_government=south,
            due_date=today - datetime.timedelta(days=1),
        )
        for kind, fields in (
            (Meeting.Kind.INDIVIDUAL, {"local_government": south}),
            (Meeting.Kind.BILATERAL, {"partnership": partnership, "without_consultant": True}),
            (Meeting.Kind.NETWORK, {}),
        ):
            meeting = Meeting.objects.create(
                programme=programme,
                kind=kind,
                starts_at=timezone.now(),
                status=Meeting.Status.HELD,
                **fields,
            )
            Attendance.objects.create(meeting=meeting, user=member, attended=True)


def test_the_dashboard_is_kept_until_the_data_changes(
    client, consultant, programme, partnership, ouinhi
):
    """Reading every card costs most of the page: the rendered dashboard is kept while
    nothing changes, and shows the change once the data changes."""
    client.force_login(consultant)

    def visit():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL)
        assert response.status_code == 200
        return response.text, len(queries)

    def positions(page):
        return set(re.findall(r'data-position="([^"]+)"', page))

    page, first = visit()
    assert positions(page) == {Position.GET_TO_KNOW}
    page, second = visit()
    assert positions(page) == {Position.GET_TO_KNOW}
    assert second < first
    share_get_to_know(ouinhi, programme)
    page, third = visit()
    assert Position.LEARNING_QUESTIONS in positions(page)
    assert third == first


@pytest.mark.parametrize("persona", ["consultant", "staff"])
def test_the_page_costs_as_many_queries_for_one_or_three_partnerships(
    client, request, persona, programme, consultant, staff
):
    client.force_login(request.getfixturevalue(persona))

    def cost():
        client.get(URL)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"programme": programme.pk}).status_code == 200
        return len(captured)

    fill(programme, consultant, staff, 1)
    one = cost()
    fill(programme, consultant, staff, 2)
    assert cost() == one


def test_the_cards_come_a_page_at_a_time_most_urgent_first(
    client, staff, programme, partnership, consultant
):
    """Twelve partnerships: 24 municipalities on three pages of ten, in the order of urgency;
    the programme's summary counts them all; every page of the board costs as many queries."""
    fill(programme, consultant, staff, 11)
    client.force_login(staff)
    board = build(staff, programme)
    assert len(board.cards) == 24
    client.get(URL, {"programme": programme.pk})  # the first request caches the content types
    keys, costs = [], []
    for number in (1, 2, 3):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL, {"programme": programme.pk, "page": number})
        costs.append(len(captured))
        page = shown(response, "page_obj")
        assert page.number == number
        keys += [card.key for card in shown(response, "cards")]
        for card in shown(response, "cards"):
            assert card.local_government.name in response.text
    assert [len(keys[:10]), len(keys[10:20]), len(keys[20:])] == [10, 10, 4]
    assert keys == [card.key for card in board.cards]
    assert len(set(costs)) == 1
    assert "Page 3 of 3" in response.text
    summary = dict(shown(response, "board").positions)
    assert sum(summary.values()) == 24


def test_the_urgency_counts_what_needs_attention(staff, programme, partnership, consultant):
    """Cards are ordered by counts read without wording each item: they agree with it."""
    fill(programme, consultant, staff, 3)
    for card in build(staff, programme).cards:
        counts = [0] * 4
        for item in card.attention:
            counts[item.level] += item.count
        assert card.urgency == tuple(counts)
