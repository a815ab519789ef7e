"""Content sweeps: every role opens every page it can reach; no page shows what it must not read.

The world (tests/permissions/world.py) types a marker into every text field and row of each
sheet: Laarne's programme-A drafts, what Ouinhi typed into its sheets before retyping and sharing
them (the marker then lives only in their history), programme B's sheets and comment, and the
position and e-mail address of Laarne's team. For each role, every page of the site that takes a
GET is opened with every object of the world, and so is every admin page; a page that answers
200 must not contain a marker the role may not read, before or after sharing. A failure names
the role, the URL and the marker.
"""

import shutil
import subprocess

import pytest
from django.conf import settings
from django.contrib import admin
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from coaching import timezones
from learning.tools.learning_questions import LearningQuestion
from partnerships import freshness
from partnerships.models import LocalGovernment
from tests.permissions.matrix import PERSONAS
from tests.permissions.matrix_admin import admin_object
from tests.permissions.urls import patterns
from visits.models import Delegation, SiteVisit

pytestmark = pytest.mark.django_db

# Patterns that take no GET (or serve files): the status matrix covers them.
NOT_SWEPT = {
    "logout",
    "set_language",
    "invitation_accept",
    "media",
    "learning:sheet_transition",
    "learning:comment_create",
    "learning:coachingnote_create",
    "learning:subquestion_status",
    "learning:attachment_download",
    "partnerships:notification_open",
    "partnerships:notifications_read",
    "reports:job_download",
    "visits:delegation_reinstate",
    # Posts that answer with a redirect, or a file as it was uploaded.
    "visits:action_status",
    "visits:action_note_create",
    "visits:action_note_file",
    "visits:journal_start",
    "coaching:meeting_record",
    "coaching:task_create",
    "coaching:preread_send",
    "coaching:task_done",
    # A person's own secret address, opened by their calendar without a log-in; its contents
    # are tested in tests/coaching.
    "coaching:calendar_feed",
}


