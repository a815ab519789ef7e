"""The world of the permission matrix and the content sweeps: two programmes, one persona per role.

Programme A ("SDG Partnerships 2024-2025"): Laarne-Ouinhi (the partnership under test, coached
by `consultant`) and Schoten-Lalo (someone else's, coached by `other_consultant`), run by `staff`.
Programme B ("SDG Partnerships 2026-2027"): Laarne-Bohicon, run by `staff_b` and coached by
`consultant_b`; Laarne takes part in both programmes. Ouinhi, Lalo and Bohicon are members of
ANCB, whose `observer` reads their partnerships.

Every registered tool gets four sheets, filled in through the forms and services of the app (a
site-visit tool's sheet is about a delegation: each of the four is about a delegation of its own,
`delegations[kind]`, on which the municipality named visits its partner; the visit programme and
the terms belong to both sides, so the partner's team reads their drafts too, while a journal or
an action plan belongs to the visiting municipality alone, which its partner reads once shared;
a sheet is shared by the workflow's first transition to a shared status, validating for the
terms of reference):

- `draft_a[slug]`: Laarne's draft in programme A, a `DRAFT_A` marker typed into every text field
  and row;
- `shared_a[slug]`: Ouinhi's sheet in programme A, typed with a `HISTORY_A` marker while a draft,
  then retyped with a `SHARED_A` marker and shared: the first marker lives only in its history;
- `draft_b[slug]`: Bohicon's draft in programme B (`DRAFT_B`);
- `shared_b[slug]`: Laarne's shared sheet in programme B (`SHARED_B`).

`World.markers` maps every marker to the roles that may read it; `World.forbidden(role)` is what
the content sweeps look for in every page that role opens.
"""

import datetime

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import models

from learning import services as sheet_services
from learning.forms import build_forms, cleaned_rows, current_values, sheet_post_data
from learning.tools.registry import tools
from partnerships import services as partnership_services
from reports.models import ReportJob
from tests.factories import (
    CommentFactory,
    LearningThemeFactory,
    LocalGovernmentFactory,
    MembershipFactory,
    PartnershipFactory,
    ProgrammeFactory,
    ResponseFactory,
    SouthLocalGovernmentFactory,
    SubQuestionFactory,
    UserFactory,
)
from tests.learning.sheets import is_visit_tool, owned_by_both_sides, sharing
from tests.permissions.matrix import ROLES
from visits.models import SiteVisit
from visits.services import plan_visit

# Who reads what (`anonymous` reads nothing; the superuser reads everything).
OWNERS_A_LAARNE = {"staff", "consultant", "focal_point", "team_member"}
OWNERS_A_OUINHI = {"staff", "consultant", "partner_focal_point"}
READERS_A = OWNERS_A_LAARNE | OWNERS_A_OUINHI | {"observer"}
OWNERS_B_BOHICON = {"staff_b", "consultant_b", "bohicon_focal_point"}
OWNERS_B_LAARNE = {"staff_b", "consultant_b", "focal_point", "team_member"}
READERS_B = OWNERS_B_BOHICON | OWNERS_B_LAARNE | {"observer"}
# Laarne's team as its own side, its partners (in both programmes), consultants and staff see
# it; the ANCB observer reads the Beninese side, not the Flemish team's contact details.
LAARNE_TEAM_READERS = (
    OWNERS_A_LAARNE | OWNERS_B_LAARNE | {"partner_focal_point", "bohicon_focal_point"}
)


def marker(kind, slug=""):
    """A string no page contains by chance; pages are searched case-insensitively."""
    return f"mk-{kind}-{slug}-km" if slug else f"mk-{kind}-km"


