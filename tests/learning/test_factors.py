"""Tool 3, the factor analysis: scores on their scale, clear messages, the two-sided table."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from learning.forms import sheet_post_data
from learning.tools.factors import Factor
from learning.tools.registry import get_tool
from tests.factories import FactorAnalysisFactory, FactorFactory
from tests.learning.sheets import pdf_html

pytestmark = pytest.mark.django_db

TOOL = get_tool("factors")


def create_url(owner):
    return reverse("learning:sheet_create", kwargs={"slug": "factors", "owner": owner.pk})


def factor(**values):
    return {
        "impact": "positive",
        "text": "Associations that know the residents",
        "score": 8,
        "level": "social",
        "origin": "external",
        **values,
    }


def post_factors(client, owner, *factors, remarks="Our advisory councils"):
    data = sheet_post_data(TOOL, {"remarks": remarks, "factors": list(factors)})
    return client.post(create_url(owner), data)


@pytest.mark.parametrize("score", [0, 11, -3])
def test_score_outside_one_to_ten_is_refused_at_the_field_and_the_text_is_kept(
    client, focal_point, laarne, score
):
    client.force_login(focal_point)

    response = post_factors(
        client, laarne, factor(text="Youth council meets at night", score=score)
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Give a score from 1 (very low impact) to 10 (high impact)." in html
    assert "Youth council meets at night" in html
    assert "Our advisory councils" in html
    assert not Factor.objects.exists()


def test_a_score_that_is_not_a_number_is_refused_without_an_error_page(client, focal_point, laarne):
    client.force_login(focal_point)

    response = post_factors(client, laarne, factor(score="ten"))

    assert response.status_code == 200
    assert "Enter a whole number." in response.content.decode()


def test_an_over_long_factor_is_refused_at_the_field(client, focal_point, laarne):
    client.force_login(focal_point)

    response = post_factors(client, laarne, factor(text="x" * 301))

    assert response.status_code == 200
    assert "Ensure this value has at most 300 characters (it has 301)." in response.content.decode()


def test_a_factor_without_a_level_is_refused_in_the_users_language(client, focal_point, laarne):
    focal_point.language = "fr"
    focal_point.save()
    client.force_login(focal_point)

    response = post_factors(client, laarne, factor(level=""))

    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()


def test_the_database_refuses_a_score_outside_the_scale(laarne):
    sheet = FactorAnalysisFactory(owners=[laarne])

    with pytest.raises(IntegrityError):
        FactorFactory(sheet=sheet, score=11)


def test_factors_show_as_a_two_sided_table_highest_scores_first(client, focal_point, laarne):
    sheet = FactorAnalysisFactory(owners=[laarne])
    FactorFactory(sheet=sheet, impact="positive", text="Motivated staff", score=6)
    FactorFactory(sheet=sheet, impact="positive", text="Close ties with associations", score=9)
    FactorFactory(sheet=sheet, impact="negative", text="Always the same people", score=8)
    client.force_login(focal_point)

    html = client.get(sheet.get_absolute_url()).content.decode()

    assert html.index("Factors with a positive impact") < html.index(
        "Factors with a negative impact"
    )
    assert html.index("Close ties with associations") < html.index("Motivated staff")
    # The strongest negative factor sits on the first row, beside the strongest positive one.
    assert html.index("Close ties with associations") < html.index("Always the same people")
    assert html.index("Always the same people") < html.index("Motivated staff")


def test_factor_rows_pair_the_two_sides(laarne):
    sheet = FactorAnalysisFactory(owners=[laarne])
    strong = FactorFactory(sheet=sheet, impact="positive", score=9)
    weak = FactorFactory(sheet=sheet, impact="positive", score=2)
    negative = FactorFactory(sheet=sheet, impact="negative", score=5)

    assert sheet.factor_rows() == [(strong, negative), (weak, None)]


def test_the_pdf_lists_each_side_highest_scores_first_without_the_table(
    client, focal_point, laarne, monkeypatch
):
    sheet = FactorAnalysisFactory(owners=[laarne])
    FactorFactory(sheet=sheet, impact="positive", text="Motivated staff", score=6)
    FactorFactory(sheet=sheet, impact="positive", text="Close ties with associations", score=9)
    FactorFactory(sheet=sheet, impact="negative", text="Always the same people", score=8)
    client.force_login(focal_point)

    html = pdf_html(client, monkeypatch, sheet)
    words = ["(Civil) participation in the implementation", "Factors with a positive impact"]
    words += ["9/10 · Close ties with associations", "6/10 · Motivated staff"]
    words += ["Factors with a negative impact", "8/10 · Always the same people"]
    positions = [html.index(word) for word in words]
    assert positions == sorted(positions)
    assert "Score /10" in html
    assert "<table" not in html and "<td" not in html and "<div" not in html