def site_kwargs(w):
    """Every site page to open, as {pattern name: [kwargs, ...]}, with every world object."""
    from visits.models import Action, JournalByActivity, JournalByObjective, JournalEntry

    actions = [{"pk": pk} for pk in Action.objects.values_list("pk", flat=True)]
    entries = [{"entry": pk} for pk in JournalEntry.objects.values_list("pk", flat=True)]
    by_activity = [{"pk": pk} for pk in JournalByActivity.objects.values_list("pk", flat=True)]
    days = [
        {"pk": journal.pk, "date": journal.field_days()[0].isoformat()}
        for journal in JournalByObjective.objects.all()
    ]
    meetings = [{"pk": meeting.pk} for meeting in w.meetings.values()]
    slugs = list(w.draft_a)
    sheets = [{"slug": sheet.tool.slug, "pk": sheet.pk} for _kind, sheet in w.sheets()]
    questions = [{"pk": pk} for pk in LearningQuestion.objects.values_list("pk", flat=True)]
    # The forms around a question show the question as its page does: one per table will do.
    first_questions = [
        {"pk": table.questions.order_by("order").first().pk}
        for _kind, table in w.sheets()
        if table.tool.slug == "learning-questions"
    ]
    partnerships = [{"pk": p.pk} for p in (w.partnership, w.other_partnership, w.partnership_b)]
    local_governments = [{"pk": pk} for pk in LocalGovernment.objects.values_list("pk", flat=True)]
    programmes = [{"pk": w.programme.pk}, {"pk": w.programme_b.pk}]
    reports = [{"pk": w.report.pk}, {"pk": w.failed_report.pk}]
    # The site visits and their delegations, whose pages list the site-visit tools' sheets.
    visits = [{"pk": pk} for pk in SiteVisit.objects.values_list("pk", flat=True)]
    delegations = [{"pk": pk} for pk in Delegation.objects.values_list("pk", flat=True)]
    return {
        "home": [{}],
        "healthz": [{}],
        "favicon": [{}],
        "login": [{}],
        "password_change": [{}],
        "partnerships:notification_list": [{}],
        "partnerships:settings": [{}],
        "partnerships:partnership_list": [{}],
        "partnerships:partnership_detail": partnerships,
        "partnerships:partnership_status": partnerships,
        "partnerships:partnership_invite": partnerships,
        "partnerships:localgovernment_detail": local_governments,
        "partnerships:localgovernment_invite": local_governments,
        "partnerships:localgovernment_update": local_governments,
        "partnerships:localgovernment_create": [{}],
        "partnerships:partnership_create": [{}],
        "learning:sheet_list": [{"slug": slug} for slug in slugs],
        "learning:sheet_create": [
            {"slug": slug, "owner": owner.pk} for slug in slugs for owner in (w.laarne, w.bohicon)
        ],
        "learning:sheet_detail": sheets,
        "learning:sheet_update": sheets,
        "learning:sheet_history": sheets,
        "learning:sheet_print": sheets,
        # Rendered only where the print page of the same sheet opened (see sweep()).
        "learning:sheet_pdf": sheets,
        "learning:question_detail": questions,
        "learning:question_update": questions,
        "learning:question_reformulate": first_questions,
        "learning:question_drop": first_questions,
        "learning:question_split": first_questions,
        "learning:question_place": [
            {**question, "owner": lg["pk"]}
            for question in first_questions
            for lg in local_governments
        ],
        "learning:response_create": first_questions,
        "learning:partnership_exchange": partnerships,
        "learning:supply_demand": programmes,
        "learning:knowledge_network": programmes,
        "learning:evolution": local_governments,
        "learning:evolution_overview": programmes,
        "reports:job_list": [{}],
        "reports:job_detail": reports,
        "reports:job_progress": reports,
        "reports:job_create_programme": programmes,
        "reports:narrative_update": programmes,
        "reports:job_create_partnership": partnerships,
        "reports:job_create_local_government": local_governments,
        "visits:visit_list": [{}],
        "visits:visit_create": [{}],
        "visits:visit_detail": visits,
        "visits:visit_update": visits,
        "visits:delegation_detail": delegations,
        "visits:delegation_members": delegations,
        "visits:delegation_withdraw": delegations,
        "visits:delegation_priorities": delegations,
        "visits:action_detail": actions,
        "visits:action_question": actions,
        "visits:action_new": delegations,
        "visits:journal_entry": entries,
        "visits:journal_entry_add": by_activity,
        "visits:journal_day": days,
        "coaching:dashboard": [{}],
        "coaching:meeting_list": [{}],
        "coaching:meeting_create": [{}],
        "coaching:meeting_detail": meetings,
        "coaching:meeting_update": meetings,
        "coaching:meeting_preread": meetings,
        "coaching:meeting_ics": meetings,
        "coaching:task_list": [{}],
        "coaching:calendar_feed_settings": [{}],
        "coaching:evaluation_list": [{}],
        "coaching:evaluation_create": [{}],
        "coaching:evaluation_detail": [{"pk": w.evaluation.pk}],
        "coaching:evaluation_update": [{"pk": w.evaluation.pk}],
        "coaching:evaluation_answer": [{"pk": w.evaluation.pk}],
        "coaching:adjustment_list": [{}],
        "coaching:adjustment_create": [{}],
        "coaching:adjustment_update": [{"pk": w.adjustment.pk}],
        "learning:evolution_summary_update": [
            {"programme": programme["pk"], "pk": lg["pk"]}
            for programme in programmes
            for lg in local_governments
        ],
    }


def site_urls(w):
    pages = site_kwargs(w)
    return [reverse(name, kwargs=kwargs) for name, many in pages.items() for kwargs in many]


def admin_urls(w):
    """The admin's index, app lists and changelists, and the change, history and revert pages
    of every sheet, comment and of the world's object of every other model."""
    urls = [reverse("admin:index")]
    urls += [reverse("admin:app_list", kwargs={"app_label": app}) for app in ("learning",)]
    objects = [sheet for _kind, sheet in w.sheets()] + [w.comment_a, w.comment_b]
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        urls.append(reverse("admin:{}_{}_changelist".format(*info)))
        if not any(isinstance(obj, model) for obj in objects):
            objects.append(admin_object(w, model))
    # The sheets of a model the admin does not show (yet) have no admin pages to sweep.
    for obj in (obj for obj in objects if type(obj) in admin.site._registry):
        info = (obj._meta.app_label, obj._meta.model_name)
        for page in ("change", "history"):
            urls.append(reverse("admin:{}_{}_{}".format(*info, page), args=[obj.pk]))
        if hasattr(obj, "history"):
            for record in obj.history.order_by("history_id"):
                urls.append(
                    reverse(
                        "admin:{}_{}_simple_history".format(*info),
                        args=[obj.pk, record.history_id],
                    )
                )
    return urls


def text_of(response):
    if response["Content-Type"].startswith("application/pdf"):
        if not shutil.which("pdftotext"):
            return ""
        result = subprocess.run(
            ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
        )
        return result.stdout.decode()
    if response.streaming:
        return ""
    return response.content.decode(errors="replace")


def logged_in(world, role):
    client = Client(raise_request_exception=False)
    if (user := world.user(role)) is not None:
        client.force_login(user)
    return client


