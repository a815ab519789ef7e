"""A municipality's own learning-questions table shows the questions of the joint tables it
draws up with others, and a table links to the evolution of only the owners its reader may
open."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    LocalGovernmentFactory,
    PartnershipFactory,
    SouthLocalGovernmentFactory,
)
from tests.learning.test_page_budgets import page_cost

pytestmark = pytest.mark.django_db

NO_QUESTIONS = "No learning questions yet."
IN_THE_JOINT_TABLE = "Its learning questions are in the joint table:"


@pytest.fixture
def sint_truiden(programme, consultant):
    sint_truiden = LocalGovernmentFactory(name="Sint-Truiden")
    PartnershipFactory(
        programme=programme, north=sint_truiden, south=SouthLocalGovernmentFactory(name="Covè")
    ).consultants.add(consultant)
    return sint_truiden


@pytest.fixture
def own(programme, partnership, laarne):
    """Laarne's own table, its questions all moved to the joint one."""
    return LearningQuestionTableFactory(programme=programme, owners=[laarne], status="shared")


@pytest.fixture
def joint(programme, laarne, sint_truiden):
    table = LearningQuestionTableFactory(
        programme=programme, owners=[laarne, sint_truiden], status="shared"
    )
    LearningQuestionFactory(table=table, order=1, text="How do we reach young people?")
    LearningQuestionFactory(table=table, order=2, text="How do we keep councils lively?")
    return table


@pytest.fixture
def partner(partner_focal_point):
    """Ouinhi's focal point, reading in English here."""
    partner_focal_point.language = "en"
    partner_focal_point.save()
    return partner_focal_point


def evolution_url(local_government):
    return reverse("learning:evolution", args=[local_government.pk])


# Joint questions on the own table


def test_laarnes_own_table_lists_the_joint_questions_it_shares(client, focal_point, own, joint):
    client.force_login(focal_point)
    page = client.get(own.get_absolute_url()).text

    assert "Joint questions shared with Sint-Truiden" in page
    for question in joint.questions.all():
        assert f'href="{question.get_absolute_url()}"' in page
        assert question.text in page
    assert IN_THE_JOINT_TABLE in page
    assert f'href="{joint.get_absolute_url()}"' in page
    assert NO_QUESTIONS not in page


def test_an_own_table_with_questions_lists_the_joint_ones_below_them(
    client, focal_point, own, joint
):
    LearningQuestionFactory(table=own, order=1, text="How do we price the market stalls?")
    client.force_login(focal_point)
    page = client.get(own.get_absolute_url()).text

    assert page.index("How do we price the market stalls?") < page.index("Joint questions")
    assert "How do we reach young people?" in page
    assert IN_THE_JOINT_TABLE not in page


def test_the_joint_questions_leave_out_the_earlier_wordings(client, focal_point, own, joint):
    first = joint.questions.get(order=1)
    first.reformulate(
        text="How do we reach pupils?", by=focal_point, date=datetime.date(2024, 9, 1)
    )
    client.force_login(focal_point)
    section = client.get(own.get_absolute_url()).text.split("Joint questions shared with")[1]

    assert "How do we reach pupils?" in section
    assert "How do we reach young people?" not in section


def test_the_partner_does_not_see_a_joint_table_still_in_draft(client, partner, own, joint):
    joint.status = "draft"
    joint.save()
    client.force_login(partner)
    page = client.get(own.get_absolute_url()).text

    assert "Joint questions" not in page
    assert "How do we reach young people?" not in page
    assert NO_QUESTIONS in page


def test_the_partner_reads_the_shared_joint_questions_on_laarnes_table(client, partner, own, joint):
    client.force_login(partner)
    page = client.get(own.get_absolute_url()).text
    assert "Joint questions shared with Sint-Truiden" in page
    assert "How do we reach young people?" in page


def test_a_joint_table_of_another_programme_is_not_listed(
    client, focal_point, own, laarne, sint_truiden
):
    from tests.factories import ProgrammeFactory

    elsewhere = LearningQuestionTableFactory(
        programme=ProgrammeFactory(), owners=[laarne, sint_truiden], status="shared"
    )
    LearningQuestionFactory(table=elsewhere, text="A question of another programme?")
    client.force_login(focal_point)
    page = client.get(own.get_absolute_url()).text
    assert "A question of another programme?" not in page
    assert NO_QUESTIONS in page


def test_the_joint_table_does_not_list_laarnes_own_questions(client, focal_point, own, joint):
    LearningQuestionFactory(table=own, text="How do we price the market stalls?")
    client.force_login(focal_point)
    page = client.get(joint.get_absolute_url()).text
    assert "Joint questions" not in page
    assert "How do we price the market stalls?" not in page


def test_a_long_joint_table_shows_a_page_of_questions_for_the_same_queries(
    client, focal_point, own, joint
):
    client.force_login(focal_point)
    page_cost(client, own.get_absolute_url())  # the first request caches the content types
    few, short = page_cost(client, own.get_absolute_url())
    for order in range(3, 16):
        LearningQuestionFactory(table=joint, order=order)
    many, long = page_cost(client, own.get_absolute_url())

    assert many == few
    assert long.text.count("How can the municipality learn lesson") == 8  # ten in all
    assert "All the questions of the joint table" in long.text
    assert "All the questions of the joint table" not in short.text


def test_the_joint_tables_are_kept_for_the_reader_until_the_data_changes(
    client, focal_point, own, joint
):
    client.force_login(focal_point)

    def visit():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(own.get_absolute_url())
        assert response.status_code == 200
        return len(captured), response.text

    visit()  # the first request caches the content types
    cache.clear()
    read, _page = visit()
    kept, _page = visit()
    assert kept < read
    LearningQuestionFactory(table=joint, order=3, text="How do we share one market hall?")
    again, page = visit()
    assert again == read
    assert "How do we share one market hall?" in page


# The evolution links of a joint table


@pytest.mark.parametrize("role", ["focal_point", "partner_focal_point"])
def test_the_joint_table_links_only_the_evolutions_the_reader_may_open(
    client, request, joint, laarne, sint_truiden, role
):
    client.force_login(request.getfixturevalue(role))
    page = client.get(joint.get_absolute_url()).text

    assert f'href="{evolution_url(laarne)}"' in page
    assert client.get(evolution_url(laarne)).status_code == 200
    # Neither Laarne's nor Ouinhi's focal point may open Sint-Truiden's timeline.
    assert f'href="{evolution_url(sint_truiden)}"' not in page
    assert client.get(evolution_url(sint_truiden)).status_code == 404


def test_the_consultant_of_both_gets_both_evolution_links(
    client, consultant, joint, laarne, sint_truiden
):
    client.force_login(consultant)
    page = client.get(joint.get_absolute_url()).text
    for owner in (laarne, sint_truiden):
        assert f'href="{evolution_url(owner)}"' in page
        assert client.get(evolution_url(owner)).status_code == 200


def test_the_earlier_wordings_link_only_the_evolutions_the_reader_may_open(
    client, partner_focal_point, focal_point, joint, laarne, sint_truiden
):
    question = joint.questions.get(order=1)
    for step in range(5):
        question = question.reformulate(
            text=f"{question.text} ({step})", by=focal_point, date=datetime.date(2024, 9, 1)
        )
    client.force_login(partner_focal_point)
    page = client.get(joint.get_absolute_url()).text

    assert page.count(f'href="{evolution_url(laarne)}"') == 2
    assert f'href="{evolution_url(sint_truiden)}"' not in page
