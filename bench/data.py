"""A programme 25 times larger than the pilot, grown on top of the demo data (`seed_demo`).

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=... python -m bench.data

- 24 more groups of seven partnerships (168 more, 175 in all) in the demo programme, coached by
  the demo consultant, so staff, the consultant and the ANCB observer see 25 times as much;
- every municipality of those fills in every tool through the app's own forms and services, as
  the edit pages do, shares its sheets and gets a comment; its learning questions get obstacles,
  sub-questions, a reformulation, a response from the partner and a coaching note;
- site visits: each new partnership sends a delegation on the demo's two visits (September 2024
  South to North, March 2025 North to South), so each visit has 25 times the delegations; the
  site-visit tools' samples (`visits.services.delegation_for_sample`) take those delegations,
  one activities table and one set of terms of reference each, and the terms are validated by
  the visiting municipality and signed by the host instead of shared;
- long sheets: the latest sheet of each tool of Ouinhi and Laarne (the demo focal points whose
  pages are measured) gets 25 times its rows (up to what an edit page accepts; signed terms of
  reference refuse edits and keep theirs), and Ouinhi's first question is reformulated 25
  times, each wording answered by Laarne;
- what the site-visit tools record outside their rows: the measured learning journal per
  objective (tool 9) gets a score and a page for each field day, the measured action plan's
  actions (tool 10) each a progress note, and every action without a due date one in the past,
  so that the homes list overdue actions out of many.

Nothing is imported from tests/: the sheets are filled from each tool's `sample()`.
"""

import datetime
import sys

import django
from django.db import transaction

if __name__ == "__main__":
    django.setup()


SCALE = 25
PER_GROUP = 7
START = datetime.date(2024, 1, 1)


def grow(scale=SCALE):
    from partnerships.models import LocalGovernment, Programme, User

    world = {
        "programme": Programme.objects.get(name="SDG Partnerships 2024-2025"),
        "consultant": User.objects.get(username="consultant@demo.example"),
        "laarne": LocalGovernment.objects.get(name="Laarne"),
        "ouinhi": LocalGovernment.objects.get(name="Ouinhi"),
    }
    for group in range(1, scale):
        for number in range(1, PER_GROUP + 1):
            with transaction.atomic():
                _partnership(world, f"{group}-{number}")
        print(f"group {group} of {scale - 1}", flush=True)
    with transaction.atomic():
        _lengthen(world, world["ouinhi"], partner=world["laarne"], scale=scale)
        _lengthen(world, world["laarne"], partner=world["ouinhi"], scale=scale)
        _long_lineage(world, scale=scale)
        for owner in (world["ouinhi"], world["laarne"]):
            _follow_up(owner)
        _overdue(world["programme"])
    print("long sheets written", flush=True)


def _partnership(world, code):
    from partnerships.models import Country, LocalGovernment, Membership, Partnership
    from partnerships.services import person_get_or_create

    programme = world["programme"]
    sides = {}
    for iso, name in (("BE", f"Gemeente {code}"), ("BJ", f"Commune {code}")):
        country = Country.objects.get(iso_code=iso)
        sides[iso] = LocalGovernment.objects.create(
            name=name,
            country=country,
            kind=country.local_unit,
            umbrella=country.umbrella_organisations.first(),
        )
    north, south = sides["BE"], sides["BJ"]
    partnership = Partnership.objects.create(
        programme=programme,
        north=north,
        south=south,
        theme=programme.themes.first(),
        start_date=START,
    )
    partnership.consultants.add(world["consultant"])
    partnership.change_status(status=Partnership.Status.ACTIVE, date=START)
    _join_the_visits(programme, partnership)
    focal = {}
    for side in (north, south):
        focal[side] = person_get_or_create(
            email=f"focal.{code}.{side.country.iso_code.lower()}@bench.example",
            first_name="Bench",
            last_name=f"Focal Point {side.name}",
        )
        Membership.objects.create(
            user=focal[side], local_government=side, role=Membership.Role.FOCAL_POINT
        )
    for side, partner in ((north, south), (south, north)):
        _fill_every_tool(world, side, focal[side], partner=partner, partner_user=focal[partner])


def _fill_every_tool(world, owner, user, *, partner, partner_user):
    from learning import services
    from learning.tools.learning_questions import LearningQuestionTable
    from learning.tools.registry import tools

    for tool in tools():
        sheet = _save(tool, owner, user, tool.sample(owner), programme=world["programme"])
        services.comment_create(sheet=sheet, user=world["consultant"], text="Clear, thank you.")
        if isinstance(sheet, LearningQuestionTable):
            for question in sheet.questions.all():
                _question_parts(world, question, partner=partner, partner_user=partner_user)
            first = sheet.questions.order_by("order", "pk").first()
            first.reformulate(text=f"{first.text} (sharper)", by=user, date=START)
        _move_on(sheet, owner, user, partner_user=partner_user)
    _evolution_summary(world, owner)


