"""Conflicts and repeated posts: a row removed by someone else, files that a refused save
cannot keep, one-per-municipality tools created at the same moment, and a comment or a
response posted twice."""

import io
import os
import re
import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse
from PIL import Image

from learning import services
from learning.forms import current_values, sheet_post_data
from learning.models import Comment
from learning.tools.learning_questions import Response
from learning.tools.presentation import PresentationPerson, PresentationSheet
from learning.tools.registry import get_tool
from learning.views.sheets import SheetCreateView
from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    PresentationSheetFactory,
)
from tests.learning.sheets import create_sheet, sample_data, url

pytestmark = pytest.mark.django_db

TOOL = get_tool("presentation")


@pytest.fixture
def as_focal_point(client, focal_point):
    client.force_login(focal_point)
    return client


@pytest.fixture
def as_consultant(consultant):
    client = Client()
    client.force_login(consultant)
    return client


def picture(name, image_format="PNG"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "seagreen").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


def my_edit(sheet, name, *, version):
    """The person's form: the sheet as they opened it, with `name` typed into its first row."""
    values = current_values(TOOL, sheet)
    values["people"][0]["name"] = name
    return sheet_post_data(TOOL, values, version=version)


def submission_key(html):
    return re.search(r'name="submission_key" value="([0-9a-f-]{36})"', html).group(1)


# A row someone else removed


def test_editing_a_row_someone_else_removed_keeps_the_text_and_says_so(
    as_focal_point, as_consultant, laarne
):
    sheet = create_sheet(as_focal_point, TOOL, laarne)
    mine = my_edit(sheet, "Typed by me", version=1)
    theirs = sheet_post_data(TOOL, current_values(TOOL, sheet), version=1)
    theirs["people-0-DELETE"] = "on"
    assert as_consultant.post(url("sheet_update", sheet), theirs).status_code == 302

    response = as_focal_point.post(url("sheet_update", sheet), mine)

    html = response.content.decode()
    assert response.status_code == 409
    assert "Someone else removed a row you were editing" in html
    assert "Typed by me" in html
    assert "Please correct the fields marked below" not in html
    # The row comes back as a new one: its old id is gone from the form.
    assert 'name="people-0-id" value=' not in html
    assert 'name="sheet-version" value="2"' in html

    again = as_focal_point.post(
        url("sheet_update", sheet), {**mine, "people-0-id": "", "sheet-version": "2"}
    )

    assert again.status_code == 302
    assert list(PresentationPerson.objects.values_list("name", flat=True)) == ["Typed by me"]


def test_a_row_removed_without_a_new_version_is_not_an_endless_error(as_focal_point, laarne):
    """The version check does not see a row removed elsewhere (in the admin, say). A removed
    row that the person marked "Remove" too is simply gone."""
    sheet = create_sheet(as_focal_point, TOOL, laarne)
    PresentationPerson.objects.create(sheet=sheet, name="Also removed")
    mine = {**my_edit(sheet, "Typed by me", version=1), "people-1-DELETE": "on"}
    PresentationPerson.objects.filter(sheet=sheet).delete()

    response = as_focal_point.post(url("sheet_update", sheet), mine)

    assert response.status_code == 409
    assert "Someone else removed a row you were editing" in response.content.decode()
    again = as_focal_point.post(
        url("sheet_update", sheet), {**mine, "people-0-id": "", "people-1-id": ""}
    )
    assert again.status_code == 302
    assert sheet.people.get().name == "Typed by me"


# Files a refused save cannot keep


def test_a_stale_save_names_the_files_to_choose_again(as_focal_point, as_consultant, laarne):
    sheet = create_sheet(as_focal_point, TOOL, laarne)
    values = current_values(TOOL, sheet)
    values["images"] = [{"caption": "The market"}]
    mine = sheet_post_data(TOOL, values, version=1)
    mine["map_image"] = picture("harbour-map.png")
    mine["images-0-image"] = picture("market.jpg", "JPEG")
    theirs = my_edit(sheet, "Changed meanwhile", version=1)
    assert as_consultant.post(url("sheet_update", sheet), theirs).status_code == 302

    response = as_focal_point.post(url("sheet_update", sheet), mine)

    html = response.content.decode()
    assert response.status_code == 409
    assert "Choose these 2 files again before saving" in html
    assert "harbour-map.png" in html
    assert "market.jpg" in html
    assert not sheet.images.exists()


# One sheet per municipality and programme


def test_the_database_refuses_a_second_sheet_for_the_same_municipality(
    as_focal_point, laarne, programme
):
    create_sheet(as_focal_point, TOOL, laarne)
    second = PresentationSheetFactory(owners=[laarne], programme=programme)

    with pytest.raises(IntegrityError), transaction.atomic():
        services.sheet_scope_claim(sheet=second)


