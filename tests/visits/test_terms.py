"""The terms of reference (tool 7): validated by the visiting municipality's team, signed by the
host's, frozen once validated, reopened with a reason; the parts drawn from elsewhere."""

import datetime

import pytest
from django.urls import reverse

from learning import services as sheet_services
from learning.tools.registry import get_tool
from partnerships.models import Notification
from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    SubQuestionFactory,
)
from tests.learning.sheets import edit_data, url
from visits.models import SiteVisit
from visits.services import plan_visit
from visits.terms import terms_context

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2024, 9, 23)


@pytest.fixture
def delegation(partnership):
    """Laarne visits Ouinhi: Laarne's team validates, Ouinhi's signs."""
    visit = plan_visit(
        programme=partnership.programme,
        direction=SiteVisit.Direction.NORTH_TO_SOUTH,
        start_date=MONDAY,
        end_date=MONDAY + datetime.timedelta(days=4),
        partnerships=[partnership],
    )
    return visit.delegations.get()


@pytest.fixture
def must_have(partnership, laarne):
    table = LearningQuestionTableFactory(
        programme=partnership.programme, owners=[laarne], status="shared"
    )
    question = LearningQuestionFactory(table=table, order=1, text="How to run a market?")
    return SubQuestionFactory(question=question, order=1, text="Fees?", priority="must")


def make(tool_slug, delegation, user, **values):
    tool = get_tool(tool_slug)
    return sheet_services.sheet_create(
        tool=tool,
        owner=delegation.visitor,
        programme=delegation.visit.programme,
        user=user,
        values={"delegation": delegation, **values},
        rows={},
    )


@pytest.fixture
def terms(delegation, focal_point):
    return make("terms-of-reference", delegation, focal_point, context="Two years together.")


def move(client, user, sheet, transition, **data):
    client.force_login(user)
    response = client.post(url("sheet_transition", sheet, transition=transition), data, follow=True)
    sheet.refresh_from_db()
    return response


def test_the_visitor_validates_and_the_host_signs(client, terms, focal_point, partner_focal_point):
    move(client, focal_point, terms, "validate")
    assert (terms.status, terms.validated_by) == ("validated", focal_point)

    move(client, partner_focal_point, terms, "sign")

    assert (terms.status, terms.signed_by) == ("signed", partner_focal_point)
    assert terms.signed_at is not None


def test_signing_a_draft_is_refused_with_a_message(client, terms, partner_focal_point):
    response = move(client, partner_focal_point, terms, "sign")

    assert response.status_code == 200
    # Ouinhi's focal point reads French.
    assert "seuls des termes validés peuvent être signés" in response.text
    assert terms.status == "draft"


def test_the_host_may_not_validate_nor_the_visitor_sign(
    client, terms, focal_point, partner_focal_point
):
    client.force_login(partner_focal_point)
    assert client.post(url("sheet_transition", terms, transition="validate")).status_code == 403
    move(client, focal_point, terms, "validate")
    assert client.post(url("sheet_transition", terms, transition="sign")).status_code == 403
    terms.refresh_from_db()
    assert terms.status == "validated"


@pytest.mark.parametrize("signed", [False, True], ids=["validated", "signed"])
def test_validated_or_signed_terms_refuse_edits_with_the_reason(
    client, terms, focal_point, partner_focal_point, signed
):
    move(client, focal_point, terms, "validate")
    if signed:
        move(client, partner_focal_point, terms, "sign")
    client.force_login(focal_point)

    page = client.get(url("sheet_update", terms))
    posted = client.post(url("sheet_update", terms), edit_data(terms.tool, terms, "Later"))

    assert page.status_code == posted.status_code == 403
    assert "it can no longer be changed" in page.text
    terms.refresh_from_db()
    assert terms.context == "Two years together."


def test_reopening_without_a_reason_keeps_the_status_and_says_why(
    client, terms, focal_point, partner_focal_point
):
    move(client, focal_point, terms, "validate")

    response = move(client, partner_focal_point, terms, "reopen", text="  ")

    assert "Dites pourquoi les termes de référence sont rouverts." in response.text
    assert terms.status == "validated"


