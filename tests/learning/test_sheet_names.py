"""Sheet names tell an owner's several sheets of a tool apart: the activity profile and the SWOT
by their project, the other tools by a number when the same owners have several, on every page
that names a sheet."""

import pytest
from django.urls import reverse

from learning.tools.base import numbers_by_owners
from tests.factories import (
    ActivityProfileFactory,
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    LocalGovernmentFactory,
    PartnershipFactory,
    ProgrammeFactory,
    SouthLocalGovernmentFactory,
)
from tests.learning.sheets import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def profiles(programme, partnership, laarne):
    return [
        ActivityProfileFactory(programme=programme, owners=[laarne], project_name=name)
        for name in ("Village square", "Youth council", "Market")
    ]


@pytest.fixture
def tables(programme, partnership, laarne):
    """Laarne's two own tables and a joint one with Sint-Truiden, in that order."""
    sint_truiden = LocalGovernmentFactory(name="Sint-Truiden")
    PartnershipFactory(
        programme=programme, north=sint_truiden, south=SouthLocalGovernmentFactory(name="Covè")
    )
    first = LearningQuestionTableFactory(programme=programme, owners=[laarne], status="shared")
    second = LearningQuestionTableFactory(programme=programme, owners=[laarne], status="shared")
    joint = LearningQuestionTableFactory(
        programme=programme, owners=[laarne, sint_truiden], status="shared"
    )
    return first, second, joint


def test_activity_profiles_are_named_after_their_projects(client, focal_point, laarne, profiles):
    client.force_login(focal_point)
    listed = client.get(reverse("learning:sheet_list", args=["activity-profile"])).text
    municipality = client.get(laarne.get_absolute_url()).text
    for profile in profiles:
        name = f"Activity profile: {profile.project_name}"
        assert str(profile) == name
        assert name in listed
        assert name in municipality
        page = client.get(profile.get_absolute_url()).text
        assert f'<h1 class="h3">{name}</h1>' in page
        assert f">{profile.project_name}</a></li>" in page  # the breadcrumb


def test_an_owners_several_tables_are_numbered_on_every_page(
    client, focal_point, partnership, tables
):
    first, second, joint = tables
    question = LearningQuestionFactory(table=second, order=1)
    client.force_login(focal_point)
    title = "Learning questions table"

    listed = client.get(reverse("learning:sheet_list", args=[first.tool.slug])).text
    overview = client.get(partnership.get_absolute_url()).text
    for text in (listed, overview):
        assert f"{title}: Laarne (1)" in text
        assert f"{title}: Laarne (2)" in text
        assert f"{title}: Laarne, Sint-Truiden<" in text  # its owners tell it apart
    page = client.get(second.get_absolute_url()).text
    assert f'<h1 class="h3">{title}: Laarne (2)</h1>' in page
    assert ">Laarne (2)</a></li>" in page  # the breadcrumb
    assert f"Edit: {title}: Laarne (2)" in client.get(url("sheet_update", second)).text
    assert f"History of {title}: Laarne (2)" in client.get(url("sheet_history", second)).text
    assert "Laarne (2)\n" in client.get(url("sheet_print", second)).text
    assert ">Laarne (2)</a></li>" in client.get(question.get_absolute_url()).text
    pdf = client.get(url("sheet_pdf", second))
    assert "learning-questions-laarne-2-v1.pdf" in pdf["Content-Disposition"]


def test_a_municipalitys_only_table_is_not_numbered(client, focal_point, partnership, laarne):
    table = LearningQuestionTableFactory(owners=[laarne], status="shared")
    client.force_login(focal_point)
    page = client.get(table.get_absolute_url()).text
    assert '<h1 class="h3">Learning questions table: Laarne</h1>' in page


def test_the_numbers_count_the_tables_of_every_programme(
    client, focal_point, laarne, partnership, tables
):
    first, _second, _joint = tables
    later = LearningQuestionTableFactory(programme=ProgrammeFactory(), owners=[laarne])
    client.force_login(focal_point)
    assert "Learning questions table: Laarne (1)" in client.get(first.get_absolute_url()).text
    # Laarne's page lists the tables of both programmes.
    municipality = client.get(laarne.get_absolute_url()).text
    assert "Learning questions table: Laarne (3)" in municipality
    assert later.get_absolute_url() in municipality


def test_sheets_with_the_same_owners_are_numbered_in_the_order_they_were_made():
    owners = {7: frozenset({1}), 3: frozenset({1}), 5: frozenset({1, 2}), 9: frozenset({2})}
    assert numbers_by_owners(owners, [7, 3, 5, 9]) == {3: 1, 7: 2}


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_every_tool_title_starts_with_a_capital(language):
    from django.utils import translation

    from learning.tools.registry import tools

    with translation.override(language):
        for tool in tools():
            for title in (str(tool.title), str(tool.label)):
                assert title[0].isupper(), f"{tool.slug} in {language}: {title}"


def test_french_sheet_names_put_a_space_before_the_colon(laarne):
    from django.utils import translation

    from tests.factories import SwotFactory

    sheet = SwotFactory(owners=[laarne], project_name="Conseils")
    with translation.override("fr"):
        assert str(sheet) == "FFOM : Conseils"
