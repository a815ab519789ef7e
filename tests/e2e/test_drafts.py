"""Drafts: what a person typed survives a reload or a failed post, on a real form (the status of a
partnership, recorded by programme staff), and is forgotten once the form is saved."""

import json

import pytest
from django.urls import reverse

from tests.factories import UserFactory

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
    raw = page.evaluate(
        "key => localStorage.getItem(`sdgp-draft:${document.body.dataset.draftOwner}:${key}`)",
        f"partnership-{partnership.pk}-status",
    )
    return json.loads(raw) if raw else None


def stored_text(page):
    """Everything this browser keeps in local and session storage, as one string."""
    return page.evaluate(
        """() => [localStorage, sessionStorage]
            .flatMap(store => Object.keys(store).map(key => key + "=" + store.getItem(key)))
            .join(" ")"""
    )


def log_out(page):
    menu = page.locator("[data-site-menu]")
    if not menu.evaluate("menu => menu.open"):
        menu.locator("summary").tap()
    with page.expect_navigation():
        page.locator("form[data-logout] button[type=submit]").tap()
    assert "/login/" in page.url


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
    stored = stored_text(page)
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


@pytest.fixture
def colleague(programme):
    """Another member of the programme staff, who may open the same status form."""
    user = UserFactory(username="colleague@vvsg.example")
    programme.staff.add(user)
    return user


def test_the_next_person_on_this_browser_is_not_offered_an_unsaved_draft(
    status_form, login, colleague, partnership
):
    page = status_form
    page.locator("#id_note").fill(NOTE)
    assert NOTE in stored_text(page)
    log_out(page)
    assert NOTE not in stored_text(page)

    login(page, colleague)
    page.goto(page.url_of_form)
    assert page.locator(BAR).count() == 0
    assert page.locator("#id_note").input_value() == ""
    assert NOTE not in stored_text(page)


def test_a_draft_left_without_logging_out_is_dropped_when_someone_else_logs_in(
    status_form, login, colleague, partnership
):
    page = status_form
    page.locator("#id_note").fill(NOTE)
    page.context.clear_cookies()  # the session ends without a log-out
    login(page, colleague)
    assert NOTE not in stored_text(page)
    page.goto(page.url_of_form)
    assert page.locator(BAR).count() == 0


def test_a_draft_survives_the_end_of_a_session_for_the_same_person(
    status_form, login, staff, partnership
):
    page = status_form
    page.locator("#id_note").fill(NOTE)
    page.context.clear_cookies()
    login(page, staff)
    page.goto(page.url_of_form)
    page.locator(BAR).get_by_role("button", name="Restore it").tap()
    assert page.locator("#id_note").input_value() == NOTE


def test_the_draft_owner_is_an_opaque_id_not_the_user_name(status_form, staff):
    owner = status_form.evaluate("document.body.dataset.draftOwner")
    assert owner
    assert staff.username not in owner
    assert str(staff.pk) != owner