def test_reopening_voids_both_signatures_and_tells_both_sides(
    client, terms, focal_point, partner_focal_point, consultant
):
    move(client, focal_point, terms, "validate")
    move(client, partner_focal_point, terms, "sign")
    Notification.objects.all().delete()

    move(client, consultant, terms, "reopen", text="The market is closed that day.")

    assert terms.status == "draft"
    assert (terms.validated_by, terms.validated_at, terms.signed_by, terms.signed_at) == (
        None,
        None,
        None,
        None,
    )
    assert terms.frozen == {}
    told = set(Notification.objects.values_list("recipient", flat=True))
    assert {focal_point.pk, partner_focal_point.pk} <= told
    assert [c.text for c in terms.comments.all()] == ["The market is closed that day."]


def test_drawn_parts_are_live_in_draft_and_frozen_once_validated(
    client, delegation, terms, must_have, focal_point
):
    assert terms_context(terms)["drawn"]["questions"][0]["text"] == "How to run a market?"
    move(client, focal_point, terms, "validate")

    must_have.question.text = "How to run a fair market?"
    must_have.question.save()
    delegation.members.create(name="Lies", position="Alderman")

    drawn = terms_context(terms)["drawn"]
    assert drawn["questions"][0]["text"] == "How to run a market?"
    assert drawn["members"] == []
    assert terms_context(terms)["live"] is False
    # Reading them adds labels to a copy, not to the frozen parts of the sheet in hand (which
    # a later save would store).
    assert "priority_label" not in terms.frozen["questions"][0]["subquestions"][0]


def test_a_programme_change_after_the_signature_is_listed_on_the_terms(
    client, delegation, terms, focal_point, partner_focal_point
):
    table = make("visit-programme", delegation, focal_point, remarks="Lunch on site.")
    table = sheet_services.sheet_transition(sheet=table, name="share", user=focal_point)
    move(client, focal_point, terms, "validate")
    move(client, partner_focal_point, terms, "sign")
    assert terms_context(terms)["late_changes"] == []

    sheet_services.sheet_update(
        sheet=table,
        user=partner_focal_point,
        version=table.version,
        values={"remarks": "Lunch in town."},
        rows={},
    )

    assert terms_context(terms)["late_changes"]
    client.force_login(focal_point)
    page = client.get(terms.get_absolute_url()).text
    assert "Programme changes after signature" in page
    assert "earlier change" not in page
    # The PDF lists the change as text: what it was and what it became.
    printed = " ".join(pdf_text(client.get(url("sheet_pdf", terms)).content).split())
    assert "Programme changes after signature" in printed
    assert "Lunch on site. → Lunch in town." in printed

    # Many changes: the page shows the latest ones and links to the table's history for the rest.
    shown = get_tool("terms-of-reference").late_changes_shown
    for number in range(shown + 2):
        table.refresh_from_db()
        sheet_services.sheet_update(
            sheet=table,
            user=partner_focal_point,
            version=table.version,
            values={"remarks": f"Lunch in town, table {number}."},
            rows={},
        )
    every = terms_context(terms)["late_changes"]
    assert len(every) > shown
    page = client.get(terms.get_absolute_url()).text
    section = page.split("terms-late-changes")[1].split("</section>")[0]
    assert section.count('class="card mb-2"') == shown
    assert f"and {len(every) - shown} earlier changes" in page
    assert reverse("learning:sheet_history", args=["visit-programme", table.pk]) in page


def test_sharing_the_programme_and_validating_the_terms_warn_of_the_gaps(
    client, delegation, terms, must_have, focal_point
):
    table = make("visit-programme", delegation, focal_point)

    shared = move(client, focal_point, table, "share")
    validated = move(client, focal_point, terms, "validate")

    assert "No activity addresses 1 Must-have sub-question yet: 1.1 Fees?." in shared.text
    assert "The programme leaves 1 Must-have sub-question without an activity: 1.1 Fees?." in (
        validated.text
    )


def test_the_pdf_reads_like_the_template_with_its_validation_block(
    client, terms, must_have, focal_point, partner_focal_point
):
    move(client, focal_point, terms, "validate")

    text = " ".join(pdf_text(client.get(url("sheet_pdf", terms)).content).split())

    for heading in (
        "1. Context",
        "2. Objectives of the study visit",
        "Learning question 1: How to run a market?",
        "3. Planned activities",
        "6. General programme",
        "Validation and signature",
        "Validated by the visiting municipality: Laarne",
    ):
        assert heading in text
    assert "Two years together." in text
    client.force_login(partner_focal_point)  # reads French
    assert "Outil 7" in pdf_text(client.get(url("sheet_pdf", terms)).content)


def pdf_text(content):
    import subprocess

    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
