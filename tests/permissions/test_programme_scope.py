"""Sheets belong to one programme, observers read their own umbrella's side, and partners read a
sheet's history from its first sharing on (docs/security.md)."""

import datetime

import pytest
from django.urls import reverse

from learning.tools.learning_questions import LearningQuestion
from learning.tools.registry import get_tool
from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    MembershipFactory,
    PartnershipFactory,
    ProgrammeFactory,
    SouthLocalGovernmentFactory,
    SwotFactory,
    SwotItemFactory,
    UserFactory,
)
from tests.learning.sheets import create_sheet, sample_data


@pytest.fixture
def programme_b(db):
    """Older than the personas' programme: a guess by the latest programme would miss it."""
    return ProgrammeFactory(
        name="Programme B",
        start_date=datetime.date(2022, 1, 1),
        end_date=datetime.date(2023, 12, 31),
    )


@pytest.fixture
def bohicon(programme_b, laarne):
    """Laarne's partner in programme B."""
    bohicon = SouthLocalGovernmentFactory(name="Bohicon")
    PartnershipFactory(programme=programme_b, north=laarne, south=bohicon)
    return bohicon


@pytest.fixture
def consultant_b(programme_b, laarne, bohicon):
    """Coaches Laarne-Bohicon in programme B only."""
    user = UserFactory(username="consultant@b.example")
    programme_b.partnerships.get().consultants.add(user)
    return user


@pytest.fixture
def bohicon_focal_point(bohicon):
    return MembershipFactory(
        user=UserFactory(username="focal@bohicon.example"), local_government=bohicon
    ).user


def sheet_url(name, sheet):
    return reverse(f"learning:{name}", kwargs={"slug": sheet.tool.slug, "pk": sheet.pk})


def test_consultant_of_another_programme_does_not_find_the_draft(
    client, programme, partnership, programme_b, laarne, consultant_b
):
    sheet_a = SwotFactory(programme=programme, owners=[laarne], project_name="Programme A plan")
    sheet_b = SwotFactory(programme=programme_b, owners=[laarne], project_name="Programme B plan")
    client.force_login(consultant_b)

    assert client.get(sheet_url("sheet_detail", sheet_a)).status_code == 404
    assert client.get(sheet_url("sheet_update", sheet_a)).status_code == 404
    assert client.get(sheet_url("sheet_detail", sheet_b)).status_code == 200
    listing = client.get(reverse("learning:sheet_list", kwargs={"slug": "swot"})).text
    assert "Programme B plan" in listing
    assert "Programme A plan" not in listing


def test_partner_of_another_programme_does_not_read_shared_sheets(
    client, programme, partnership, programme_b, laarne, bohicon_focal_point
):
    sheet_a = SwotFactory(
        programme=programme, owners=[laarne], status="shared", project_name="Shared in A"
    )
    sheet_b = SwotFactory(
        programme=programme_b, owners=[laarne], status="shared", project_name="Shared in B"
    )
    client.force_login(bohicon_focal_point)

    assert client.get(sheet_url("sheet_detail", sheet_a)).status_code == 404
    assert client.get(sheet_url("sheet_detail", sheet_b)).status_code == 200
    assert (
        "Shared in A"
        not in client.get(
            reverse("partnerships:localgovernment_detail", kwargs={"pk": laarne.pk})
        ).text
    )


def test_observer_reads_the_partnership_but_not_the_other_sides_team(
    client, partnership, laarne, focal_point, partner_focal_point, observer
):
    shared = SwotFactory(owners=[laarne], status="shared", project_name="Shared by Laarne")
    client.force_login(observer)

    page = client.get(partnership.get_absolute_url()).text
    assert "Rodrigue" in page  # Ouinhi's focal point: the observer's own umbrella
    assert focal_point.get_full_name() not in page
    assert focal_point.username not in page
    assert "Shared by Laarne" in page
    assert client.get(sheet_url("sheet_detail", shared)).status_code == 200
    assert client.get(laarne.get_absolute_url()).status_code == 404
    # Links only to the pages it may open: Ouinhi's evolution, not Laarne's.
    assert f'href="{laarne.get_absolute_url()}"' not in page
    assert reverse("learning:evolution", args=[laarne.pk]) not in page
    assert reverse("learning:evolution", args=[partnership.south.pk]) in page


