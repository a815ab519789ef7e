"""Tool 4, the SWOT analysis: the 2x2 matrix, FFOM in French, project suggestions."""

import pytest
from django.urls import reverse
from django.utils.translation import trans_real

from learning.forms import sheet_post_data
from learning.tools.registry import get_tool
from tests.factories import CommentFactory, SwotFactory, SwotItemFactory
from tests.learning.sheets import pdf_html

pytestmark = pytest.mark.django_db

TOOL = get_tool("swot")


@pytest.fixture
def french_catalogue_says_ffom(monkeypatch):
    """The French catalogue's entry for the matrix label (translated in locale/fr)."""
    french = trans_real.translation("fr")
    gettext = french.gettext
    monkeypatch.setattr(
        french,
        "gettext",
        lambda message: "FFOM" if message == "matrix\x04SWOT" else gettext(message),
    )


def test_swot_shows_its_items_in_a_two_by_two_matrix(client, focal_point, laarne):
    sheet = SwotFactory(owners=[laarne], project_name="Advisory councils")
    SwotItemFactory(sheet=sheet, quadrant="T", text="Elections next year")
    SwotItemFactory(sheet=sheet, quadrant="S", text="Motivated staff")
    SwotItemFactory(sheet=sheet, quadrant="W", text="Same faces every time")
    SwotItemFactory(sheet=sheet, quadrant="O", text="New multi-year plan")
    client.force_login(focal_point)

    html = client.get(sheet.get_absolute_url()).content.decode()

    assert "Advisory councils" in html
    order = ["Internal", "Motivated staff", "Same faces every time", "External"]
    order += ["New multi-year plan", "Elections next year"]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)
    assert ">SWOT</th>" in html


def test_french_readers_see_the_matrix_labelled_ffom(
    client, partner_focal_point, laarne, french_catalogue_says_ffom
):
    sheet = SwotFactory(owners=[laarne], status="shared")
    client.force_login(partner_focal_point)  # prefers French

    html = client.get(sheet.get_absolute_url()).content.decode()

    assert ">FFOM</th>" in html
    assert ">SWOT</th>" not in html


def test_english_and_dutch_readers_see_swot(
    client, focal_point, laarne, french_catalogue_says_ffom
):
    sheet = SwotFactory(owners=[laarne])
    client.force_login(focal_point)

    for language in ("en", "nl"):
        focal_point.language = language
        focal_point.save()
        html = client.get(sheet.get_absolute_url()).content.decode()
        assert ">SWOT</th>" in html


def test_swot_form_suggests_the_projects_of_the_activity_profile(
    client, focal_point, laarne, monkeypatch
):
    monkeypatch.setattr(
        get_tool("activity-profile"), "project_names", lambda owner, user: ["Market hall"]
    )
    client.force_login(focal_point)

    html = client.get(
        reverse("learning:sheet_create", kwargs={"slug": "swot", "owner": laarne.pk})
    ).content.decode()

    assert 'list="swot-projects"' in html
    assert '<option value="Market hall">' in html


def test_an_over_long_item_is_refused_and_the_rest_is_kept(client, focal_point, laarne):
    client.force_login(focal_point)
    data = sheet_post_data(
        TOOL,
        {
            "project_name": "Weekly market",
            "items": [{"quadrant": "S", "text": "y" * 301}, {"quadrant": "W", "text": "Mud"}],
        },
    )

    response = client.post(
        reverse("learning:sheet_create", kwargs={"slug": "swot", "owner": laarne.pk}), data
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value has at most 300 characters (it has 301)." in html
    assert "Weekly market" in html
    assert "Mud" in html


def test_a_swot_without_a_project_name_is_refused_at_the_field(client, focal_point, laarne):
    client.force_login(focal_point)
    data = sheet_post_data(TOOL, {"project_name": "", "items": []})

    response = client.post(
        reverse("learning:sheet_create", kwargs={"slug": "swot", "owner": laarne.pk}), data
    )

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()


def test_items_keep_the_order_in_which_they_were_typed(client, focal_point, laarne):
    client.force_login(focal_point)
    data = sheet_post_data(
        TOOL,
        {
            "project_name": "Weekly market",
            "items": [
                {"quadrant": "O", "text": "Second opportunity"},
                {"quadrant": "S", "text": "A strength"},
                {"quadrant": "O", "text": "Third opportunity"},
            ],
        },
    )
    client.post(reverse("learning:sheet_create", kwargs={"slug": "swot", "owner": laarne.pk}), data)

    sheet = TOOL.model.objects.get()
    opportunities = sheet.quadrants()[2]["items"]
    assert [item.text for item in opportunities] == ["Second opportunity", "Third opportunity"]


def test_detail_page_needs_a_fixed_number_of_queries(
    client, consultant, laarne, django_assert_max_num_queries
):
    sheet = SwotFactory(owners=[laarne], status="shared")
    SwotItemFactory.create_batch(20, sheet=sheet)
    CommentFactory.create_batch(10, sheet=sheet)
    client.force_login(consultant)

    with django_assert_max_num_queries(20):
        response = client.get(sheet.get_absolute_url())

    assert response.status_code == 200


def test_the_pdf_has_the_words_of_the_matrix_in_order_without_the_table_or_lists(
    client, focal_point, laarne, monkeypatch
):
    sheet = SwotFactory(owners=[laarne], project_name="Advisory councils")
    SwotItemFactory(sheet=sheet, quadrant="T", text="Elections next year")
    SwotItemFactory(sheet=sheet, quadrant="S", text="Motivated staff")
    SwotItemFactory(sheet=sheet, quadrant="S", text="A young mayor")
    SwotItemFactory(sheet=sheet, quadrant="W", text="Same faces every time")
    client.force_login(focal_point)

    html = pdf_html(client, monkeypatch, sheet)
    words = ["Advisory councils", "SWOT · Internal", "Strengths (Positive)", "• Motivated staff"]
    words += ["• A young mayor", "Weaknesses (Negative)", "• Same faces every time"]
    words += ["SWOT · External", "Opportunities (Positive)", "–", "Threats (Negative)"]
    words += ["• Elections next year", "Challenges", "Strategies"]
    positions = [html.index(word) for word in words]
    assert positions == sorted(positions)
    assert "<table" not in html and "<li" not in html and "<div" not in html


def test_a_new_swot_starts_with_three_empty_rows_per_quadrant(client, focal_point, laarne):
    client.force_login(focal_point)
    response = client.get(reverse("learning:sheet_create", args=[TOOL.slug, laarne.pk]))
    formset = response.context["rowsets"][0]["formset"]
    assert [form.initial.get("quadrant") for form in formset.forms] == [
        quadrant for quadrant in "SWOT" for _row in range(3)
    ]


def test_the_empty_rows_of_a_new_swot_are_left_out_when_it_is_saved(client, focal_point, laarne):
    client.force_login(focal_point)
    values = TOOL.sample(laarne)
    empty = [{"quadrant": quadrant, "text": ""} for quadrant in "SWOT" for _row in range(2)]
    values["items"] = values["items"] + empty
    response = client.post(
        reverse("learning:sheet_create", args=[TOOL.slug, laarne.pk]),
        sheet_post_data(TOOL, values),
    )
    assert response.status_code == 302
    assert TOOL.model.objects.get().items.count() == 4