def _join_the_visits(programme, partnership):
    """A delegation of the partnership on each of the programme's site visits."""
    from visits.models import Delegation, SiteVisit

    for visit in SiteVisit.objects.filter(programme=programme):
        Delegation.objects.create(visit=visit, partnership=partnership)


def _move_on(sheet, owner, user, *, partner_user):
    """Share the sheet; terms of reference (which are not shared) are validated by the visiting
    municipality's focal point and signed by the host's."""
    from learning import services

    names = {transition.name for transition in sheet.workflow.transitions}
    if "share" in names:
        services.sheet_transition(sheet=sheet, name="share", user=user)
        return
    visitor, host = (user, partner_user)
    if sheet.delegation.visitor_id != owner.pk:
        visitor, host = host, visitor
    services.sheet_transition(sheet=sheet, name="validate", user=visitor)
    services.sheet_transition(sheet=sheet, name="sign", user=host)


def _save(tool, owner, user, values, *, programme=None, sheet=None):
    """Create or update a sheet through the tool's own forms and services, like its edit page."""
    from learning import services
    from learning.forms import build_forms, cleaned_rows, sheet_post_data

    data = sheet_post_data(tool, values, version=sheet.version if sheet else None)
    form, formsets = build_forms(tool, data=data, instance=sheet, owner=owner, user=user)
    invalid = [f.errors for f in (form, *formsets) if not f.is_valid()]
    if invalid:
        raise ValueError(f"{tool.slug} of {owner}: {invalid}")
    values, rows = form.cleaned_data, cleaned_rows(formsets)
    if sheet is None:
        return services.sheet_create(
            tool=tool, owner=owner, programme=programme, user=user, values=values, rows=rows
        )
    return services.sheet_update(
        sheet=sheet, user=user, version=sheet.version, values=values, rows=rows
    )


def _question_parts(world, question, *, partner, partner_user, count=3):
    from learning.tools.learning_questions import CoachingNote, Obstacle, Response, SubQuestion

    for number in range(1, count + 1):
        Obstacle.objects.create(question=question, order=number, text=f"Obstacle {number}.")
        SubQuestion.objects.create(
            question=question,
            order=number,
            text=f"Sub-question {number}: how did you go about it?",
            priority=SubQuestion.Priority.MUST,
        )
    Response.objects.create(
        question=question,
        local_government=partner,
        author=partner_user,
        text="We meet the market traders every quarter; the minutes go to the council.",
    )
    CoachingNote.objects.create(
        question=question, author=world["consultant"], text="Sharper than the first wording."
    )


def _evolution_summary(world, owner):
    from learning.tools.learning_questions import EvolutionSummary

    EvolutionSummary.objects.create(
        programme=world["programme"],
        local_government=owner,
        order=10,
        starting_points="Participation in advisory councils\nA website",
        developments="Dialogue with local economic actors",
        applications="An advisory council of economic actors",
        application_summary="An advisory council meets every quarter.",
        updated_by=world["consultant"],
    )


def _lengthen(world, owner, *, partner, scale):
    """The latest sheet of each tool of `owner` (the one measured), with `scale` times its
    rows, up to as many as its edit page accepts. A kind of rows the sheet has none of stays
    empty: the same page, only longer, so that its queries can be compared."""
    from learning import services
    from learning.forms import build_forms, current_values
    from learning.tools.learning_questions import LearningQuestionTable
    from learning.tools.registry import tools
    from partnerships.models import Membership

    user = Membership.objects.filter(local_government=owner).first().user
    partner_user = Membership.objects.filter(local_government=partner).first().user
    for tool in tools():
        sheet = tool.model.objects.owned_by(owner).order_by("pk").last()
        if sheet is None or sheet.status not in sheet.workflow.editable:
            continue  # signed terms of reference: frozen until someone reopens them
        values = current_values(tool, sheet)
        limits = {
            formset.prefix: formset.max_num for formset in build_forms(tool, instance=sheet)[1]
        }
        # A site-visit tool's rows are dated within its own visit: its rows are the sample (a
        # sample would also take, or plan, another delegation).
        sample = _own_rows(values) if hasattr(sheet, "delegation") else tool.sample(owner)
        for prefix, rows in values.items():
            if not isinstance(rows, list) or not rows or not sample.get(prefix):
                continue  # a field, no rows, or rows the sample leaves empty (uploaded images)
            count = min(scale * len(rows), limits[prefix]) - len(rows)
            if tool.slug == "journal-per-objective":
                new = _free_objectives(sheet, rows, count)
            else:
                new = [
                    _numbered(sample[prefix][index % len(sample[prefix])], index)
                    for index in range(count)
                ]
            if new and "order" in new[0]:
                first = max((row.get("order") or 0 for row in rows), default=0) + 1
                for offset, row in enumerate(new):
                    row["order"] = min(first + offset, 99)
            values[prefix] = rows + new
        status = sheet.status
        sheet = _save(tool, owner, user, values, sheet=sheet)
        if status == sheet.Status.REVIEWED:
            # Reviewed again after the change: the page shows the sheet in the same status as
            # on the pilot's data, with the same actions.
            services.sheet_transition(sheet=sheet, name="review", user=world["consultant"])
        if isinstance(sheet, LearningQuestionTable):
            for question in sheet.questions.active().filter(obstacles__isnull=True):
                _question_parts(world, question, partner=partner, partner_user=partner_user)