def test_a_sheet_created_meanwhile_keeps_the_text_and_links_to_it(
    as_focal_point, laarne, monkeypatch
):
    """As when two people create the tool at the same moment: the check before saving finds
    nothing, the database refuses the second sheet."""
    first = create_sheet(as_focal_point, TOOL, laarne)
    real = SheetCreateView.existing
    calls = []

    def existing(view, programme):
        calls.append(programme)
        return None if len(calls) == 1 else real(view, programme)

    monkeypatch.setattr(SheetCreateView, "existing", existing)
    data = {**sample_data(TOOL, laarne), "reasons": "Typed at the same moment"}

    response = as_focal_point.post(
        reverse("learning:sheet_create", kwargs={"slug": TOOL.slug, "owner": laarne.pk}), data
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert "already has this tool" in html
    assert "Typed at the same moment" in html
    assert url("sheet_update", first) in html
    assert PresentationSheet.objects.count() == 1


@pytest.fixture
def postgresql():
    """Concurrent writes need PostgreSQL (SQLite runs one writer at a time). Where the services
    are required (CI), a missing PostgreSQL fails the test instead of skipping it."""
    if connection.vendor != "postgresql":
        if os.environ.get("SDGP_REQUIRE_SERVICES"):
            pytest.fail(f"PostgreSQL is required, the database is {connection.vendor}")
        pytest.skip("needs PostgreSQL (DATABASE_URL)")


def at_once(count, request):
    """Run `request(index)` in `count` threads released together; their status codes."""
    barrier = threading.Barrier(count)
    statuses = [None] * count

    def run(index):
        try:
            barrier.wait()
            statuses[index] = request(index).status_code
        except Exception as error:  # a 500 in the test client raises
            statuses[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.django_db(transaction=True)
def test_twelve_simultaneous_creations_make_one_sheet(postgresql, focal_point, laarne):
    clients = []
    for _index in range(12):
        client = Client()
        client.force_login(focal_point)
        clients.append(client)
    create_url = reverse("learning:sheet_create", kwargs={"slug": TOOL.slug, "owner": laarne.pk})
    data = sample_data(TOOL, laarne)

    statuses = at_once(12, lambda index: clients[index].post(create_url, data))

    assert PresentationSheet.objects.count() == 1
    assert sorted(statuses, key=str) == [302] + [409] * 11


@pytest.mark.django_db(transaction=True)
def test_twelve_simultaneous_posts_of_one_comment_form_save_one_comment(
    postgresql, focal_point, laarne
):
    owner_client = Client()
    owner_client.force_login(focal_point)
    sheet = create_sheet(owner_client, TOOL, laarne)
    key = submission_key(owner_client.get(url("sheet_detail", sheet)).content.decode())
    clients = []
    for _index in range(12):
        client = Client()
        client.force_login(focal_point)
        clients.append(client)
    data = {"text": "Posted once", "submission_key": key}

    statuses = at_once(12, lambda index: clients[index].post(url("comment_create", sheet), data))

    assert statuses == [302] * 12
    assert Comment.objects.count() == 1


# A comment or a response posted twice


def test_the_same_comment_posted_twice_is_saved_once(as_focal_point, laarne):
    sheet = create_sheet(as_focal_point, TOOL, laarne)
    key = submission_key(as_focal_point.get(url("sheet_detail", sheet)).content.decode())
    data = {"text": "Shall we add the harbour?", "submission_key": key}

    first = as_focal_point.post(url("comment_create", sheet), data)
    second = as_focal_point.post(url("comment_create", sheet), data)

    assert first.status_code == second.status_code == 302
    assert first.url == second.url == sheet.get_absolute_url()
    assert Comment.objects.count() == 1
    fresh = submission_key(as_focal_point.get(url("sheet_detail", sheet)).content.decode())
    assert fresh != key  # the next comment is a new one
    # A page the browser brings back keeps its old key: other text is still a new comment.
    as_focal_point.post(url("comment_create", sheet), {**data, "text": "And the castle?"})
    assert Comment.objects.count() == 2


def test_the_same_response_posted_twice_is_saved_once(
    client, partner_focal_point, partnership, laarne
):
    table = LearningQuestionTableFactory(
        programme=partnership.programme, owners=[laarne], status="shared"
    )
    question = LearningQuestionFactory(table=table, order=1, text="How do councils listen?")
    client.force_login(partner_focal_point)
    respond_url = reverse("learning:response_create", args=[question.pk])
    key = submission_key(client.get(respond_url).content.decode())
    data = {"text": "Through neighbourhood councils.", "links": "", "submission_key": key}

    first = client.post(respond_url, data)
    second = client.post(respond_url, data)

    assert first.status_code == second.status_code == 302
    response = Response.objects.get()
    assert first.url == second.url
    assert first.url.endswith(f"#response-{response.pk}")


def test_the_edit_page_kept_for_one_person_shows_a_save_by_another(
    as_focal_point, as_consultant, laarne
):
    """The edit page keeps its rendered form for its reader until the data changes: after the
    consultant's save, the focal point's form starts from the new version and the new text,
    so that their save is not taken for a conflict."""
    sheet = create_sheet(as_focal_point, TOOL, laarne)
    edit = url("sheet_update", sheet)
    assert 'name="sheet-version" value="1"' in as_focal_point.get(edit).text
    saved = as_consultant.post(edit, my_edit(sheet, "Named by the consultant", version=1))
    assert saved.status_code == 302

    page = as_focal_point.get(edit).text

    assert 'name="sheet-version" value="2"' in page
    assert "Named by the consultant" in page