class World:
    """The world's objects as attributes, and one user per role."""

    def draft_readers(self, kind, tool):
        """Who reads the draft `kind` ("draft_a", ...) of `tool`: its owners' teams, their
        consultants and programme staff."""
        owners = {
            "draft_a": (OWNERS_A_LAARNE, OWNERS_A_OUINHI),
            "shared_a": (OWNERS_A_OUINHI, OWNERS_A_LAARNE),
            "draft_b": (OWNERS_B_BOHICON, OWNERS_B_LAARNE),
            "shared_b": (OWNERS_B_LAARNE, OWNERS_B_BOHICON),
        }[kind]
        # The visit programme's and the terms' sheets belong to both sides of their delegation;
        # a journal's or an action plan's to the visiting municipality alone.
        return owners[0] | owners[1] if owned_by_both_sides(tool) else owners[0]

    def __init__(self, **objects):
        self.markers = {}
        for name, value in objects.items():
            setattr(self, name, value)

    def user(self, role):
        """The user playing `role`; None for the anonymous visitor."""
        return None if role == "anonymous" else getattr(self, role)

    def mark(self, text, readers):
        self.markers[text] = {"superuser", *readers}
        return text

    def forbidden(self, role):
        """The markers `role` must not find on any page it opens."""
        return sorted(text for text, readers in self.markers.items() if role not in readers)

    def sheet_marker(self, sheet):
        """The marker of what the sheet says now."""
        for kind in ("draft_a", "shared_a", "draft_b", "shared_b"):
            if getattr(self, kind).get(sheet.tool.slug) == sheet:
                return marker(kind.replace("_", "-"), sheet.tool.slug)
        return None

    def sheets(self):
        """Every sheet of the world, as (kind, sheet)."""
        for kind in ("draft_a", "shared_a", "draft_b", "shared_b", "extra"):
            for sheet in getattr(self, kind).values():
                yield kind, sheet


