"""The pages measured for each demo role, found in the database by natural keys, so the same
pages are measured on both data sets. Prints them as JSON:

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=... python -m bench.pages

The focal point South (Ouinhi) gets every page of a municipality; the other roles their own
busiest ones that another role does not already cover (the focal point North its own learning
questions, its longest edit page and its learning journal per objective, which Ouinhi does not
keep), to keep the run short: on the larger data set one edit
page takes 20 requests of several seconds each. Each page is
`{"role", "username", "page", "kind", "url"}`; kind is "read" (target: 3 times
the trivial view), "edit" (6 times) or "pdf" (2.5 times the plain-text floor per page).
A page a role may not open is still listed: the run reports its status instead of timings.
"""

import json

import django
from django.urls import reverse

if __name__ == "__main__":
    django.setup()


ROLES = {
    "staff": "staff@demo.example",
    "consultant": "consultant@demo.example",
    "focal point North": "focal.laarne@demo.example",
    "focal point South": "focal.ouinhi@demo.example",
    "observer": "observer.ancb@demo.example",
}
# Whose tool sheets each role opens: its own municipality's, else those of the South partner.
SHEETS_OF = {"focal point North": "Laarne"}
PASSWORD = "demo"
# The pages a person opens that the benchmark leaves out, and why; every other page of the app
# is measured (tests/test_bench.py checks that a new page is one or the other).
NOT_MEASURED = {
    "login": "a form of two fields, before any data",
    "password_change": "a form of three fields",
    "partnerships:settings": "a form of four fields about the person",
    "partnerships:notification_list": "a page of the person's own notifications, 20 at a time",
    "partnerships:notification_open": "a redirect after marking one notification read",
    "partnerships:notifications_read": "a redirect after marking the notifications read",
    "invitation_accept": "a form of a few fields, before the person has any data",
    "learning:attachment_download": "a file as it was uploaded, in byte ranges",
    "learning:sheet_create": "a new sheet: the edit page of a filled-in one, measured, is larger",
    "learning:sheet_print": "the HTML of the PDF, measured as the PDF",
    "learning:question_drop": "a form of two fields about one question",
    "learning:question_reformulate": "a form of a few fields about one question",
    "learning:question_split": "a form of a few fields about one question and its parts",
    "learning:question_place": "a form of two fields about one joint question",
    "learning:response_create": "a form of a text and a file",
    "learning:evolution_summary_update": "a form of five texts",
    "partnerships:partnership_create": "a staff form of a few fields",
    "partnerships:partnership_status": "a staff form of a few fields",
    "partnerships:partnership_invite": "a form of a name and an address",
    "partnerships:localgovernment_create": "a staff form of a few fields",
    "partnerships:localgovernment_update": "a staff form of a few fields",
    "partnerships:localgovernment_invite": "a form of a name and an address",
    "reports:job_create_programme": "a form of four fields and the person's last ten reports",
    "reports:job_create_partnership": "a form of three fields and the person's last ten reports",
    "reports:job_create_local_government": "a form of four fields and the last ten reports",
    "reports:job_detail": "one report's state and the person's last ten reports",
    "reports:job_progress": "one report's state: a few lines polled while it is built",
    "reports:job_list": "a page of twenty of the person's reports",
    "reports:narrative_update": "a form of seven texts, for programme staff",
    "reports:job_download": "a file as it was built, read from storage",
    "visits:visit_create": "a staff form of a few fields and the programme's partnerships",
    "visits:visit_update": "the same form, for one visit",
    "visits:delegation_members": "a form of a delegation's few members",
    "visits:delegation_withdraw": "a form of a date and a reason",
    "visits:delegation_reinstate": "a redirect after one change",
    "visits:delegation_priorities": "a form of one municipality's few sub-questions",
    "visits:action_new": "a form of one action",
    "visits:action_status": "a redirect after one change",
    "visits:action_note_create": "a redirect after one note",
    "visits:action_note_file": "a file as it was uploaded",
    "visits:action_question": "a form of one question about one action",
    "visits:journal_start": "a redirect after creating a journal",
    "visits:journal_entry": "one row's form, a few kilobytes",
    "visits:journal_entry_add": "one row's form, a few kilobytes",
    "coaching:meeting_create": "a form measured as the meeting's edit page",
    "coaching:meeting_update": "a form of one meeting and its agenda",
    "coaching:meeting_record": "a redirect after recording one meeting",
    "coaching:task_create": "a redirect after one task",
    "coaching:preread_send": "a redirect after queuing the mails",
    "coaching:meeting_ics": "a few hundred bytes of one invitation",
    "coaching:task_done": "a redirect after one change",
    "coaching:calendar_feed_settings": "one secret address",
    "coaching:calendar_feed": "the person's meetings as an .ics file, read by calendars",
    "coaching:evaluation_create": "a staff form of three fields",
    "coaching:evaluation_update": "a staff form of three fields",
    "coaching:evaluation_list": "the programme's few rounds",
    "coaching:evaluation_answer": "a form of three texts, open only while a round runs",
    "coaching:adjustment_create": "a form of a few fields",
    "coaching:adjustment_update": "a form of a few fields",
}


