"""On a phone: Ouinhi's focal point, back from its visit to Laarne, turns what it found
concretely applicable into an action of its action plan in one step, then records its progress
with a link and, when politics stops it, suspends it with the reason."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from visits.models import Action
from visits.services import plan_visit

pytestmark = pytest.mark.django_db(transaction=True)

MONDAY = datetime.date(2024, 9, 23)
LEARNED = "Set up an advisory council of market vendors"


def submit(page, form):
    with page.expect_navigation():
        page.locator(f"{form} button[type=submit]").tap()


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_applicable_learning_becomes_an_action_followed_on_a_phone(
    phone, live_server, login, programme, partnership, partner_focal_point
):
    visit = plan_visit(
        programme=programme,
        direction="south_north",
        start_date=MONDAY,
        end_date=MONDAY + datetime.timedelta(days=4),
        partnerships=[partnership],
    )
    delegation = visit.delegations.get()
    page = login(phone, partner_focal_point)

    # From the journal's "concretely applicable learning": the action, prefilled.
    new = reverse("visits:action_new", args=[delegation.pk])
    page.goto(f"{live_server.url}{new}?text={LEARNED.replace(' ', '+')}")
    expect(page.locator("#id_action")).to_have_value(LEARNED)
    page.locator("#id_responsible").fill("Market manager")
    page.locator("#id_budget").fill("1500")
    assert fits_the_phone(page)
    submit(page, "#action-form")
    action = Action.objects.get()
    assert action.sheet.delegation == delegation

    # Progress, with a link as evidence.
    page.locator("#note-form #id_date").fill("2025-04-10")
    page.locator("#note-form #id_text").fill("First meeting of the vendors' council.")
    page.locator("#note-form #id_link").fill("https://ouinhi.example/council")
    submit(page, "#note-form")
    expect(page.locator(".action-note").first).to_contain_text("First meeting")
    assert fits_the_phone(page)

    # Suspended without a reason: refused, nothing lost; with the reason: saved.
    page.locator("#status-form #id_status").select_option("suspended")
    submit(page, "#status-form")
    expect(
        page.locator("#status-form .invalid-feedback, #status-form .errorlist").first
    ).to_be_visible()
    expect(page.locator("#status-form #id_status")).to_have_value("suspended")
    page.locator("#status-form #id_status_reason").fill("Interrupted by political decisions.")
    submit(page, "#status-form")
    action.refresh_from_db()
    assert action.status == Action.Status.SUSPENDED
    assert action.status_reason == "Interrupted by political decisions."
    expect(page.locator("main")).to_contain_text("Interrupted by political decisions.")