def build_world():
    programme = ProgrammeFactory(name="SDG Partnerships 2024-2025")
    programme_b = ProgrammeFactory(
        name="SDG Partnerships 2026-2027",
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2027, 12, 31),
    )
    laarne = LocalGovernmentFactory(name="Laarne")
    ouinhi = SouthLocalGovernmentFactory(name="Ouinhi")
    bohicon = SouthLocalGovernmentFactory(name="Bohicon")
    partnership = PartnershipFactory(programme=programme, north=laarne, south=ouinhi)
    other_partnership = PartnershipFactory(
        programme=programme,
        north=LocalGovernmentFactory(name="Schoten"),
        south=SouthLocalGovernmentFactory(name="Lalo"),
    )
    partnership_b = PartnershipFactory(
        programme=programme_b, north=laarne, south=bohicon, start_date=datetime.date(2026, 2, 1)
    )
    w = World(
        programme=programme,
        programme_b=programme_b,
        laarne=laarne,
        ouinhi=ouinhi,
        bohicon=bohicon,
        partnership=partnership,
        other_partnership=other_partnership,
        partnership_b=partnership_b,
        draft_a={},
        shared_a={},
        draft_b={},
        shared_b={},
        extra={},
    )
    contact = w.mark(marker("contact-laarne"), LAARNE_TEAM_READERS)

    def member(username, local_government, role="focal_point", **fields):
        return MembershipFactory(
            user=UserFactory(username=username, **fields),
            local_government=local_government,
            role=role,
        ).user

    w.focal_point = member(
        "focal@laarne.example",
        laarne,
        first_name="Lies",
        position=f"{contact} Alderman",
        email=f"{contact}@laarne.example",
    )
    w.team_member = member(
        "team@laarne.example", laarne, "team_member", position=f"{contact} Officer"
    )
    w.partner_focal_point = member(
        "focal@ouinhi.example", ouinhi, first_name="Rodrigue", language="fr"
    )
    w.stranger = member("focal@schoten.example", other_partnership.north)
    w.bohicon_focal_point = member("focal@bohicon.example", bohicon, language="fr")
    w.consultant = UserFactory(username="consultant@example.org", first_name="Søren")
    partnership.consultants.add(w.consultant)
    w.other_consultant = UserFactory(username="other-consultant@example.org")
    other_partnership.consultants.add(w.other_consultant)
    w.consultant_b = UserFactory(username="consultant-b@example.org")
    partnership_b.consultants.add(w.consultant_b)
    # Staff as the app makes them, and with what older accounts carry (the admin flag and a
    # group holding every model permission): the admin must let them in nowhere.
    legacy = Group.objects.create(name="Programme staff")
    legacy.permissions.set(Permission.objects.all())
    w.staff = UserFactory(username="staff@vvsg.example", is_staff=True)
    w.staff_b = UserFactory(username="staff-b@vvsg.example", is_staff=True)
    for user, staffed in ((w.staff, programme), (w.staff_b, programme_b)):
        partnership_services.programme_staff_add(programme=staffed, user=user)
        user.groups.add(legacy)
    w.observer = UserFactory(username="observer@ancb.example")
    ouinhi.umbrella.observers.add(w.observer)
    w.superuser = UserFactory(username="admin@example.org", is_superuser=True, is_staff=True)
    assert set(ROLES) - {"anonymous"} <= set(vars(w)), "every role has its user"

    # The site visits the site-visit tools' sheets are about: in each programme, one where the
    # North visits the South and one the other way round.
    north_south, south_north = (
        SiteVisit.Direction.NORTH_TO_SOUTH,
        SiteVisit.Direction.SOUTH_TO_NORTH,
    )
    w.delegations = {
        kind: plan_visit(
            programme=partnership_of.programme,
            direction=direction,
            start_date=start,
            end_date=start + datetime.timedelta(days=4),
            partnerships=[partnership_of],
        ).delegations.get()
        for kind, partnership_of, direction, start in (
            ("draft_a", partnership, north_south, datetime.date(2025, 3, 10)),
            ("shared_a", partnership, south_north, datetime.date(2024, 9, 23)),
            ("draft_b", partnership_b, south_north, datetime.date(2026, 9, 21)),
            ("shared_b", partnership_b, north_south, datetime.date(2027, 3, 8)),
        )
    }

    # Laarne's shared table of programme A and Bohicon's of programme B, shared before the
    # tools are filled in: a journal per objective is about the visitor's shared questions.
    questions = tools_by_slug()["learning-questions"]
    w.extra["laarne-questions-a"] = sheet_services.sheet_transition(
        sheet=fill(questions, laarne, programme, w.focal_point, "How do we revive councils?"),
        name="share",
        user=w.focal_point,
    )
    w.extra["bohicon-questions-b"] = sheet_services.sheet_transition(
        sheet=fill(
            questions, bohicon, programme_b, w.bohicon_focal_point, "How do we fund the market?"
        ),
        name="share",
        user=w.bohicon_focal_point,
    )

    def fill_kind(tool, kind, owner, programme, user, text):
        return fill(tool, owner, programme, user, text, delegation=w.delegations[kind])

    for tool in tools():
        slug = tool.slug
        share = sharing(tool).name
        w.draft_a[slug] = fill_kind(
            tool,
            "draft_a",
            laarne,
            programme,
            w.focal_point,
            w.mark(marker("draft-a", slug), w.draft_readers("draft_a", tool)),
        )
        history = w.mark(marker("history-a", slug), w.draft_readers("shared_a", tool))
        sheet = fill_kind(tool, "shared_a", ouinhi, programme, w.partner_focal_point, history)
        readers = READERS_A
        if slug == "learning-questions":
            # Shared questions are in the programme's knowledge network: every participant
            # of programme A reads them.
            readers = READERS_A | {"stranger", "other_consultant"}
        retype(tool, sheet, w.partner_focal_point, w.mark(marker("shared-a", slug), readers))
        w.shared_a[slug] = sheet_services.sheet_transition(
            sheet=sheet, name=share, user=w.partner_focal_point
        )
        w.draft_b[slug] = fill_kind(
            tool,
            "draft_b",
            bohicon,
            programme_b,
            w.bohicon_focal_point,
            w.mark(marker("draft-b", slug), w.draft_readers("draft_b", tool)),
        )
        sheet = fill_kind(
            tool,
            "shared_b",
            laarne,
            programme_b,
            w.focal_point,
            w.mark(marker("shared-b", slug), READERS_B),
        )
        w.shared_b[slug] = sheet_services.sheet_transition(
            sheet=sheet, name=share, user=w.focal_point
        )

    # Comments: on Laarne's programme-A draft and on Bohicon's programme-B draft.
    w.comment_a = CommentFactory(
        sheet=w.draft_a["swot"],
        author=w.consultant,
        text=w.mark(marker("comment-a"), OWNERS_A_LAARNE),
    )
    w.comment_b = CommentFactory(
        sheet=w.draft_b["swot"],
        author=w.consultant_b,
        text=w.mark(marker("comment-b"), OWNERS_B_BOHICON),
    )
    # The learning questions of Laarne's shared table in programme A: responded to by Ouinhi,
    # with an attachment; a question of the draft table for the draft rows.
    table = w.extra["laarne-questions-a"]
    w.question = table.questions.order_by("order").first()
    SubQuestionFactory(question=w.question, order=1, text="Who comes today?")
    response = ResponseFactory(question=w.question, local_government=ouinhi)
    w.attachment = attach(response)
    w.draft_question = w.draft_a["learning-questions"].questions.order_by("order").first()
    # One object of every other model the admin shows.
    w.status_change = partnership.change_status(
        status="active", date=datetime.date(2024, 2, 1), by=w.staff
    )
    w.theme = LearningThemeFactory(programme=programme)
    # Two reports of Laarne's focal point: the built one of Laarne-Ouinhi, and Laarne's, which
    # failed with an error that only its requester reads.
    w.report = ReportJob.objects.create(
        requested_by=w.focal_point,
        programme=programme,
        partnership=partnership,
        language="en",
        state=ReportJob.State.DONE,
        progress=100,
        pages=1,
    )
    w.report.file.save("report.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    w.failed_report = ReportJob.objects.create(
        requested_by=w.focal_point,
        programme=programme,
        local_government=laarne,
        language="en",
        state=ReportJob.State.FAILED,
        error=w.mark(marker("report-error"), {"focal_point"}),
    )
    _coaching(w)
    return w


