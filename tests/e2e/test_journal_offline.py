"""On a phone, a delegation member fills a day of the learning journal per objective (tool 9);
the network drops halfway: the save that fails says so, nothing typed is lost, and once the
network is back the save goes through."""

import datetime

import pytest
from django.urls import reverse

from learning import services as sheet_services
from learning.tools.registry import get_tool
from tests.factories import DelegationFactory, LearningQuestionFactory, LearningQuestionTableFactory
from visits.models import DailyScore, JournalDay, JournalObjective

pytestmark = pytest.mark.django_db(transaction=True)

MONDAY = datetime.date(2024, 9, 23)
FIRST = "The market council meets every month."
SECOND = "Women lead the vendors' association."


@pytest.fixture
def journal(partnership, ouinhi, partner_focal_point):
    delegation = DelegationFactory(partnership=partnership)  # Ouinhi visits Laarne
    sheet = sheet_services.sheet_create(
        tool=get_tool("journal-per-objective"),
        owner=ouinhi,
        programme=partnership.programme,
        user=partner_focal_point,
        values={"delegation": delegation},
    )
    table = LearningQuestionTableFactory(
        programme=partnership.programme, owners=[ouinhi], status="shared"
    )
    question = LearningQuestionFactory(table=table, order=1, text="How does a market work?")
    objective = JournalObjective.objects.create(
        sheet=sheet, question=question, number=1, text="See a market council at work."
    )
    return sheet, objective


def test_a_day_filled_on_a_phone_survives_a_dropped_connection(
    phone, live_server, login, journal, partner_focal_point
):
    sheet, objective = journal
    login(phone, partner_focal_point)
    url = live_server.url + reverse("visits:journal_day", args=[sheet.pk, MONDAY.isoformat()])
    phone.goto(url)

    # Online: a score in one tap, a note saved on its own.
    phone.locator(f"form.journal-score[data-objective='{objective.pk}'] button[value='2']").tap()
    phone.wait_for_selector("form.journal-score button[value='2'][aria-pressed='true']")
    note = phone.locator(f"#id_note_{objective.pk}")
    note.fill(FIRST)
    note_form = phone.locator("form.journal-note")
    note_form.locator("button[type=submit]").tap()
    note_form.locator(".journal-saved").wait_for()

    # The network drops while the first question is typed and saved.
    answer = phone.locator("#id_unexpected_unexpected")
    answer.fill(SECOND)
    phone.context.set_offline(True)
    answer_form = phone.locator("form#unexpected")
    answer_form.locator("button[type=submit]").tap()
    answer_form.locator("[data-save-status][role=alert]").wait_for()
    assert answer_form.locator("[data-save-status]").inner_text()  # "Not saved: no connection…"
    assert "journal-saved" not in answer_form.inner_html()
    assert answer.input_value() == SECOND
    assert not JournalDay.objects.get(sheet=sheet, date=MONDAY).unexpected

    # Back online: the page reloads, offers what was typed, and the save goes through.
    phone.context.set_offline(False)
    phone.reload()
    assert phone.locator(f"#id_note_{objective.pk}").input_value() == FIRST
    bar = phone.locator("[data-draft-bar]")
    bar.locator("[data-draft-restore]").tap()
    assert answer.input_value() == SECOND
    answer_form.locator("button[type=submit]").tap()
    answer_form.locator(".journal-saved").wait_for()

    day = JournalDay.objects.get(sheet=sheet, date=MONDAY)
    assert (day.unexpected, day.notes.get().text) == (SECOND, FIRST)
    assert DailyScore.objects.get(objective=objective).score == 2
    phone.reload()
    assert phone.locator("[data-draft-bar]").count() == 0
