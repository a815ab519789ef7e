"""Formset rows added and removed in the browser (templates/includes/formset.html, app.js).

The page is the shared include inside a minimal layout, served on the live server's address so
app.js and the styles load from the real static files; its posts are caught and read here.
"""

from urllib.parse import parse_qs

import pytest
from django import forms
from django.template import engines
from django.utils import translation

PAGE = engines["django"].from_string(
    """{% load static %}<!doctype html>
<html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{% static 'vendor/bootstrap/bootstrap.min.css' %}">
<link rel="stylesheet" href="{% static 'css/app.css' %}"></head>
<body data-saving-label="Saving…" data-draft-owner="someone"><main>
<form method="post" action="/formset-post/" data-draft-key="formset-page">
{% include "includes/formset.html" with formset=formset title="Strategies" %}
<button type="submit">Save</button></form></main>
{% include "includes/draft_bar.html" %}
<script src="{% static 'js/app.js' %}" defer></script></body></html>"""
)


class StrategyForm(forms.Form):
    name = forms.CharField(label="Name", max_length=50, required=False)


StrategyFormSet = forms.formset_factory(StrategyForm, extra=1, can_delete=True, max_num=4)


@pytest.fixture
def page(phone, live_server):
    """The phone on the page; `page.posted()` returns the fields of the last post."""
    with translation.override("en"):
        html = PAGE.render(
            {"formset": StrategyFormSet(prefix="strategies", initial=[{"name": "Markets"}])}
        )
    posts = []

    def post(route):
        posts.append(parse_qs(route.request.post_data, keep_blank_values=True))
        route.fulfill(body="<!doctype html><p>saved</p>", content_type="text/html")

    phone.route(
        "**/formset-page/", lambda route: route.fulfill(body=html, content_type="text/html")
    )
    phone.route("**/formset-post/", post)
    phone.goto(f"{live_server.url}/formset-page/")
    phone.posted = lambda: posts[-1]
    return phone


def total(page):
    return page.locator('input[name="strategies-TOTAL_FORMS"]').input_value()


def rows(page):
    return page.locator("[data-formset-row]:visible")


def add(page):
    page.get_by_role("button", name="Add").tap()


def save(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Save").tap()


def test_add_clones_the_empty_row_with_the_next_number(page):
    assert total(page) == "2"
    add(page)
    assert total(page) == "3"
    assert rows(page).count() == 3
    assert page.get_by_role("button", name="Add").is_enabled()
    new = page.locator('input[name="strategies-2-name"]')
    assert new.evaluate("input => input === document.activeElement")
    new.fill("Tourism")
    save(page)
    assert page.posted()["strategies-2-name"] == ["Tourism"]
    assert page.posted()["strategies-TOTAL_FORMS"] == ["3"]


def test_add_stops_at_the_maximum(page):
    add(page)
    add(page)
    assert total(page) == "4"
    assert page.get_by_role("button", name="Add").is_disabled()


def test_removing_a_new_row_takes_it_out_and_renumbers_the_rest(page):
    add(page)
    add(page)
    page.locator('input[name="strategies-3-name"]').fill("Youth")
    rows(page).nth(2).get_by_role("button", name="Remove").tap()
    assert total(page) == "3"
    assert rows(page).count() == 3
    assert page.locator('input[name="strategies-2-name"]').input_value() == "Youth"
    assert page.locator('input[name="strategies-3-name"]').count() == 0
    save(page)
    assert page.posted()["strategies-2-name"] == ["Youth"]


def test_removing_an_existing_row_ticks_delete_and_hides_it(page):
    first = page.locator("[data-formset-row]").first
    assert not first.locator('input[name="strategies-0-DELETE"]').is_visible()
    first.get_by_role("button", name="Remove").tap()
    assert not first.is_visible()
    assert total(page) == "2"
    save(page)
    assert page.posted()["strategies-0-DELETE"] == ["on"]
    assert page.posted()["strategies-0-name"] == ["Markets"]


def test_a_draft_brings_back_added_rows(page):
    add(page)
    page.locator('input[name="strategies-2-name"]').fill("Tourism")
    page.reload()
    assert total(page) == "2"
    page.locator("[data-draft-bar]").get_by_role("button", name="Restore it").tap()
    assert total(page) == "3"
    assert page.locator('input[name="strategies-2-name"]').input_value() == "Tourism"


def test_the_page_fits_a_phone(page):
    add(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
