"""Long sheets and long histories read a page at a time; print and PDF stay whole."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from learning.tools.registry import get_tool
from tests.factories import LearningQuestionFactory, LearningQuestionTableFactory
from tests.learning.sheets import url

pytestmark = pytest.mark.django_db

QUESTION = 'class="learning-question '


@pytest.fixture
def long_table(laarne):
    table = LearningQuestionTableFactory(owners=[laarne])
    for order in range(1, 24):
        LearningQuestionFactory(table=table, order=order, text=f"Question number {order}?")
    return table


def test_a_long_table_shows_ten_questions_a_page(client, focal_point, long_table):
    client.force_login(focal_point)

    first = client.get(url("sheet_detail", long_table)).text
    third = client.get(url("sheet_detail", long_table), {"page": 3}).text

    assert first.count(QUESTION) == 10
    assert "Question number 1?" in first and "Question number 11?" not in first
    assert "Page 1 of 3" in first
    assert third.count(QUESTION) == 3
    assert "Question number 23?" in third


def test_print_and_pdf_show_every_question(client, focal_point, long_table, monkeypatch):
    client.force_login(focal_point)
    printed = {}

    def fake_pdf(template_name, context, *, language):
        printed["html"] = render_to_string(template_name, {**context, "pdf": True})
        return b"%PDF"

    monkeypatch.setattr("learning.views.reading.render_pdf", fake_pdf)
    page = client.get(url("sheet_print", long_table)).text
    client.get(url("sheet_pdf", long_table))

    for html in (page, printed["html"]):
        assert all(f"Question number {order}?" in html for order in range(1, 24))
        assert "Page 1 of" not in html


def test_the_read_page_shows_the_latest_earlier_wordings(client, focal_point, laarne):
    table = LearningQuestionTableFactory(owners=[laarne])
    question = LearningQuestionFactory(table=table, order=1, text="Wording 0?")
    for number in range(1, 8):
        question = question.reformulate(
            text=f"Wording {number}?", by=focal_point, date=datetime.date(2024, 3, number)
        )
    client.force_login(focal_point)

    sheet_page = client.get(url("sheet_detail", table)).text
    question_page = client.get(question.get_absolute_url()).text
    printed = client.get(url("sheet_print", table)).text

    evolution = reverse("learning:evolution", args=[laarne.pk])
    for html in (sheet_page, question_page):
        assert "Wording 2?" in html and "Wording 6?" in html
        assert "Wording 1?" not in html
        assert evolution in html
    assert all(f"Wording {number}?" in printed for number in range(7))


def test_the_history_shows_twenty_changes_a_page(client, focal_point, long_table):
    client.force_login(focal_point)

    first = client.get(url("sheet_history", long_table)).text
    second = client.get(url("sheet_history", long_table), {"page": 2}).text

    assert first.count('<li class="card mb-2">') == 20
    assert "Question number 23?" in first and "Question number 3?</strong>" not in first
    assert second.count('<li class="card mb-2">') == 4  # the last questions and the table
    assert "Question number 1?" in second
    assert str(get_tool("learning-questions").title) in second
