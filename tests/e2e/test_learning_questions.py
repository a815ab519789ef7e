"""On a phone, Ouinhi's focal point writes a learning question with its obstacles and ordered
sub-questions; Laarne's focal point answers it with a document; the consultant adds a coaching
note; Ouinhi reformulates the question; the evolution table shows both wordings.

Ouinhi's focal point works in French, so the steps find buttons by their place in the page,
not by their (translated) labels."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from learning.tools.learning_questions import (
    CoachingNote,
    LearningQuestion,
    LearningQuestionTable,
    Response,
)
from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

FIRST = "Comment la commune peut-elle faire payer plus d'impôts aux acteurs économiques ?"
SECOND = "Comment la commune peut-elle au mieux soutenir les acteurs économiques locaux ?"
SUBQUESTIONS = "#subquestions-rows [data-formset-row]"


def submit(page, form_selector):
    with page.expect_navigation():
        page.locator(f"{form_selector} button[type=submit]").first.click()


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_question_is_written_answered_coached_reformulated_and_its_evolution_shown(
    browser, phone, live_server, login, partner_focal_point, focal_point, consultant, ouinhi
):
    # Ouinhi writes the question on a phone and shares the table.
    page = login(phone, partner_focal_point)
    page.goto(
        live_server.url + reverse("learning:sheet_create", args=["learning-questions", ouinhi.pk])
    )
    page.locator("#id_questions-0-order").fill("1")
    page.locator("#id_questions-0-text").fill(FIRST)
    page.locator("#id_questions-0-sdg_tags").fill("17.1")
    submit(page, "form.sheet-form")
    table = LearningQuestionTable.objects.get()
    question = LearningQuestion.objects.get()
    assert question.tags == ["17.1"]
    submit(page, 'form[action$="/share/"]')
    table.refresh_from_db()
    assert table.status == LearningQuestionTable.Status.SHARED

    # ...then its obstacles and sub-questions, reordered with the arrows.
    page.locator(f'a[href="{question.get_absolute_url()}"]').first.tap()
    page.locator(f'a[href="{reverse("learning:question_update", args=[question.pk])}"]').tap()
    page.locator('[data-formset-add="obstacles"]').tap()
    page.locator("#id_obstacles-0-text").fill("Les commerçants ne voient pas à quoi sert l'impôt.")
    for index, (text, priority) in enumerate(
        [("Qui paie l'impôt aujourd'hui ?", "like"), ("Que demandent les commerçants ?", "must")]
    ):
        page.locator('[data-formset-add="subquestions"]').tap()
        page.locator(f"#id_subquestions-{index}-text").fill(text)
        page.locator(f"#id_subquestions-{index}-priority").select_option(priority)
    expect(page.locator(SUBQUESTIONS)).to_have_count(2)
    page.locator(SUBQUESTIONS).nth(1).locator('[data-move="up"]').tap()
    expect(page.locator("#id_subquestions-1-order")).to_have_value("1")
    expect(page.locator("#id_subquestions-0-order")).to_have_value("2")
    assert fits_the_phone(page)
    submit(page, "form[data-reorder]")
    assert [(s.order, s.text, s.priority) for s in question.subquestions.all()] == [
        (1, "Que demandent les commerçants ?", "must"),
        (2, "Qui paie l'impôt aujourd'hui ?", "like"),
    ]
    expect(page.locator(".subquestions")).to_contain_text("Must have")
    assert fits_the_phone(page)

    # Laarne's focal point answers it, with a document.
    laarne_context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    laarne = login(laarne_context.new_page(), focal_point)
    laarne.goto(live_server.url + question.get_absolute_url())
    laarne.locator("#id_text").fill("Au marché de Laarne, nous consultons les marchands.")
    laarne.locator("#id_links").fill("https://ouinhi.mairie.bj/")
    laarne.locator("#id_files").set_input_files(
        {"name": "statuts.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 statuts"}
    )
    submit(laarne, 'form[action$="/responses/"]')
    response = Response.objects.get()
    assert response.local_government.name == "Laarne"
    assert response.attachments.get().original_name == "statuts.pdf"
    expect(laarne.locator(f"#response-{response.pk}")).to_contain_text("statuts.pdf")
    laarne_context.close()

    # The consultant adds a coaching note, which Ouinhi does not see.
    consultant_context = browser.new_context(viewport={"width": 1280, "height": 800})
    coach = login(consultant_context.new_page(), consultant)
    coach.goto(live_server.url + question.get_absolute_url())
    coach.locator("#coaching-notes textarea").fill(
        "Partir des besoins des acteurs, pas de l'impôt."
    )
    submit(coach, "#coaching-notes form")
    assert CoachingNote.objects.get().author == consultant
    expect(coach.locator("#coaching-notes")).to_contain_text("Partir des besoins des acteurs")

    # Ouinhi reads the answer and reformulates the question.
    page.goto(live_server.url + question.get_absolute_url())
    expect(page.locator("#responses")).to_contain_text("nous consultons les marchands")
    expect(page.locator("#coaching-notes")).to_have_count(0)
    page.locator(f'a[href="{reverse("learning:question_reformulate", args=[question.pk])}"]').tap()
    page.locator("#id_text").fill(SECOND)
    page.locator("#id_trigger").select_option("partner_response")
    submit(page, "main form")
    new = LearningQuestion.objects.get(status="active")
    assert page.url.endswith(new.get_absolute_url())
    expect(page.locator(".question-text")).to_have_text(SECOND)
    assert [s.text for s in new.subquestions.all()] == [
        "Que demandent les commerçants ?",
        "Qui paie l'impôt aujourd'hui ?",
    ]

    # The evolution table shows both wordings: the first as initial, the new one as final.
    coach.goto(live_server.url + reverse("learning:evolution_overview", args=[table.programme_id]))
    row = coach.locator("#evolution-table tbody tr", has_text="Ouinhi")
    expect(row.locator("td").nth(0)).to_contain_text(FIRST)
    expect(row.locator("td").nth(1)).to_contain_text(SECOND)
    consultant_context.close()

    # And Ouinhi's own timeline, on the phone, from the first to the current wording.
    page.goto(live_server.url + reverse("learning:evolution", args=[ouinhi.pk]))
    steps = page.locator(".timeline-step")
    expect(steps).to_have_count(2)
    expect(steps.nth(0)).to_contain_text(FIRST)
    expect(steps.nth(1)).to_contain_text(SECOND)
    assert fits_the_phone(page)
