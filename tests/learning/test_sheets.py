"""The generic tool views, for every tool of the registry: create, read, edit, share, review,
return, comment, conflict, history, print and PDF."""

import dataclasses

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from learning.models import Comment
from learning.tools.registry import get_tool, tools
from learning.workflows import REVIEW
from tests.learning.sheets import (
    create_sheet,
    edit_data,
    editable_once_shared,
    owned_by_both_sides,
    owners_of_new_sheet,
    sample_data,
    sharing,
    typed_text,
    url,
)

# Laarne has shared its learning questions, as by the time of a site visit: the journal per
# objective's rows are objectives on them, and the tests type into its first row.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("laarne_questions")]

TOOLS = [pytest.param(tool, id=tool.slug) for tool in tools()]
# The sheets of one municipality (and its chosen co-owners, or the visiting municipality of a
# journal or an action plan), which its partner reads once shared; the visit programme's and
# the terms' sheets belong to both sides of the delegation.
PARTNER_READS = [
    pytest.param(tool, id=tool.slug) for tool in tools() if not owned_by_both_sides(tool)
]
BOTH_SIDES = [pytest.param(tool, id=tool.slug) for tool in tools() if owned_by_both_sides(tool)]
# The tools whose sheets go through the consultant's review (draft, shared, reviewed, returned).
REVIEWED = [pytest.param(tool, id=tool.slug) for tool in tools() if tool.model.workflow is REVIEW]
EDITABLE_ONCE_SHARED = [
    pytest.param(tool, id=tool.slug) for tool in tools() if editable_once_shared(tool)
]


@pytest.fixture
def as_focal_point(client, focal_point):
    client.force_login(focal_point)
    return client


@pytest.fixture
def other_client():
    """A second browser, for a second person at the same time."""
    return Client()


def shared_sheet(client, tool, owner):
    sheet = create_sheet(client, tool, owner)
    transition = sharing(tool).name
    assert client.post(url("sheet_transition", sheet, transition=transition)).status_code == 302
    sheet.refresh_from_db()
    return sheet


def sheet_to_edit(client, tool, owner):
    """A shared sheet, or a draft when the tool's shared sheets are frozen (validated terms)."""
    if editable_once_shared(tool):
        return shared_sheet(client, tool, owner)
    return create_sheet(client, tool, owner)


@pytest.mark.parametrize("tool", TOOLS)
def test_focal_point_fills_in_a_tool_for_their_municipality(tool, as_focal_point, laarne):
    create_url = reverse("learning:sheet_create", kwargs={"slug": tool.slug, "owner": laarne.pk})
    page = as_focal_point.get(create_url)
    assert page.status_code == 200
    assert 'data-draft-key="sheet-' in page.content.decode()

    response = as_focal_point.post(create_url, sample_data(tool, laarne))

    sheet = tool.model.objects.latest("pk")
    assert response.status_code == 302
    assert response.url == sheet.get_absolute_url()
    assert set(sheet.owners.all()) == owners_of_new_sheet(tool, sheet, laarne)
    assert (sheet.status, sheet.version) == ("draft", 1)
    detail = as_focal_point.get(sheet.get_absolute_url())
    assert detail.status_code == 200
    assert f'data-draft-saved="sheet-{tool.slug}-new-{laarne.pk}"' in detail.content.decode()


