from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from partnerships.models import Partnership, PartnershipStatusChange, User
from tests import context

pytestmark = pytest.mark.django_db

Status = Partnership.Status


def seed(**options):
    call_command("seed_demo", quiet=True, **options)


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_seeding_twice_changes_no_count():
    seed()
    first = row_counts()
    seed()
    assert row_counts() == first
    assert first["partnerships.Partnership"] == 7


def test_the_two_partnerships_that_completed_the_pilot():
    seed()
    laarne_ouinhi = Partnership.objects.get(north__name="Laarne", south__name="Ouinhi")
    sint_truiden_cove = Partnership.objects.get(north__name="Sint-Truiden", south__name="Covè")
    assert laarne_ouinhi.status == Status.TWINNING
    assert sint_truiden_cove.status == Status.COMPLETED
    assert [change.status for change in laarne_ouinhi.status_changes.all()] == [
        Status.ACTIVE,
        Status.TWINNING,
    ]
    assert laarne_ouinhi.south.website == "https://ouinhi.mairie.bj/"


def test_schoten_withdrew_after_its_civil_servant_left():
    seed()
    schoten_lalo = Partnership.objects.get(north__name="Schoten", south__name="Lalo")
    termination = schoten_lalo.status_changes.latest()
    assert schoten_lalo.status == Status.TERMINATED
    assert termination.reason == PartnershipStatusChange.Reason.STAFF_DEPARTURE
    assert termination.withdrawn_by == schoten_lalo.north


def test_the_four_rwandan_partnerships_were_interrupted_then_terminated():
    seed()
    rwandan = Partnership.objects.filter(south__country__iso_code="RW")
    assert rwandan.count() == 4
    for each in rwandan:
        assert each.status == Status.TERMINATED
        assert each.south.kind == "district"
        assert [change.status for change in each.status_changes.all()] == [
            Status.ACTIVE,
            Status.INTERRUPTED,
            Status.TERMINATED,
        ]
        termination = each.status_changes.latest()
        assert termination.reason == PartnershipStatusChange.Reason.DIPLOMATIC_BREAK
        assert termination.withdrawn_by == each.south
        assert each.status_changes.get(status=Status.INTERRUPTED).reason


def test_one_consultant_coaches_every_partnership():
    seed()
    consultant = User.objects.get(username="consultant@demo.example")
    assert consultant.coached_partnerships.count() == Partnership.objects.count() == 7


DEMO_ACCOUNTS = [
    "admin@demo.example",
    "staff@demo.example",
    "consultant@demo.example",
    "focal.laarne@demo.example",
    "team.laarne@demo.example",
    "focal.ouinhi@demo.example",
    "focal.sint-truiden@demo.example",
    "focal.cove@demo.example",
    "observer.ancb@demo.example",
]


@pytest.mark.parametrize("username", DEMO_ACCOUNTS)
def test_each_demo_account_logs_in_and_sees_its_home(client, username):
    seed()
    response = client.post(reverse("login"), {"username": username, "password": "demo"})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_the_password_can_be_chosen(client):
    seed(password="another-demo-password")
    assert client.login(username="staff@demo.example", password="another-demo-password")
    assert not client.login(username="staff@demo.example", password="demo")


def test_the_command_prints_the_demo_accounts():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "focal.ouinhi@demo.example" in out.getvalue()
    assert "Ouinhi" in out.getvalue()
    quiet = StringIO()
    call_command("seed_demo", quiet=True, stdout=quiet)
    assert quiet.getvalue() == ""


@pytest.mark.parametrize(
    ("username", "partnerships"),
    [
        ("staff@demo.example", 7),
        ("consultant@demo.example", 7),
        ("focal.laarne@demo.example", 1),
        ("team.laarne@demo.example", 1),
        ("focal.cove@demo.example", 1),
        ("observer.ancb@demo.example", 3),
    ],
)
def test_each_demo_home_shows_that_role_its_partnerships(client, username, partnerships):
    seed()
    client.force_login(User.objects.get(username=username))
    shown = context.shown(client.get(reverse("home")), "partnerships")
    assert len(shown) == partnerships


def test_the_observer_follows_benin_not_rwanda(client):
    seed()
    client.force_login(User.objects.get(username="observer.ancb@demo.example"))
    shown = context.shown(client.get(reverse("home")), "partnerships")
    assert {each.south.country.iso_code for each in shown} == {"BJ"}


