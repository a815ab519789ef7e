"""On a phone, Laarne's focal point fills in an activity profile (tool 2), adds and removes
strategy rows without a reload, shares it, and Ouinhi's focal point reads it and comments."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from learning.models import Comment
from learning.tools.activity_profile import ActivityProfile
from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

ROWS = "#strategies-rows [data-formset-row]"


def fill_strategy(page, index, text, *, phases, quantity, quality, comments=""):
    prefix = f"#id_strategies-{index}"
    page.locator(f"{prefix}-strategy").fill(text)
    for phase in phases:
        page.locator(f'input[name="strategies-{index}-phases"][value="{phase}"]').check()
    page.locator(f"{prefix}-quantity").select_option(str(quantity))
    page.locator(f"{prefix}-quality").select_option(str(quality))
    if comments:
        page.locator(f"{prefix}-comments").fill(comments)


def add_row(page):
    count = page.locator(ROWS).count()
    page.locator('[data-formset-add="strategies"]').tap()
    expect(page.locator(ROWS)).to_have_count(count + 1)


def test_focal_point_fills_in_tool_2_on_a_phone_and_the_partner_comments(
    browser, phone, live_server, login, focal_point, partner_focal_point, laarne
):
    page = login(phone, focal_point)
    page.goto(
        live_server.url + reverse("learning:sheet_create", args=["activity-profile", laarne.pk])
    )
    page.locator("#id_project_name").fill("Village council chosen by drawing lots")
    page.locator("#id_project_description").fill("A new council for the village of Kalken.")

    # The empty form offers one row; two more are added, and the second is removed again.
    expect(page.locator(ROWS)).to_have_count(1)
    fill_strategy(
        page,
        0,
        "Invitation letter to 500 residents drawn by lot",
        phases=["design"],
        quantity=7,
        quality=8,
        comments="One in ten answered.",
    )
    add_row(page)
    fill_strategy(page, 1, "Poster campaign", phases=["execution"], quantity=3, quality=2)
    add_row(page)
    fill_strategy(
        page,
        2,
        "Evaluation evening with the council members",
        phases=["monitoring_evaluation"],
        quantity=6,
        quality=9,
    )
    page.locator(ROWS).nth(1).locator("[data-formset-remove]").tap()
    expect(page.locator(ROWS)).to_have_count(2)
    expect(page.locator("#id_strategies-TOTAL_FORMS")).to_have_value("2")

    with page.expect_navigation():
        page.get_by_role("button", name="Save").tap()

    sheet = ActivityProfile.objects.get()
    assert page.url.endswith(sheet.get_absolute_url())
    assert [row.strategy for row in sheet.strategies.all()] == [
        "Invitation letter to 500 residents drawn by lot",
        "Evaluation evening with the council members",
    ]
    table = page.locator(".strategy-table")
    expect(table).to_contain_text("Evaluation evening with the council members")
    expect(table).not_to_contain_text("Poster campaign")
    expect(page.locator("svg.strategy-chart .strategy-point")).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # On a second visit a saved row is removed and a new one added, still without a reload.
    page.get_by_role("link", name="Edit").tap()
    expect(page.locator(ROWS)).to_have_count(3)  # two saved rows and the empty one
    page.locator(ROWS).nth(0).locator("[data-formset-remove]").tap()
    expect(page.locator(ROWS).nth(0)).to_be_hidden()
    fill_strategy(
        page, 2, "Council meetings in the evening", phases=["execution"], quantity=8, quality=7
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Save").tap()
    assert [row.strategy for row in sheet.strategies.all()] == [
        "Evaluation evening with the council members",
        "Council meetings in the evening",
    ]

    with page.expect_navigation():
        page.get_by_role("button", name="Share with the partner").tap()
    sheet.refresh_from_db()
    assert sheet.status == ActivityProfile.Status.SHARED

    # Ouinhi's focal point, on a phone of their own, reads it and asks a question.
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="fr-BE")
    partner = login(context.new_page(), partner_focal_point)
    partner.goto(live_server.url + sheet.get_absolute_url())
    expect(partner.locator(".strategy-table")).to_contain_text("Council meetings in the evening")
    expect(partner.locator("svg.strategy-chart .strategy-point")).to_have_count(2)
    edit_url = reverse("learning:sheet_update", args=["activity-profile", sheet.pk])
    expect(partner.locator(f'a[href="{edit_url}"]')).to_have_count(0)
    partner.locator("#comments textarea").fill("Comment avez-vous tiré les habitants au sort ?")
    partner.locator("#comments button[type=submit]").tap()
    expect(partner.locator("#comments")).to_contain_text(
        "Comment avez-vous tiré les habitants au sort ?"
    )
    context.close()

    comment = Comment.objects.get()
    assert comment.author == partner_focal_point
    assert comment.sheet == sheet