def test_partner_reads_the_history_from_the_first_sharing_on(
    client, partnership, laarne, focal_point, partner_focal_point, consultant
):
    sheet = SwotFactory(owners=[laarne])
    client.force_login(focal_point)
    item = SwotItemFactory(sheet=sheet, text="Typed in the draft, then deleted")
    item.text = "What we share"
    item.save()
    sheet.transition("share", by=focal_point)
    item.text = "Changed after sharing"
    item.save()

    client.force_login(partner_focal_point)
    partner_view = client.get(sheet_url("sheet_history", sheet)).text
    assert "Typed in the draft, then deleted" not in partner_view
    assert "What we share" in partner_view
    assert "Changed after sharing" in partner_view

    for owner_side in (focal_point, consultant):
        client.force_login(owner_side)
        assert (
            "Typed in the draft, then deleted" in client.get(sheet_url("sheet_history", sheet)).text
        )


def test_partner_does_not_read_wordings_set_aside_while_the_table_was_a_draft(
    client, partnership, laarne, focal_point, partner_focal_point, observer
):
    table = LearningQuestionTableFactory(owners=[laarne])
    first = LearningQuestionFactory(table=table, text="A wording we did not want to show?")
    first.reformulate(text="The wording we share?", by=focal_point, date=datetime.date(2024, 3, 2))
    table.transition("share", by=focal_point)
    current = table.current_questions().get()
    current.reformulate(
        text="The wording after sharing?", by=focal_point, date=datetime.date(2024, 9, 2)
    )

    for reader in (partner_focal_point, observer):
        client.force_login(reader)
        page = client.get(sheet_url("sheet_detail", table)).text
        assert "A wording we did not want to show?" not in page
        assert "The wording we share?" in page
        assert "The wording after sharing?" in page
        assert not LearningQuestion.objects.visible_to(reader).filter(pk=first.pk).exists()
        question_page = client.get(
            reverse("learning:question_detail", kwargs={"pk": table.current_questions().get().pk})
        ).text
        assert "A wording we did not want to show?" not in question_page

    client.force_login(focal_point)
    assert "A wording we did not want to show?" in client.get(sheet_url("sheet_detail", table)).text


def test_a_consultant_fills_in_a_tool_in_the_programme_they_coach(
    client, programme, partnership, programme_b, laarne, consultant_b
):
    SwotFactory(programme=programme, owners=[laarne], project_name="Programme A plan")
    tool = get_tool("factors")
    client.force_login(consultant_b)

    sheet = create_sheet(client, tool, laarne)

    assert sheet.programme == programme_b
    assert client.get(sheet.get_absolute_url()).status_code == 200


def test_a_sheet_filled_in_from_a_partnerships_page_belongs_to_its_programme(
    client, programme, partnership, programme_b, bohicon, focal_point, laarne
):
    """Laarne takes part in both programmes: the partnership's page says which one."""
    partnership_b = programme_b.partnerships.get()
    client.force_login(focal_point)
    page = client.get(partnership_b.get_absolute_url()).text
    assert f"/tools/factors/new/{laarne.pk}/?programme={programme_b.pk}" in page

    response = client.post(
        reverse("learning:sheet_create", kwargs={"slug": "factors", "owner": laarne.pk})
        + f"?programme={programme_b.pk}",
        sample_data(get_tool("factors"), laarne),
    )

    assert response.status_code == 302
    sheet = get_tool("factors").model.objects.get()
    assert sheet.programme == programme_b
    stranger_programme = ProgrammeFactory(name="Not Laarne's")
    assert (
        client.get(
            reverse("learning:sheet_create", kwargs={"slug": "swot", "owner": laarne.pk})
            + f"?programme={stranger_programme.pk}"
        ).status_code
        == 404
    )


def test_in_two_programmes_the_person_chooses_where_to_fill_in_a_tool(
    client, programme, partnership, programme_b, bohicon, focal_point, laarne
):
    client.force_login(focal_point)
    create = reverse("learning:sheet_create", kwargs={"slug": "factors", "owner": laarne.pk})

    choice = client.get(create)

    assert choice.status_code == 200
    for each in (programme, programme_b):
        assert f"{create}?programme={each.pk}" in choice.text
    listing = client.get(reverse("learning:sheet_list", kwargs={"slug": "factors"})).text
    assert f"Fill in for Laarne ({programme_b.name})" in listing
    assert not get_tool("factors").model.objects.exists()