def test_the_two_site_visits_of_the_pilot_each_monday_to_friday():
    from visits.models import SiteVisit

    seed()
    september, march = SiteVisit.objects.order_by("start_date")
    assert september.direction == SiteVisit.Direction.SOUTH_TO_NORTH
    assert march.direction == SiteVisit.Direction.NORTH_TO_SOUTH
    for visit in (september, march):
        assert [date.weekday() for date in visit.days] == [0, 1, 2, 3, 4]
        assert {str(guide) for guide in visit.guides.all()} == {
            "Demo Consultant",
            "Demo Programme Manager VVSG",
        }
    assert (september.start_date.year, september.start_date.month) == (2024, 9)
    assert (march.start_date.year, march.start_date.month) == (2025, 3)
    assert {str(d) for d in september.delegations.all()} == {
        "Ouinhi to Laarne",
        "Covè to Sint-Truiden",
        "Lalo to Schoten",
    }
    assert {str(d) for d in march.delegations.all()} == {
        "Laarne to Ouinhi",
        "Sint-Truiden to Covè",
    }


def test_lalos_delegation_withdrew_with_its_reason():
    from visits.models import Delegation

    seed()
    withdrawn = Delegation.objects.exclude(withdrawn_on=None).get()
    assert str(withdrawn.visitor) == "Lalo"
    assert "Schoten" in withdrawn.withdrawal_reason
    assert not withdrawn.members.exists()
    assert Delegation.objects.active().count() == 4


def test_the_delegations_are_those_the_report_describes():
    from visits.models import Delegation

    seed()

    def balance(visitor, month):
        delegation = Delegation.objects.get(visitor__name=visitor, visit__start_date__month=month)
        return delegation.profile_balance(), [m.position for m in delegation.members.all()]

    assert balance("Laarne", 3) == ({"technical": 0, "political": 2}, ["Schepen", "Schepen"])
    profiles, positions = balance("Sint-Truiden", 3)
    assert profiles == {"technical": 1, "political": 1}
    assert any("Shop & the City" in position for position in positions)
    profiles, positions = balance("Ouinhi", 9)
    assert profiles == {"technical": 3, "political": 1}
    assert "Maire" in positions and "Secrétaire Exécutif" in positions
    profiles, positions = balance("Covè", 9)
    assert profiles == {"technical": 3, "political": 0}


def test_each_programme_links_the_visitors_sub_questions_with_one_must_have_gap():
    from visits.coverage import coverage
    from visits.models import Delegation

    seed()
    gaps = {}
    for delegation in Delegation.objects.active():
        table = delegation.activitytable
        assert {activity.date for activity in table.activities.all()} == set(delegation.visit.days)
        assert table.activities.filter(subquestions__isnull=False).exists()
        gaps[str(delegation)] = [gap.text for gap in coverage(delegation).gaps]
    assert {name: found for name, found in gaps.items() if found} == {
        "Sint-Truiden to Covè": [
            "Hoe nemen lokale actoren deel aan de participatieve evaluatie van projectvoorstellen?"
        ]
    }


def test_the_terms_of_the_past_visits_are_validated_by_the_visitor_and_signed_by_the_host():
    from visits.models import TermsOfReference

    seed()
    terms = TermsOfReference.objects.select_related("delegation__visitor", "delegation__host")
    assert terms.count() == 4
    for each in terms:
        assert each.status == "signed"
        assert each.validated_by.memberships.get().local_government == each.delegation.visitor
        assert each.signed_by.memberships.get().local_government == each.delegation.host
        assert each.frozen["activities"]
        assert each.day_plans.count() == 5
        assert each.specific_objectives.exists()


def test_the_pilots_meetings_evaluations_and_methodology_log():
    from coaching.models import (
        EvaluationAnswer,
        EvaluationRound,
        Meeting,
        MethodologyAdjustment,
        Task,
    )

    seed()
    meetings = Meeting.objects.all()
    first = meetings.order_by("starts_at").first()
    assert (first.starts_at.year, first.starts_at.month) == (2024, 2)
    assert set(meetings.values_list("kind", flat=True)) == set(Meeting.Kind)
    assert meetings.get(without_consultant=True).partnership.south.name == "Ouinhi"
    assert meetings.filter(kind=Meeting.Kind.BILATERAL, starts_at__year=2025).count() > 10
    assert Task.objects.filter(status="done").exists()
    overdue = Task.objects.open().get()
    assert overdue.due_date.year == 2025
    rounds = [(r.opens_on.month, r.closes_on.month) for r in EvaluationRound.objects.all()]
    assert rounds == [(9, 11), (12, 12), (4, 5)]
    languages = set(EvaluationAnswer.objects.values_list("local_government__name", "language"))
    assert ("Ouinhi", "fr") in languages and ("Laarne", "nl") in languages
    log = MethodologyAdjustment.objects.order_by("date")
    assert log.first().date.isoformat() == "2024-09-27"
    assert "February to September 2024" in log.first().decision
    assert log.first().prompted_by_round.opens_on.isoformat() == "2024-04-22"