@pytest.mark.parametrize("tool", PARTNER_READS)
def test_partner_reads_a_sheet_only_once_it_is_shared(
    tool, as_focal_point, laarne, partner_focal_point, other_client
):
    sheet = create_sheet(as_focal_point, tool, laarne)
    other_client.force_login(partner_focal_point)
    assert other_client.get(sheet.get_absolute_url()).status_code == 404

    as_focal_point.post(url("sheet_transition", sheet, transition=sharing(tool).name))

    assert other_client.get(sheet.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("tool", BOTH_SIDES)
def test_both_sides_read_a_visit_draft_and_the_observer_only_once_it_is_shared(
    tool, as_focal_point, laarne, partner_focal_point, observer, other_client
):
    sheet = create_sheet(as_focal_point, tool, laarne)
    other_client.force_login(partner_focal_point)
    assert other_client.get(sheet.get_absolute_url()).status_code == 200
    other_client.force_login(observer)
    assert other_client.get(sheet.get_absolute_url()).status_code == 404

    as_focal_point.post(url("sheet_transition", sheet, transition=sharing(tool).name))

    assert other_client.get(sheet.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("tool", TOOLS)
def test_stranger_never_finds_the_sheet(tool, as_focal_point, laarne, stranger):
    sheet = shared_sheet(as_focal_point, tool, laarne)
    as_focal_point.force_login(stranger)

    for name in ("sheet_detail", "sheet_update", "sheet_history", "sheet_print", "sheet_pdf"):
        assert as_focal_point.get(url(name, sheet)).status_code == 404, name


@pytest.mark.parametrize("tool", PARTNER_READS)
def test_partner_can_read_but_not_edit(tool, as_focal_point, laarne, partner_focal_point):
    sheet = shared_sheet(as_focal_point, tool, laarne)
    data = edit_data(tool, sheet, "Changed by the partner")
    as_focal_point.force_login(partner_focal_point)

    assert as_focal_point.get(url("sheet_update", sheet)).status_code == 403
    assert as_focal_point.post(url("sheet_update", sheet), data).status_code == 403
    sheet.refresh_from_db()
    assert sheet.version == 1


@pytest.mark.parametrize("tool", EDITABLE_ONCE_SHARED)
def test_owner_edits_and_the_version_goes_up(tool, as_focal_point, laarne):
    sheet = shared_sheet(as_focal_point, tool, laarne)
    page = as_focal_point.get(url("sheet_update", sheet))
    assert f'data-draft-key="sheet-{tool.slug}-{sheet.pk}"' in page.content.decode()

    response = as_focal_point.post(url("sheet_update", sheet), edit_data(tool, sheet, "Edited"))

    assert response.status_code == 302
    sheet.refresh_from_db()
    assert typed_text(tool, sheet) == "Edited"
    assert (sheet.version, sheet.status) == (2, sharing(tool).target)


@pytest.mark.parametrize("tool", REVIEWED)
def test_sheet_goes_from_draft_to_shared_to_reviewed(
    tool, as_focal_point, laarne, consultant, other_client
):
    sheet = shared_sheet(as_focal_point, tool, laarne)
    assert sheet.status == "shared"
    other_client.force_login(consultant)

    assert other_client.post(url("sheet_transition", sheet, transition="review")).status_code == 302

    sheet.refresh_from_db()
    assert sheet.status == "reviewed"


@pytest.mark.parametrize("tool", REVIEWED)
def test_consultant_returns_a_sheet_with_a_comment_and_the_owner_shares_it_again(
    tool, as_focal_point, laarne, consultant, other_client
):
    sheet = shared_sheet(as_focal_point, tool, laarne)
    other_client.force_login(consultant)

    other_client.post(
        url("sheet_transition", sheet, transition="return"),
        {"text": "Please add the youth council."},
    )

    sheet.refresh_from_db()
    assert sheet.status == "returned"
    assert [comment.text for comment in sheet.comments.all()] == ["Please add the youth council."]
    as_focal_point.post(url("sheet_transition", sheet, transition="share"))
    sheet.refresh_from_db()
    assert sheet.status == "shared"


@pytest.mark.parametrize("tool", REVIEWED)
def test_a_return_without_a_reason_changes_nothing(tool, as_focal_point, laarne, consultant):
    sheet = shared_sheet(as_focal_point, tool, laarne)
    as_focal_point.force_login(consultant)

    response = as_focal_point.post(
        url("sheet_transition", sheet, transition="return"), {"text": "  "}, follow=True
    )

    sheet.refresh_from_db()
    assert sheet.status == "shared"
    assert "Say what should change" in response.content.decode()


@pytest.mark.parametrize("tool", TOOLS)
def test_sharing_a_shared_sheet_again_says_why_it_cannot(tool, as_focal_point, laarne):
    sheet = shared_sheet(as_focal_point, tool, laarne)

    transition = sharing(tool)
    response = as_focal_point.post(
        url("sheet_transition", sheet, transition=transition.name), follow=True
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert escape(str(transition.refused)) in html
    if tool.model.workflow is REVIEW:
        assert (
            "Only a draft, a sheet returned for changes or one changed since review can be "
            "shared." in html
        )


@pytest.mark.parametrize("tool", TOOLS)
def test_partner_comments_beside_the_sheet(tool, as_focal_point, laarne, partner_focal_point):
    sheet = shared_sheet(as_focal_point, tool, laarne)
    as_focal_point.force_login(partner_focal_point)

    response = as_focal_point.post(url("comment_create", sheet), {"text": "Merci, très clair."})

    assert response.status_code == 302
    page = as_focal_point.get(sheet.get_absolute_url()).content.decode()
    assert "Merci, très clair." in page


@pytest.mark.parametrize("tool", TOOLS)
def test_comment_sent_with_htmx_returns_the_thread_newest_last(
    tool, as_focal_point, laarne, consultant
):
    sheet = shared_sheet(as_focal_point, tool, laarne)
    as_focal_point.post(url("comment_create", sheet), {"text": "First"})
    as_focal_point.force_login(consultant)

    response = as_focal_point.post(
        url("comment_create", sheet), {"text": "Second"}, headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert '<section id="comments"' in html
    assert "<html" not in html
    assert html.index("First") < html.index("Second")


def test_an_empty_comment_is_refused_at_the_field(as_focal_point, laarne):
    sheet = shared_sheet(as_focal_point, tools()[0], laarne)

    response = as_focal_point.post(url("comment_create", sheet), {"text": ""})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize("tool", TOOLS)
def test_second_of_two_edits_from_the_same_version_gets_a_conflict_page(
    tool, as_focal_point, laarne, consultant, other_client
):
    sheet = sheet_to_edit(as_focal_point, tool, laarne)
    first = edit_data(tool, sheet, "Typed by the focal point")
    second = edit_data(tool, sheet, "Typed by the consultant")
    other_client.force_login(consultant)
    assert as_focal_point.post(url("sheet_update", sheet), first).status_code == 302

    response = other_client.post(url("sheet_update", sheet), second)

    html = response.content.decode()
    assert response.status_code == 409
    assert "Typed by the consultant" in html  # everything typed is kept
    assert "Typed by the focal point" in html  # what changed meanwhile
    sheet.refresh_from_db()
    assert typed_text(tool, sheet) == "Typed by the focal point"
    assert 'name="sheet-version" value="2"' in html


@pytest.mark.parametrize("tool", TOOLS)
def test_after_a_conflict_the_second_person_can_save_over_it_deliberately(
    tool, as_focal_point, laarne, consultant, other_client
):
    sheet = sheet_to_edit(as_focal_point, tool, laarne)
    second = edit_data(tool, sheet, "Typed by the consultant")
    as_focal_point.post(url("sheet_update", sheet), edit_data(tool, sheet, "First"))
    other_client.force_login(consultant)
    assert other_client.post(url("sheet_update", sheet), second).status_code == 409

    response = other_client.post(url("sheet_update", sheet), {**second, "sheet-version": "2"})

    assert response.status_code == 302
    sheet.refresh_from_db()
    assert typed_text(tool, sheet) == "Typed by the consultant"
    assert sheet.version == 3


@pytest.mark.parametrize("tool", TOOLS)
def test_history_page_shows_who_changed_what(tool, as_focal_point, laarne, focal_point):
    sheet = sheet_to_edit(as_focal_point, tool, laarne)
    as_focal_point.post(url("sheet_update", sheet), edit_data(tool, sheet, "A new wording"))
    if not sheet.is_shared:
        as_focal_point.post(url("sheet_transition", sheet, transition=sharing(tool).name))

    response = as_focal_point.get(url("sheet_history", sheet))

    html = response.content.decode()
    assert response.status_code == 200
    assert "A new wording" in html
    assert str(focal_point) in html
    assert sharing(tool).note in html


@pytest.mark.parametrize("tool", TOOLS)
def test_print_view_shows_the_filled_in_tool_with_the_print_stylesheet(
    tool, as_focal_point, laarne
):
    sheet = create_sheet(as_focal_point, tool, laarne)

    response = as_focal_point.get(url("sheet_print", sheet))

    html = response.content.decode()
    assert response.status_code == 200
    assert "css/print.css" in html
    assert "bootstrap" not in html
    assert f"Tool {tool.number}:" in html


@pytest.mark.parametrize("tool", TOOLS)
def test_pdf_is_a_download_of_the_filled_in_tool(tool, as_focal_point, laarne):
    sheet = create_sheet(as_focal_point, tool, laarne)

    response = as_focal_point.get(url("sheet_pdf", sheet))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(f'attachment; filename="{tool.slug}-laarne')
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("tool", [t for t in TOOLS if not t.values[0].many_per_owner])
def test_a_second_sheet_of_a_one_per_municipality_tool_opens_the_first(
    tool, as_focal_point, laarne
):
    sheet = create_sheet(as_focal_point, tool, laarne)

    response = as_focal_point.get(
        reverse("learning:sheet_create", kwargs={"slug": tool.slug, "owner": laarne.pk})
    )

    assert response.status_code == 302
    assert response.url == url("sheet_update", sheet)


def test_an_unknown_tool_is_not_found(as_focal_point, laarne):
    response = as_focal_point.get(reverse("learning:sheet_list", kwargs={"slug": "no-such-tool"}))

    assert response.status_code == 404


def test_observer_reads_a_shared_sheet_but_may_not_comment(as_focal_point, laarne, observer):
    sheet = shared_sheet(as_focal_point, tools()[0], laarne)
    as_focal_point.force_login(observer)

    assert as_focal_point.get(sheet.get_absolute_url()).status_code == 200
    assert as_focal_point.post(url("comment_create", sheet), {"text": "Hi"}).status_code == 403


def test_partnership_page_lists_the_tools_by_step_with_fill_in_links(
    as_focal_point, partnership, laarne, ouinhi
):
    response = as_focal_point.get(partnership.get_absolute_url())

    html = response.content.decode()
    for tool in tools():
        assert reverse("learning:sheet_list", kwargs={"slug": tool.slug}) in html
        own = reverse("learning:sheet_create", kwargs={"slug": tool.slug, "owner": laarne.pk})
        partner = reverse("learning:sheet_create", kwargs={"slug": tool.slug, "owner": ouinhi.pk})
        assert own in html
        assert partner not in html


def test_partnership_page_shows_a_shared_sheet_to_the_partner_with_its_status(
    as_focal_point, partnership, laarne, partner_focal_point
):
    sheet = shared_sheet(as_focal_point, tools()[0], laarne)
    as_focal_point.force_login(partner_focal_point)

    html = as_focal_point.get(partnership.get_absolute_url()).content.decode()

    assert sheet.get_absolute_url() in html
    assert "sheet-status-shared" in html


def test_consultant_fills_in_a_joint_sheet_that_both_municipalities_own(
    client, consultant, laarne, ouinhi, partner_focal_point
):
    tool = get_tool("swot")
    client.force_login(consultant)
    data = {**sample_data(tool, laarne), "owners-co_owners": [str(ouinhi.pk)]}

    client.post(reverse("learning:sheet_create", kwargs={"slug": "swot", "owner": laarne.pk}), data)

    sheet = tool.model.objects.get()
    assert set(sheet.owners.all()) == {laarne, ouinhi}
    client.force_login(partner_focal_point)  # an owner now, so even the draft is theirs
    assert client.get(url("sheet_update", sheet)).status_code == 200


def test_a_focal_point_of_one_municipality_is_not_offered_a_joint_sheet(as_focal_point, laarne):
    page = as_focal_point.get(
        reverse("learning:sheet_create", kwargs={"slug": "swot", "owner": laarne.pk})
    )

    assert "owners-co_owners" not in page.content.decode()


@pytest.mark.parametrize("tool", REVIEWED)
def test_a_reviewed_sheet_edited_shows_the_consultant_what_changed_and_can_be_shared_again(
    tool, as_focal_point, laarne, consultant, other_client
):
    client = other_client
    sheet = shared_sheet(as_focal_point, tool, laarne)
    client.force_login(consultant)
    client.post(url("sheet_transition", sheet, transition="review"))
    sheet.refresh_from_db()
    assert sheet.status == "reviewed"

    as_focal_point.post(url("sheet_update", sheet), edit_data(tool, sheet, "Edited after review"))

    sheet.refresh_from_db()
    assert sheet.status == "changed"
    page = client.get(sheet.get_absolute_url()).text
    assert "Changed since you reviewed version" in page
    assert "Edited after review" in page
    assert "changed since review" in as_focal_point.get(sheet.get_absolute_url()).text
    as_focal_point.post(url("sheet_transition", sheet, transition="share"))
    sheet.refresh_from_db()
    assert sheet.status == "shared"


def test_a_frozen_sheet_refuses_edits_with_a_message(as_focal_point, laarne, monkeypatch):
    tool = get_tool("factors")
    sheet = create_sheet(as_focal_point, tool, laarne)
    frozen = dataclasses.replace(sheet.workflow, editable=("shared",))
    monkeypatch.setattr(tool.model, "workflow", frozen)

    response = as_focal_point.get(url("sheet_update", sheet))
    assert response.status_code == 403
    assert "it can no longer be changed" in response.text
    response = as_focal_point.post(url("sheet_update", sheet), edit_data(tool, sheet, "Later"))
    assert response.status_code == 403
    sheet.refresh_from_db()
    assert sheet.version == 1


def test_an_unknown_transition_is_not_found(as_focal_point, laarne):
    sheet = create_sheet(as_focal_point, get_tool("factors"), laarne)
    assert as_focal_point.post(url("sheet_transition", sheet, transition="sign")).status_code == 404


def test_a_comment_sent_with_htmx_is_confirmed(as_focal_point, laarne):
    sheet = shared_sheet(as_focal_point, tools()[0], laarne)

    response = as_focal_point.post(
        url("comment_create", sheet), {"text": "Looks good"}, headers={"HX-Request": "true"}
    )

    assert "Your comment has been added." in response.content.decode()


def test_a_reason_for_returning_a_sheet_stands_apart_from_the_comments(
    as_focal_point, laarne, consultant
):
    sheet = shared_sheet(as_focal_point, tools()[0], laarne)
    as_focal_point.post(url("comment_create", sheet), {"text": "A plain remark"})
    as_focal_point.force_login(consultant)

    as_focal_point.post(url("sheet_transition", sheet, transition="return"), {"text": "Add a map"})

    html = as_focal_point.get(sheet.get_absolute_url()).content.decode()
    reason = html[html.index("Returned for changes:") :]
    assert "Add a map" in reason
    assert "A plain remark" not in reason
    assert Comment.objects.get(text="Add a map").is_return_reason
    assert not Comment.objects.get(text="A plain remark").is_return_reason


def test_a_consultant_with_many_municipalities_chooses_one_from_a_folded_list(
    client, consultant, partnership, laarne, ouinhi
):
    client.force_login(consultant)
    html = client.get(reverse("learning:sheet_list", args=["factors"])).content.decode()
    menu = html[html.index('<details class="fill-in-menu') :]
    assert "Fill in for…" in menu
    assert menu.index("Fill in for Laarne") < menu.index("</details>")


def test_a_focal_point_with_one_municipality_fills_in_with_one_tap(client, focal_point, laarne):
    client.force_login(focal_point)
    html = client.get(reverse("learning:sheet_list", args=["factors"])).content.decode()
    assert "fill-in-menu" not in html
    assert reverse("learning:sheet_create", args=["factors", laarne.pk]) in html
