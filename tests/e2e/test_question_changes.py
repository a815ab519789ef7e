"""On a phone, the consultant of Laarne and Sint-Truiden splits Sint-Truiden's question after a
preview, merges one half with Laarne's question into their joint table, moves the other half
there, rewords and drops; the evolution overview then reads as the report does."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from learning.tools.learning_questions import LearningQuestion
from tests.e2e.conftest import PHONE
from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    LocalGovernmentFactory,
    PartnershipFactory,
    SouthLocalGovernmentFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def submit(page, button="main form button.btn-primary"):
    with page.expect_navigation():
        page.locator(button).first.tap()


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_consultant_splits_merges_moves_rewords_and_drops_on_a_phone(
    phone, live_server, login, consultant, programme, laarne
):
    sint_truiden = LocalGovernmentFactory(name="Sint-Truiden")
    PartnershipFactory(
        programme=programme, north=sint_truiden, south=SouthLocalGovernmentFactory(name="Covè")
    ).consultants.add(consultant)
    own = LearningQuestionTableFactory(programme=programme, owners=[laarne])
    theirs = LearningQuestionTableFactory(programme=programme, owners=[sint_truiden])
    joint = LearningQuestionTableFactory(programme=programme, owners=[laarne, sint_truiden])
    councils = LearningQuestionFactory(table=own, order=1, text="Revive our councils?")
    witches = LearningQuestionFactory(table=own, order=2, text="Witches and rights?")
    trust = LearningQuestionFactory(table=theirs, order=1, text="Vertrouwen van de burger?")
    for table in (own, theirs, joint):  # shared once written
        table.status = "shared"
        table.save()
    page = login(phone, consultant)

    # Split Sint-Truiden's question in two, after a look at the preview.
    page.goto(live_server.url + reverse("learning:question_split", args=[trust.pk]))
    page.locator("#id_first").fill("Lokale verkoop van lokale producten?")
    page.locator("#id_second").fill("Participatie in de landbouwraad?")
    page.locator("#id_trigger").select_option("other")
    submit(page, "button[name=preview]")
    expect(page.locator("#preview")).to_contain_text("Participatie in de landbouwraad?")
    assert not LearningQuestion.objects.filter(text="Participatie in de landbouwraad?").exists()
    assert fits_the_phone(page)
    submit(page)
    sale = LearningQuestion.objects.get(text="Lokale verkoop van lokale producten?")
    council = LearningQuestion.objects.get(text="Participatie in de landbouwraad?")

    # Merge Laarne's question and one half into the joint table.
    page.goto(live_server.url + reverse("learning:question_reformulate", args=[councils.pk]))
    page.locator("#id_text").fill("Citizen participation in councils?")
    page.locator("#id_table").select_option(str(joint.pk))
    page.locator(f"input[name=also_replaces][value='{council.pk}']").check()
    assert fits_the_phone(page)
    submit(page)
    merged = LearningQuestion.objects.get(table=joint, status="active")
    assert set(merged.replaces.all()) == {councils, council}
    expect(page.locator(".question-text")).to_have_text("Citizen participation in councils?")

    # Move the other half into the joint table, then reword it there.
    page.goto(live_server.url + reverse("learning:question_reformulate", args=[sale.pk]))
    page.locator("#id_table").select_option(str(joint.pk))
    submit(page)
    moved = LearningQuestion.objects.get(table=joint, text=sale.text, status="active")
    page.goto(live_server.url + reverse("learning:question_reformulate", args=[moved.pk]))
    page.locator("#id_text").fill("Local marketing of local products?")
    submit(page)

    # Drop the witches question, with a reason.
    page.goto(live_server.url + reverse("learning:question_drop", args=[witches.pk]))
    page.locator("#id_reason").fill("A sensitive matter")
    submit(page, "main form button[type=submit]")
    witches.refresh_from_db()
    assert witches.status == LearningQuestion.Status.DROPPED

    # The overview: the questions as first shared, and both joint questions under each owner.
    page.goto(live_server.url + reverse("learning:evolution_overview", args=[programme.pk]))
    laarne_row = page.locator("#evolution-table tbody tr", has_text="Laarne")
    expect(laarne_row.locator("td").nth(0)).to_contain_text("Revive our councils?")
    expect(laarne_row.locator("td").nth(0)).to_contain_text("Witches and rights?")
    for row in (laarne_row, page.locator("#evolution-table tbody tr", has_text="Sint-Truiden")):
        expect(row.locator("td").nth(1)).to_contain_text("Citizen participation in councils?")
        expect(row.locator("td").nth(1)).to_contain_text("Local marketing of local products?")
    # And Laarne's timeline draws the merge, with Sint-Truiden's half as a stub.
    page.goto(live_server.url + reverse("learning:evolution", args=[laarne.pk]))
    expect(page.locator("svg").first).to_contain_text("Participatie in de landbouwraad?")
    assert fits_the_phone(page)