def test_the_september_journals_follow_each_programme_in_french():
    from visits.models import JournalByActivity

    seed()
    journals = JournalByActivity.objects.select_related("delegation__visitor", "delegation__visit")
    assert {str(each.delegation.visitor) for each in journals} == {"Ouinhi", "Covè"}
    for journal in journals:
        assert journal.delegation.visit.start_date.month == 9
        assert journal.status == "reviewed"
        programme = set(journal.delegation.activitytable.activities.values_list("pk", flat=True))
        linked = set(journal.entries.exclude(activity=None).values_list("activity", flat=True))
        assert linked == programme
        assert journal.entries.exclude(outcomes="").exists()
    ouinhi = journals.get(delegation__visitor__name="Ouinhi")
    assert ouinhi.entries.filter(applicable__contains="conseil consultatif").exists()


def test_the_march_journals_score_each_objective_on_the_field_days_in_dutch():
    from visits.models import JournalByObjective

    seed()
    journals = JournalByObjective.objects.select_related("delegation__visitor", "delegation__visit")
    assert {str(each.delegation.visitor) for each in journals} == {"Laarne", "Sint-Truiden"}
    for journal in journals:
        visit = journal.delegation.visit
        field_days = set(visit.days[1:4])
        for objective in journal.objectives.all():
            scores = {score.date: score.score for score in objective.scores.all()}
            assert set(scores) == field_days
            assert set(scores.values()) <= {0, 1, 2, 3}
            assert objective.subquestions.exists()
            assert all(
                sq.question_id == objective.question_id for sq in objective.subquestions.all()
            )
        pages = list(journal.days.all())
        assert pages and all(page.unexpected and page.meaning for page in pages)
        assert {page.date for page in pages} <= field_days
        assert any(page.with_guide for page in pages)
    laarne = journals.get(delegation__visitor__name="Laarne")
    assert laarne.days.get(with_guide=True).meaning.startswith("Een dorpsraad")


def test_the_action_plans_and_what_became_of_them():
    from visits.models import Action, ActionPlan

    seed()
    plans = ActionPlan.objects.select_related("delegation__visitor", "delegation__visit")
    assert {(str(p.delegation.visitor), p.delegation.visit.start_date.month) for p in plans} == {
        ("Ouinhi", 9),
        ("Covè", 9),
        ("Laarne", 3),
        ("Sint-Truiden", 3),
    }
    for plan in plans:
        assert plan.status == "reviewed"
        assert plan.delegation.partnership.experiment_fund == 35000
        for action in plan.actions.all():
            assert action.questions.exists()
            owners = set(plan.owners.values_list("pk", flat=True))
            assert all(
                sq.question.table.owners.filter(pk__in=owners) for sq in action.subquestions.all()
            )
    website = Action.objects.get(action__startswith="Créer un petit site web")
    assert website.status == Action.Status.DONE
    assert website.notes.filter(link="https://ouinhi.mairie.bj/", text__contains="13").exists()
    council = Action.objects.get(action__contains="conseil consultatif des acteurs économiques")
    assert council.status == Action.Status.DONE
    cove = Action.objects.filter(sheet__delegation__visitor__name="Covè")
    assert cove.filter(notes__text__contains="Covè en 10 regards").exists()
    assert cove.filter(notes__link__contains="facebook.com").exists()
    assert Action.objects.filter(action="Een dorpsraad samenstellen door loting").exists()
    sint_truiden = Action.objects.filter(sheet__delegation__visitor__name="Sint-Truiden")
    assert sint_truiden.exists()
    for action in sint_truiden:
        assert action.status == Action.Status.SUSPENDED
        assert action.status_reason.startswith("Onderbroken door politieke beslissingen")
        assert action.status_date is not None