def _free_objectives(sheet, rows, count):
    """Up to `count` more objectives of a journal per objective (tool 9): one per learning
    question and number (1 to 3), so only the combinations its rows leave free."""
    from visits.coverage import current_questions

    taken = {(row["question"], row["number"]) for row in rows}
    questions = current_questions(sheet.delegation).order_by("pk").values_list("pk", flat=True)
    free = [
        {"question": pk, "number": number, "text": f"Objective {number}", "subquestions": []}
        for pk in questions
        for number in (1, 2, 3)
        if (pk, number) not in taken
    ]
    return free[:count]


def _follow_up(owner):
    """The latest journal per objective of `owner`: a score of each objective and a page with a
    note per objective, on each field day. Its latest action plan: a progress note on each
    action."""
    from visits.models import (
        ActionNote,
        ActionPlan,
        DailyScore,
        DayObjectiveNote,
        JournalByObjective,
        JournalDay,
    )

    journal = JournalByObjective.objects.owned_by(owner).order_by("pk").last()
    if journal is not None:
        objectives = list(journal.objectives.all())
        for index, date in enumerate(journal.field_days()):
            DailyScore.objects.bulk_create(
                [
                    DailyScore(objective=objective, date=date, score=(index + number) % 4)
                    for number, objective in enumerate(objectives)
                ],
                ignore_conflicts=True,
            )
            page, _created = JournalDay.objects.get_or_create(
                sheet=journal,
                date=date,
                defaults={"unexpected": "Something unexpected.", "meaning": "What applies."},
            )
            DayObjectiveNote.objects.bulk_create(
                [
                    DayObjectiveNote(day=page, objective=objective, text="What inspired us.")
                    for objective in objectives
                ],
                ignore_conflicts=True,
            )
    plan = ActionPlan.objects.owned_by(owner).order_by("pk").last()
    if plan is not None:
        ActionNote.objects.bulk_create(
            ActionNote(action=action, date=START, text=f"Progress on {action}.")
            for action in plan.actions.all()
        )


def _overdue(programme):
    """Every action without a due date is due on the pilot's last day of site visits: long
    past, and still planned."""
    from visits.models import Action

    Action.objects.filter(sheet__programme=programme, due_date__isnull=True).update(
        due_date=datetime.date(2025, 6, 30)
    )


def _own_rows(values):
    """The sheet's rows as new rows: without their ids."""
    return {
        prefix: [{k: v for k, v in row.items() if k != "id"} for row in rows]
        for prefix, rows in values.items()
        if isinstance(rows, list)
    }


def _numbered(row, index):
    row = dict(row)
    for name in ("text", "name", "strategy", "activity"):
        if isinstance(row.get(name), str):
            row[name] = f"{row[name]} ({index + 1})"
    return row


def _long_lineage(world, *, scale):
    """Ouinhi's first question reformulated `scale` times, each wording answered by Laarne."""
    from learning.tools.learning_questions import LearningQuestion, Response
    from partnerships.models import Membership

    ouinhi, laarne = world["ouinhi"], world["laarne"]
    author = Membership.objects.filter(local_government=ouinhi).first().user
    answerer = Membership.objects.filter(local_government=laarne).first().user
    question = LearningQuestion.objects.owned_by(ouinhi).active().order_by("order", "pk").first()
    for step in range(1, scale + 1):
        question = question.reformulate(
            text=f"{question.text.split(' [')[0]} [wording {step + 1}]",
            by=author,
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=7 * step),
            trigger=LearningQuestion.Trigger.BILATERAL_MEETING,
        )
        Response.objects.create(
            question=question,
            local_government=laarne,
            author=answerer,
            text=f"Our answer to wording {step + 1}.",
        )


if __name__ == "__main__":
    grow(int(sys.argv[1]) if len(sys.argv) > 1 else SCALE)
