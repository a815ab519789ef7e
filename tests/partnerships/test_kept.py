"""What a page keeps in the cache, rendered (`{% kept %}`, partnerships/templatetags/kept.py):
its forms carry each reader's own CSRF token, and a page shown again after a POST, with what was
typed and what was wrong with it, is not kept."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    PartnershipFactory,
    SubQuestionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(programme, laarne):
    table = LearningQuestionTableFactory(programme=programme, owners=[laarne])
    question = LearningQuestionFactory(table=table)
    SubQuestionFactory(question=question, text="Who chairs the council?")
    return question


def tokens(page):
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))


def test_a_kept_form_carries_each_sessions_own_csrf_token(focal_point, question):
    """The question's page, kept for its reader, has a form per sub-question: opened in a
    second session of the same person, the kept page carries that session's token, which
    the form's POST is accepted with."""
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for client in (first, second):
        client.force_login(focal_point)
    subquestion = question.subquestions.get()
    url = reverse("learning:subquestion_status", args=[subquestion.pk])

    pages = [client.get(question.get_absolute_url()).text for client in (first, second)]
    assert all("kept-csrf-" not in page for page in pages)

    for client, page in zip((first, second), pages, strict=True):
        (token,) = tokens(page)
        answer = client.post(url, {"csrfmiddlewaretoken": token, "answer_status": "answered"})
        assert answer.status_code == 302


def test_a_page_shown_again_after_a_post_is_not_kept(client, consultant, question):
    """A coaching note refused comes back with its error and the text typed; the question's
    page read next shows neither."""
    client.force_login(consultant)
    client.get(question.get_absolute_url())  # kept
    answer = client.post(
        reverse("learning:coachingnote_create", args=[question.pk]), {"text": " " * 3}
    )
    assert answer.status_code == 200
    assert "This field is required." in answer.text
    assert "This field is required." not in client.get(question.get_absolute_url()).text


def test_a_kept_list_shows_what_was_added_since(client, staff, programme, partnership):
    """The partnerships list, kept for the reader, shows a partnership started after it was
    kept: the data's change is the end of what was kept."""
    client.force_login(staff)
    url = reverse("partnerships:partnership_list")
    with CaptureQueriesContext(connection) as first:
        assert str(partnership.north) in client.get(url).text
    with CaptureQueriesContext(connection) as kept:
        client.get(url)
    assert len(kept) < len(first)
    started = PartnershipFactory(programme=programme)

    assert str(started.north) in client.get(url).text


def test_a_persons_access_is_kept_until_it_changes(client, focal_point, laarne, partnership):
    """What a person reaches (partnerships/access.py) is read once and kept while the data does
    not change: the next page does not read it again. Once they leave their municipality's
    team, the next page reads it again, and the municipality's page answers 404."""
    client.force_login(focal_point)
    url = reverse("partnerships:localgovernment_detail", args=[laarne.pk])

    def visit():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        reads = [query for query in captured if "SELECT 'member'" in query["sql"]]
        return response.status_code, len(reads)

    assert visit() == (200, 1)
    assert visit() == (200, 0)
    focal_point.memberships.get().delete()
    assert visit() == (404, 1)
