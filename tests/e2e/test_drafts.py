"""Drafts: what a person typed survives a reload or a failed post, on a real form (the status of a
partnership, recorded by programme staff), and is forgotten once the form is saved."""

import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db(transaction=True)

NOTE = "Le conseil communal a confirmé la reprise des échanges."
BAR = "[data-draft-bar]"


@pytest.fixture
def status_form(phone, live_server, login, staff, partnership):
    """The phone, logged in as staff, on the partnership's status form."""
    login(phone, staff)
    url = live_server.url + reverse("partnerships:partnership_status", args=[partnership.pk])
    phone.goto(url)
    phone.url_of_form = url
    return phone


def stored_draft(page, partnership):
    raw = page.evaluate(f"localStorage.getItem('sdgp-draft:partnership-{partnership.pk}-status')")
    return json.loads(raw) if raw else None


def test_note_typed_before_a_reload_is_offered_and_restored(status_form, partnership):
    page = status_form
    page.locator("#id_note").fill(NOTE)
    page.reload()
    assert page.locator("#id_note").input_value() == ""
    bar = page.locator(BAR)
    assert bar.is_visible()
    assert "A draft you typed on this device was not saved." in bar.inner_text()
    bar.get_by_role("button", name="Restore it").tap()
    assert page.locator("#id_note").input_value() == NOTE
    assert page.locator(BAR).count() == 0


def test_discarded_draft_is_not_offered_again(status_form, partnership):
    page = status_form
    page.locator("#id_note").fill(NOTE)
    page.reload()
    page.locator(BAR).get_by_role("button", name="Discard").tap()
    assert page.locator(BAR).count() == 0
    assert stored_draft(page, partnership) is None
    page.reload()
    assert page.locator(BAR).count() == 0


def test_no_bar_when_nothing_was_typed(status_form):
    status_form.reload()
    assert status_form.locator(BAR).count() == 0


def test_text_is_still_offered_after_a_failed_submit(status_form, partnership):
    page = status_form
    page.route(
        "**/status/",
        lambda route: route.abort() if route.request.method == "POST" else route.fallback(),
    )
    page.locator("#id_status").select_option("active")
    page.locator("#id_date").fill("2025-03-01")
    page.locator("#id_note").fill(NOTE)
    with page.expect_event("requestfailed"):
        page.get_by_role("button", name="Save").tap()
    page.unroute("**/status/")
    page.goto(page.url_of_form)
    assert page.locator(BAR).is_visible()
    page.locator(BAR).get_by_role("button", name="Restore it").tap()
    assert page.locator("#id_note").input_value() == NOTE
    assert page.locator("#id_status").input_value() == "active"
    assert page.locator("#id_date").input_value() == "2025-03-01"


def test_saved_form_forgets_its_draft(status_form, partnership):
    page = status_form
    page.locator("#id_status").select_option("active")
    page.locator("#id_date").fill("2025-03-01")
    page.locator("#id_note").fill(NOTE)
    with page.expect_navigation():
        page.get_by_role("button", name="Save").tap()
    assert page.url.endswith(partnership.get_absolute_url())
    assert stored_draft(page, partnership) is None
    page.goto(page.url_of_form)
    assert page.locator(BAR).count() == 0
    assert partnership.status_changes.get().note == NOTE


def test_invalid_submit_shows_the_typed_text_without_a_bar(status_form, partnership):
    page = status_form
    page.locator("#id_status").select_option("terminated")  # needs a reason and who withdrew
    page.locator("#id_date").fill("2025-03-01")
    page.locator("#id_note").fill(NOTE)
    with page.expect_navigation():
        page.get_by_role("button", name="Save").tap()
    assert page.locator(".invalid-feedback, .is-invalid").count() > 0
    assert page.locator("#id_note").input_value() == NOTE
    assert page.locator(BAR).count() == 0
    assert stored_draft(page, partnership)["values"]["note"] == [NOTE]


def test_draft_keeps_neither_the_csrf_token_nor_passwords(status_form, live_server, partnership):
    page = status_form
    page.locator("#id_note").fill(NOTE)
    values = stored_draft(page, partnership)["values"]
    assert "csrfmiddlewaretoken" not in values
    assert values["note"] == [NOTE]

    page.goto(live_server.url + reverse("password_change"))
    page.locator("main form").evaluate("form => { form.dataset.draftKey = 'password' }")
    page.locator("#id_old_password").fill("a-long-test-password")
    page.locator("#id_new_password1").fill("Another secret 2025")
    stored = page.evaluate("localStorage.getItem('sdgp-draft:password')") or ""
    assert "a-long-test-password" not in stored
    assert "Another secret" not in stored


def test_submit_button_says_saving_and_refuses_a_second_post(status_form, partnership):
    page = status_form
    posts = []
    page.on("request", lambda request: posts.append(request) if request.method == "POST" else None)
    page.locator("#id_status").select_option("active")
    page.locator("#id_date").fill("2025-03-01")
    # Note the button as the page is left, and try to post the form a second time meanwhile.
    page.evaluate(
        """() => {
            const button = document.querySelector("main form button[type=submit]");
            addEventListener("pagehide", () => sessionStorage.setItem("button", JSON.stringify(
                {disabled: button.disabled, text: button.textContent})));
            button.addEventListener("click", () => setTimeout(() => button.form.requestSubmit()));
        }"""
    )
    with page.expect_navigation():
        page.locator("main form button[type=submit]").tap()
    left = json.loads(page.evaluate("sessionStorage.getItem('button')"))
    assert left == {"disabled": True, "text": "Saving…"}
    assert len(posts) == 1
    assert partnership.status_changes.count() == 1
