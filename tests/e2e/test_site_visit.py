"""On a phone: Laarne's focal point, the host, plans the activities of Ouinhi's visit; Ouinhi's
focal point links them to its sub-questions and watches the gaps go; Ouinhi validates the terms
of reference, Laarne signs them; a change to the programme after the signature is recorded on
the terms, and their PDF shows it all."""

import datetime
import subprocess

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    SubQuestionFactory,
)
from visits.models import ActivityTable, TermsOfReference
from visits.services import plan_visit

pytestmark = pytest.mark.django_db(transaction=True)

MONDAY = datetime.date(2024, 9, 23)


def save(page):
    with page.expect_navigation():
        page.locator("main form button[type=submit].btn-primary").first.tap()


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def gaps(page):
    return page.locator(".visit-gaps li")


def test_a_visit_is_planned_against_the_questions_agreed_and_changed_on_a_phone(
    browser,
    live_server,
    login,
    programme,
    partnership,
    laarne,
    ouinhi,
    focal_point,
    partner_focal_point,
):
    table = LearningQuestionTableFactory(programme=programme, owners=[ouinhi], status="shared")
    question = LearningQuestionFactory(table=table, order=1, text="Comment animer nos marchés ?")
    market = SubQuestionFactory(
        question=question, order=1, text="Qui gère le marché ?", priority="must"
    )
    SubQuestionFactory(question=question, order=2, text="Quelles taxes ?", priority="must")
    visit = plan_visit(
        programme=programme,
        direction="south_north",
        start_date=MONDAY,
        end_date=MONDAY + datetime.timedelta(days=4),
        partnerships=[partnership],
    )
    delegation = visit.delegations.get()

    def phone():
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        context.set_default_timeout(10_000)
        return context.new_page()

    # The host proposes the first activity.
    host = login(phone(), focal_point)
    create = reverse("learning:sheet_create", args=["visit-programme", laarne.pk])
    host.goto(f"{live_server.url}{create}?programme={programme.pk}&delegation={delegation.pk}")
    host.locator("#id_activities-0-date").fill("2024-09-24")
    host.locator("#id_activities-0-start").fill("09:00")
    host.locator("#id_activities-0-activity").fill("Visite du marché de Laarne")
    assert fits_the_phone(host)
    save(host)
    activities = ActivityTable.objects.get(delegation=delegation)
    expect(gaps(host)).to_have_count(2)

    # The visitor links the activity to its sub-question: one gap left.
    visitor = login(phone(), partner_focal_point)
    visitor.goto(
        live_server.url + reverse("learning:sheet_update", args=["visit-programme", activities.pk])
    )
    visitor.locator("label", has_text="Qui gère le marché ?").first.tap()
    save(visitor)
    expect(gaps(visitor)).to_have_count(1)
    expect(gaps(visitor).first).to_contain_text("Quelles taxes ?")
    assert list(activities.activities.get().subquestions.all()) == [market]
    # Shared, with the gap left named (in French, the visitor's language).
    with visitor.expect_navigation():
        visitor.locator("form[action$='/share/'] button").tap()
    expect(visitor.locator(".alert-warning").first).to_contain_text("Quelles taxes ?")

    # The visitor drafts the terms and validates them; the host signs.
    create = reverse("learning:sheet_create", args=["terms-of-reference", ouinhi.pk])
    visitor.goto(f"{live_server.url}{create}?programme={programme.pk}&delegation={delegation.pk}")
    visitor.locator("#id_context").fill("Deux ans de partenariat autour des marchés.")
    save(visitor)
    terms = TermsOfReference.objects.get(delegation=delegation)
    with visitor.expect_navigation():
        visitor.locator("form[action$='/validate/'] button").tap()
    expect(visitor.locator(".alert-warning")).to_contain_text("Quelles taxes ?")
    host.goto(live_server.url + terms.get_absolute_url())
    with host.expect_navigation():
        host.locator("form[action$='/sign/'] button").tap()
    terms.refresh_from_db()
    assert terms.status == "signed" and terms.signed_by == focal_point
    assert terms.validated_by == partner_focal_point

    # The programme changes after the signature: the terms record it.
    host.goto(
        live_server.url + reverse("learning:sheet_update", args=["visit-programme", activities.pk])
    )
    host.locator("#id_activities-0-start").fill("10:30")
    save(host)
    host.goto(live_server.url + terms.get_absolute_url())
    expect(host.locator(".terms-late-changes")).to_contain_text("10:30")
    assert fits_the_phone(host)

    pdf = host.request.get(
        live_server.url + reverse("learning:sheet_pdf", args=["terms-of-reference", terms.pk])
    )
    assert pdf.ok
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf.body(), capture_output=True, check=True
    ).stdout.decode()
    for expected in (
        "Visite du marché de Laarne",
        "Qui gère le marché ?",
        "10:30",
        "Signed by the host",
    ):
        assert expected in text, expected