# Who reads a bilateral of Laarne and its partner: both teams, their consultant, programme
# staff, and the observer of the partner's umbrella (coaching/models/meetings.py).
BILATERAL_A = {"staff", "consultant", "focal_point", "team_member", "partner_focal_point"}
BILATERAL_B = {"staff_b", "consultant_b", "focal_point", "team_member", "bohicon_focal_point"}
# Everyone taking part in programme A.
PROGRAMME_A = READERS_A | {"other_consultant", "stranger"}


def _coaching(w):
    """A bilateral in each programme, with minutes and a task set there; an interim evaluation
    of programme A answered by Laarne's focal point; an adjustment in its methodology log."""
    from coaching.models import (
        EvaluationAnswer,
        EvaluationRound,
        Meeting,
        MethodologyAdjustment,
        Task,
    )

    w.meetings = {}
    for kind, programme, partnership, readers in (
        ("a", w.programme, w.partnership, BILATERAL_A | {"observer"}),
        ("b", w.programme_b, w.partnership_b, BILATERAL_B | {"observer"}),
    ):
        meeting = Meeting.objects.create(
            programme=programme,
            kind=Meeting.Kind.BILATERAL,
            partnership=partnership,
            starts_at=datetime.datetime(programme.start_date.year, 3, 5, 13, tzinfo=datetime.UTC),
            minutes=w.mark(marker(f"minutes-{kind}"), readers),
            organiser=w.consultant if kind == "a" else w.consultant_b,
        )
        # A task set at the bilateral shows on its page, to whoever reads the meeting.
        Task.objects.create(
            programme=programme,
            meeting=meeting,
            title=w.mark(marker(f"task-{kind}"), readers),
            owner_local_government=w.laarne,
            due_date=programme.start_date + datetime.timedelta(days=90),
        )
        w.meetings[kind] = meeting
    w.evaluation = EvaluationRound.objects.create(
        programme=w.programme,
        title="First interim evaluation",
        opens_on=datetime.date(2024, 4, 22),
        closes_on=datetime.date(2099, 5, 31),
    )
    # The respondent, its municipality's team, the programme's staff and consultants.
    EvaluationAnswer.objects.create(
        round=w.evaluation,
        local_government=w.laarne,
        respondent=w.focal_point,
        worked=w.mark(
            marker("evaluation-a"),
            {"focal_point", "team_member", "staff", "consultant", "other_consultant"},
        ),
        language="nl",
    )
    w.adjustment = MethodologyAdjustment.objects.create(
        programme=w.programme,
        date=datetime.date(2024, 9, 27),
        decision=w.mark(marker("adjustment-a"), PROGRAMME_A),
        reason="Too many tools at once.",
        prompted_by_round=w.evaluation,
    )