def sweep(world, role, urls, *, fresh=True, client=None):
    """[(url, marker)] for every page `role` opens that shows a marker it must not read; each
    page rendered afresh, or (`fresh=False`) from what the pages keep in the cache."""
    client = client or logged_in(world, role)
    forbidden = world.forbidden(role)
    # A PDF is rendered (slow) only where the role opened the print page of a sheet whose
    # text it must not read; the print page shows what the PDF shows.
    pdfs = {
        reverse("learning:sheet_pdf", kwargs={"slug": sheet.tool.slug, "pk": sheet.pk})
        for _kind, sheet in world.sheets()
        if world.sheet_marker(sheet) in forbidden
    }
    printable = set()
    leaks = []
    for url in urls:
        if url.endswith("/pdf/") and (url not in pdfs or url[:-4] + "print/" not in printable):
            continue
        if fresh:
            cache.clear()
        translation.activate("en")
        response = client.get(url)
        if response.status_code >= 500:
            leaks.append((url, f"answers {response.status_code}"))
        if response.status_code != 200:
            continue
        if url.endswith("/print/"):
            printable.add(url)
        text = text_of(response).lower()
        leaks += [(url, marker) for marker in forbidden if marker in text]
        if "functools.partial(" in text:  # a value handed over to be read, printed unread
            leaks.append((url, "functools.partial"))
    return leaks


def report(role, leaks):
    return f"{role} read what it must not:\n" + "\n".join(
        f"  {role} GET {url}: {marker}" for url, marker in leaks
    )


def test_every_get_pattern_of_the_site_is_swept(world):
    swept = set(site_kwargs(world)) | NOT_SWEPT
    missing = sorted(
        pattern.key
        for pattern in patterns()
        if pattern.namespace != "admin"
        and not pattern.route.startswith("admin/")
        and pattern.key not in swept
    )
    assert not missing, f"Patterns the content sweep does not open (see site_kwargs): {missing}"


def test_the_world_carries_its_markers(world, client):
    """The markers are where the sweeps look for them: the superuser reads each one."""
    client.force_login(world.superuser)
    urls = [
        reverse(name, kwargs={"slug": sheet.tool.slug, "pk": sheet.pk})
        for _kind, sheet in world.sheets()
        for name in ("learning:sheet_detail", "learning:sheet_history")
    ]
    urls.append(reverse("partnerships:localgovernment_detail", args=[world.laarne.pk]))
    urls.append(reverse("reports:job_detail", args=[world.failed_report.pk]))
    urls += [reverse("coaching:meeting_detail", args=[m.pk]) for m in world.meetings.values()]
    urls.append(reverse("coaching:evaluation_detail", args=[world.evaluation.pk]))
    urls.append(reverse("coaching:adjustment_list"))
    text = " ".join(client.get(url).content.decode() for url in urls).lower()
    missing = [marker for marker in world.markers if marker not in text]
    assert not missing, f"Markers no page shows, so the sweeps cannot find them: {missing}"


@pytest.mark.parametrize("role", [role for role in ("anonymous", *PERSONAS) if role != "superuser"])
def test_no_site_page_shows_what_the_role_must_not_read(role, world):
    leaks = sweep(world, role, site_urls(world))
    assert not leaks, report(role, leaks)


@pytest.mark.parametrize(
    "role", ["partner_focal_point", "observer", "stranger", "consultant_b", "bohicon_focal_point"]
)
def test_no_kept_page_shows_a_role_what_the_superuser_was_shown(role, world):
    """Pages keep what they rendered until the data changes (`{% kept %}`), a sheet's partial
    once for all its readers: after the superuser has opened every page, which keeps what it
    was shown, the role still reads only what it may."""
    urls = site_urls(world)
    # Both logged in first (logging in saves the person: a change of the data, after which
    # nothing kept is read), and reading in one language and time zone, which the pages keep
    # apart.
    superuser, client = logged_in(world, "superuser"), logged_in(world, role)
    for each in (superuser, client):
        each.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        session = each.session
        session[timezones.SESSION_KEY] = "Europe/Brussels"
        session.save()
    # A first visit of some pages writes (a calendar's address, say): once, for both.
    for each in (superuser, client):
        for url in urls:
            each.get(url)
    kept = freshness.token()
    assert not sweep(world, "superuser", urls, fresh=False, client=superuser)
    leaks = sweep(world, role, urls, fresh=False, client=client)
    assert not leaks, report(role, leaks)
    assert freshness.token() == kept  # what the superuser was shown was still kept


@pytest.mark.parametrize("role", [role for role in ("anonymous", *PERSONAS) if role != "superuser"])
def test_no_admin_page_shows_what_the_role_must_not_read(role, world):
    leaks = sweep(world, role, admin_urls(world))
    assert not leaks, report(role, leaks)