def pages():
    from coaching.models import EvaluationRound, Meeting
    from learning.tools.learning_questions import LearningQuestion
    from learning.tools.registry import tools
    from partnerships.models import LocalGovernment, Partnership
    from visits.models import Action, Delegation, JournalByObjective

    partnership = Partnership.objects.get(north__name="Laarne", south__name="Ouinhi")
    programme = partnership.programme_id
    question = (
        LearningQuestion.objects.owned_by(partnership.south).active().order_by("order", "pk")
    ).first()

    def sheet_urls(owner_name, action):
        """The owner's latest sheet of each tool; for an edit, its latest editable one (signed
        terms of reference refuse edits): a tool without one has no edit page to measure."""
        owner = LocalGovernment.objects.get(name=owner_name)
        for tool in tools():
            sheets = tool.model.objects.owned_by(owner).order_by("pk")
            if action == "sheet_update":
                sheets = sheets.filter(status__in=tool.model.workflow.editable)
            sheet = sheets.last()
            if sheet is None:
                continue
            yield tool, reverse(f"learning:{action}", kwargs={"slug": tool.slug, "pk": sheet.pk})

    home = [("home", "read", reverse("home"))]
    partnership_page = [
        ("partnership", "read", reverse("partnerships:partnership_detail", args=[partnership.pk]))
    ]
    exchange = [
        ("exchange", "read", reverse("learning:partnership_exchange", args=[partnership.pk]))
    ]
    overviews = [
        ("knowledge network", "read", reverse("learning:knowledge_network", args=[programme])),
        ("supply and demand", "read", reverse("learning:supply_demand", args=[programme])),
        ("evolution overview", "read", reverse("learning:evolution_overview", args=[programme])),
    ]
    question_page = [("question", "read", reverse("learning:question_detail", args=[question.pk]))]
    municipality = [
        (
            "municipality",
            "read",
            reverse("partnerships:localgovernment_detail", args=[partnership.south_id]),
        )
    ]

    def tool_pages(owner_name, action, kind, label=None, numbers=None):
        return [
            (f"{label or kind} tool {tool.number}", kind, url)
            for tool, url in sheet_urls(owner_name, action)
            if numbers is None or tool.number in numbers
        ]

    # The site visits (visits/): the list, the visit with Ouinhi's latest delegation, that
    # delegation; tools 6 and 7 come with the other tools' pages.
    delegation = (
        Delegation.objects.active()
        .of_local_government(partnership.south)
        .order_by("visit__start_date", "pk")
        .last()
    )
    visits = [
        ("visit list", "read", reverse("visits:visit_list")),
        ("visit", "read", reverse("visits:visit_detail", args=[delegation.visit_id])),
        ("delegation", "read", reverse("visits:delegation_detail", args=[delegation.pk])),
    ]

    # The learning-cycle dashboard: every municipality the consultant coaches, the staff's
    # whole programme.
    dashboard = [("learning-cycle dashboard", "read", reverse("coaching:dashboard"))]

    # Following the application, a journal's day, the coaching pages.
    action = Action.objects.filter(sheet__owners=partnership.south).order_by("pk").first()
    journal = JournalByObjective.objects.filter(owners__name=SHEETS_OF["focal point North"])
    journal = journal.order_by("pk").last()
    meeting = Meeting.objects.filter(partnership=partnership).order_by("starts_at").last()
    evaluation = EvaluationRound.objects.filter(programme=programme).order_by("opens_on").last()
    coaching = [
        ("meetings", "read", reverse("coaching:meeting_list")),
        ("meeting", "read", reverse("coaching:meeting_detail", args=[meeting.pk])),
        ("pre-read", "read", reverse("coaching:meeting_preread", args=[meeting.pk])),
    ]

    south = partnership.south.name
    per_role = {
        "focal point South": [
            *home,
            *partnership_page,
            *tool_pages(south, "sheet_detail", "read"),
            *tool_pages(south, "sheet_update", "edit"),
            *question_page,
            ("question edit", "edit", reverse("learning:question_update", args=[question.pk])),
            *municipality,
            ("tool 5 list", "read", reverse("learning:sheet_list", args=["learning-questions"])),
            *tool_pages(south, "sheet_history", "read", label="history", numbers={5}),
            *exchange,
            ("evolution", "read", reverse("learning:evolution", args=[partnership.south_id])),
            overviews[0],
            *tool_pages(south, "sheet_pdf", "pdf"),
            *visits,
            ("action", "read", reverse("visits:action_detail", args=[action.pk])),
            ("tasks", "read", reverse("coaching:task_list")),
        ],
        "focal point North": [
            *home,
            *partnership_page,
            *tool_pages(SHEETS_OF["focal point North"], "sheet_detail", "read", numbers={5, 9}),
            *tool_pages(SHEETS_OF["focal point North"], "sheet_update", "edit", numbers={3, 9}),
            # The journal per objective: only the visiting North keeps one (March 2025).
            *tool_pages(SHEETS_OF["focal point North"], "sheet_pdf", "pdf", numbers={9}),
            (
                "journal day",
                "edit",
                reverse("visits:journal_day", args=[journal.pk, journal.field_days()[1]]),
            ),
        ],
        "staff": [
            *home,
            ("partnerships", "read", reverse("partnerships:partnership_list")),
            *partnership_page,
            *exchange,
            *overviews,
            *visits[:2],
            *dashboard,
            ("evaluation", "read", reverse("coaching:evaluation_detail", args=[evaluation.pk])),
            ("methodology log", "read", reverse("coaching:adjustment_list")),
            # The final report with every appendix, started from the programme's report page
            # and built as the report job builds it, in a process of its own (bench/measure.py).
            (
                "final report",
                "report",
                reverse("reports:job_create_programme", args=[programme]),
            ),
        ],
        "consultant": [*home, *question_page, overviews[-1], *dashboard, *coaching],
        "observer": [*home, *partnership_page, overviews[0]],
    }
    return [
        {"role": role, "username": ROLES[role], "page": page, "kind": kind, "url": url}
        for role, rows in per_role.items()
        for page, kind, url in rows
    ]


if __name__ == "__main__":
    print(json.dumps(pages()))