def tools_by_slug():
    return {tool.slug: tool for tool in tools()}


def attach(response):
    from learning.tools.learning_questions import Attachment

    item = Attachment(
        response=response,
        original_name="conseil.pdf",
        kind=Attachment.Kind.DOCUMENT,
        content_type="application/pdf",
        size=9,
    )
    item.file.save("conseil.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return item


def _text_fields(model):
    return {
        model_field.name: model_field.max_length
        for model_field in model._meta.concrete_fields
        if isinstance(model_field, models.CharField | models.TextField)
        and not model_field.choices
        and model_field.editable
    }


def _typed(value, text, max_length):
    typed = f"{text} {value or ''}".strip()
    return typed[:max_length] if max_length else typed


def marked(tool, values, text):
    """`values` (the sample's shape) with `text` typed at the start of every text field and row."""
    sheet_fields = _text_fields(tool.model)
    result = dict(values)
    for name, value in values.items():
        if name in sheet_fields:
            result[name] = _typed(value, text, sheet_fields[name])
    for inline, formset in zip(tool.inlines, build_forms(tool)[1], strict=True):
        row_fields = _text_fields(inline.model)
        result[formset.prefix] = [
            {
                name: _typed(value, text, row_fields[name]) if name in row_fields else value
                for name, value in row.items()
            }
            for row in values.get(formset.prefix, [])
        ]
    return result


def _save(tool, form, formsets):
    errors = [form.errors, *(formset.errors for formset in formsets)]
    valid = form.is_valid() and all(formset.is_valid() for formset in formsets)
    assert valid, f"{tool.slug}: {errors}"


def sample(tool, owner, delegation=None):
    """The tool's sample input; a site-visit tool's about `delegation`."""
    if is_visit_tool(tool):
        return tool.sample_for(delegation)
    return tool.sample(owner)


def fill(tool, owner, programme, user, text, delegation=None):
    """A new draft of `tool` for `owner` (a site-visit tool's: about `delegation`), typed
    through the tool's forms by `user`."""
    data = sheet_post_data(tool, marked(tool, sample(tool, owner, delegation), text))
    form, formsets = build_forms(tool, data=data, owner=owner, user=user)
    _save(tool, form, formsets)
    return sheet_services.sheet_create(
        tool=tool,
        owner=owner,
        programme=programme,
        user=user,
        values=form.cleaned_data,
        rows=cleaned_rows(formsets),
    )


def retype(tool, sheet, user, text):
    """Save the sheet again with `text` instead of what was typed before, rows included."""
    values = current_values(tool, sheet)
    owner = sheet.owner_for(user)
    given = sample(tool, owner, getattr(sheet, "delegation", None))
    retyped = marked(tool, {**given, **{k: v for k, v in values.items() if k not in given}}, text)
    # Keep the rows' ids so that the rows are changed, not added.
    for inline, formset in zip(tool.inlines, build_forms(tool)[1], strict=True):
        saved = values.get(formset.prefix, [])
        rows = retyped.get(formset.prefix, [])
        retyped[formset.prefix] = [
            {**row, "id": old.get("id")} for row, old in zip(rows, saved, strict=False)
        ]
        del inline
    data = sheet_post_data(tool, retyped, version=sheet.version)
    form, formsets = build_forms(tool, data=data, instance=sheet, owner=owner, user=user)
    _save(tool, form, formsets)
    return sheet_services.sheet_update(
        sheet=sheet,
        user=user,
        version=sheet.version,
        values=form.cleaned_data,
        rows=cleaned_rows(formsets),
    )
