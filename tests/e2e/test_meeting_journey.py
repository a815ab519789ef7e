"""On a phone: the consultant plans a bilateral with a 100-minute agenda and sees the warning,
sends the pre-read, records attendance, minutes and a task; Laarne's focal point finds the task
on their home."""

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from coaching.models import Meeting, Task
from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)


def submit(page, form):
    with page.expect_navigation():
        form.locator("button[type=submit]").first.tap()


def test_a_consultant_runs_a_bilateral_and_the_owners_see_their_task(
    phone, live_server, login, programme, partnership, laarne, consultant, focal_point
):
    page = login(phone, consultant)
    page.goto(live_server.url + reverse("coaching:meeting_list") + f"?programme={programme.pk}")
    with page.expect_navigation():
        page.get_by_role("link", name="Plan a meeting").tap()
    page.locator("input[name=kind][value=bilateral]").check()
    page.locator("#id_partnership").select_option(str(partnership.pk))
    page.locator("#id_title").fill("Bilateral on tourism")
    page.locator("#id_starts_at").fill("2025-06-12T14:00")
    for index, (title, minutes) in enumerate(
        [("Tour de table", "40"), ("Tool 2 by Laarne", "40"), ("Next steps", "20")]
    ):
        page.locator(f"#id_agenda-{index}-title").fill(title)
        page.locator(f"#id_agenda-{index}-minutes").fill(minutes)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    submit(page, page.locator("main form").first)

    expect(page.locator("[data-over-budget]").first).to_be_visible()
    expect(page.locator("[data-starts-at]")).to_contain_text("14:00")
    meeting = Meeting.objects.get()
    assert meeting.agenda_minutes() == 100

    mail.outbox.clear()
    submit(
        page, page.locator(f"form[action$='{reverse('coaching:preread_send', args=[meeting.pk])}']")
    )
    expect(page.locator(".alert-success")).to_contain_text("pre-read")

    record = page.locator("#record form")
    record.get_by_label(focal_point.get_full_name()).check()
    record.locator("#id_minutes").fill("Laarne presented its tourism office.")
    record.locator("#id_held").check()
    submit(page, record)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD
    assert meeting.attendances.get(user=focal_point).attended

    tasks = page.locator("#tasks form")
    tasks.locator("#id_title").fill("Present tool 2 at the next bilateral")
    tasks.locator("#id_owner_local_government").select_option(str(laarne.pk))
    tasks.locator("#id_due_date").fill("2025-07-01")
    submit(page, tasks)
    assert Task.objects.get().owner_local_government == laarne

    owner = login(phone.context.browser.new_context(viewport=PHONE).new_page(), focal_point)
    owner.goto(live_server.url + "/")
    expect(owner.locator("#needs")).to_contain_text("Present tool 2 at the next bilateral")
