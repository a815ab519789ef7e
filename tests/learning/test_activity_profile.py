"""Tool 2, the activity profile: per project, the strategies used to strengthen participation,
the phases they served and two scores out of 10, with a chart of quantity against quality."""

import re
from base64 import b64decode

import pytest
from django.db import IntegrityError
from django.urls import reverse

from learning.forms import current_values, sheet_post_data
from learning.models import Comment
from learning.tools.activity_profile import ActivityProfile, Strategy
from learning.tools.registry import get_tool
from tests.factories import ActivityProfileFactory, StrategyFactory
from tests.learning.test_page_budgets import page_cost

pytestmark = pytest.mark.django_db

TOOL = get_tool("activity-profile")


class PDF:
    """Stands for WeasyPrint's document where only the HTML handed to it matters."""

    @staticmethod
    def write_pdf(**kwargs):
        return b"%PDF"


SCORE_ERROR = "Give a score from 1 (very low) to 10 (very high)."


def create_url(owner):
    return reverse("learning:sheet_create", kwargs={"slug": TOOL.slug, "owner": owner.pk})


def update_url(sheet):
    return reverse("learning:sheet_update", kwargs={"slug": TOOL.slug, "pk": sheet.pk})


def post_data(owner, **changes):
    return sheet_post_data(TOOL, {**TOOL.sample(owner), **changes})


def strategy(text="Village council chosen by drawing lots", **changes):
    return {"strategy": text, "phases": ["design"], "quantity": 7, "quality": 8, **changes}


def profile(owner, programme, *, status=ActivityProfile.Status.DRAFT, strategies=2):
    sheet = ActivityProfileFactory(
        owners=[owner], programme=programme, project_name="Advisory councils", status=status
    )
    for index in range(strategies):
        StrategyFactory(sheet=sheet, strategy=f"Strategy {index + 1}", quantity=3 + index % 8)
    return sheet


def test_focal_point_describes_a_project_and_its_strategies(client, focal_point, laarne):
    client.force_login(focal_point)

    response = client.post(create_url(laarne), post_data(laarne))

    sheet = ActivityProfile.objects.get()
    assert response.status_code == 302
    assert sheet.project_name == "Renewal of the village square"
    rows = list(sheet.strategies.all())
    assert [(row.quantity, row.quality) for row in rows] == [(6, 8), (8, 5)]
    assert (rows[1].in_design, rows[1].in_execution, rows[1].in_monitoring_evaluation) == (
        True,
        True,
        False,
    )


def test_a_municipality_describes_as_many_projects_as_it_needs(
    client, focal_point, laarne, programme
):
    profile(laarne, programme)
    client.force_login(focal_point)

    assert client.get(create_url(laarne)).status_code == 200
    client.post(create_url(laarne), post_data(laarne, project_name="Mobility plan"))

    assert ActivityProfile.objects.owned_by(laarne).count() == 2


@pytest.mark.parametrize("score", [0, 11, -3])
def test_a_score_outside_1_to_10_is_refused_at_its_field(client, focal_point, laarne, score):
    client.force_login(focal_point)
    data = post_data(laarne, strategies=[strategy("Neighbourhood walks", quality=score)])

    response = client.post(create_url(laarne), data)

    assert response.status_code == 200
    assert not ActivityProfile.objects.exists()
    (formset,) = response.context["formsets"]
    assert formset.forms[0].errors == {"quality": [SCORE_ERROR]}
    assert "Neighbourhood walks" in response.content.decode()


def test_a_missing_score_is_refused(client, focal_point, laarne):
    client.force_login(focal_point)
    data = post_data(laarne, strategies=[strategy(quantity=None)])

    response = client.post(create_url(laarne), data)

    (formset,) = response.context["formsets"]
    assert formset.forms[0].errors == {"quantity": ["This field is required."]}


def test_errors_speak_the_users_language(client, partner_focal_point, ouinhi):
    client.force_login(partner_focal_point)
    data = post_data(
        ouinhi,
        project_name="",
        strategies=[strategy("", comments="Les femmes productrices étaient présentes.")],
    )

    response = client.post(create_url(ouinhi), data)

    content = response.content.decode()
    assert response.status_code == 200
    assert content.count("Ce champ est obligatoire.") >= 2
    assert "Les femmes productrices étaient présentes." in content


def test_an_overlong_project_name_is_refused(client, focal_point, laarne):
    client.force_login(focal_point)

    response = client.post(create_url(laarne), post_data(laarne, project_name="x" * 201))

    assert response.context["form"].errors["project_name"] == [
        "Ensure this value has at most 200 characters (it has 201)."
    ]


def test_the_database_refuses_scores_outside_the_scale(programme, laarne):
    sheet = profile(laarne, programme, strategies=0)

    with pytest.raises(IntegrityError):
        Strategy.objects.create(sheet=sheet, strategy="Too good", quantity=11, quality=5)


def test_rows_are_added_and_removed_in_one_save(client, focal_point, laarne, programme):
    sheet = profile(laarne, programme, strategies=2)
    client.force_login(focal_point)
    values = current_values(TOOL, sheet)
    values["strategies"][0]["DELETE"] = True
    values["strategies"].append(strategy("Citizen panel on the budget", quantity=9, quality=9))

    response = client.post(update_url(sheet), sheet_post_data(TOOL, values, version=1))

    assert response.status_code == 302
    assert [row.strategy for row in sheet.strategies.all()] == [
        "Strategy 2",
        "Citizen panel on the budget",
    ]


def test_phases_are_ticked_as_one_group(client, focal_point, laarne, programme):
    sheet = profile(laarne, programme, strategies=1)
    client.force_login(focal_point)
    values = current_values(TOOL, sheet)
    assert values["strategies"][0]["phases"] == ["design"]
    values["strategies"][0]["phases"] = ["execution", "monitoring_evaluation"]

    client.post(update_url(sheet), sheet_post_data(TOOL, values, version=1))

    row = sheet.strategies.get()
    assert (row.in_design, row.in_execution, row.in_monitoring_evaluation) == (False, True, True)


def test_the_page_shows_the_table_and_the_chart(client, focal_point, laarne, programme):
    sheet = profile(laarne, programme, strategies=0)
    StrategyFactory(sheet=sheet, strategy="Walk with residents", quantity=6, quality=8)
    StrategyFactory(
        sheet=sheet, strategy="Survey", quantity=8, quality=5, in_design=False, in_execution=True
    )
    client.force_login(focal_point)

    content = client.get(sheet.get_absolute_url()).content.decode()

    assert "Project name/description: Advisory councils" in content
    assert "6/10" in content and "8/10" in content
    assert content.count('class="strategy-point"') == 2
    assert "Level of participation (quantity)" in content
    assert "execution" in content


def test_the_chart_escapes_what_people_typed(client, focal_point, laarne, programme):
    sheet = profile(laarne, programme, strategies=0)
    StrategyFactory(sheet=sheet, strategy='<img src=x onerror="alert(1)">', quantity=5, quality=5)
    client.force_login(focal_point)

    content = client.get(sheet.get_absolute_url()).content.decode()

    assert "<img src=x" not in content
    assert "&lt;img src=x" in content


def test_a_profile_without_strategies_says_so(client, focal_point, laarne, programme):
    sheet = profile(laarne, programme, strategies=0)
    client.force_login(focal_point)

    content = client.get(sheet.get_absolute_url()).content.decode()

    assert "No strategies yet." in content
    assert "<svg" not in content


def test_partner_reads_the_shared_profile_and_comments(
    client, partner_focal_point, laarne, programme
):
    sheet = profile(laarne, programme, status=ActivityProfile.Status.SHARED)
    client.force_login(partner_focal_point)

    page = client.get(sheet.get_absolute_url())
    client.post(
        reverse("learning:comment_create", kwargs={"slug": TOOL.slug, "pk": sheet.pk}),
        {"text": "Comment avez-vous choisi les habitants ?"},
    )

    assert page.status_code == 200
    assert "Strategy 1" in page.content.decode()
    assert Comment.objects.get().text == "Comment avez-vous choisi les habitants ?"


def test_partner_cannot_read_a_draft(client, partner_focal_point, laarne, programme):
    sheet = profile(laarne, programme)
    client.force_login(partner_focal_point)

    assert client.get(sheet.get_absolute_url()).status_code == 404


def test_partner_cannot_edit_a_shared_profile(client, partner_focal_point, laarne, programme):
    sheet = profile(laarne, programme, status=ActivityProfile.Status.SHARED)
    client.force_login(partner_focal_point)

    assert client.get(update_url(sheet)).status_code == 403


def test_the_pdf_carries_the_same_chart(client, consultant, laarne, programme):
    sheet = profile(laarne, programme)
    client.force_login(consultant)
    kwargs = {"slug": TOOL.slug, "pk": sheet.pk}

    printed = client.get(reverse("learning:sheet_print", kwargs=kwargs)).content.decode()
    pdf = client.get(reverse("learning:sheet_pdf", kwargs=kwargs))

    assert printed.count('class="strategy-point"') == 2
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_the_pdf_leaves_the_numbering_of_the_chart_to_the_table(
    client, consultant, laarne, programme, monkeypatch
):
    rendered = []
    monkeypatch.setattr("sdgp.pdf.HTML", lambda string, **kwargs: rendered.append(string) or PDF)
    sheet = profile(laarne, programme, strategies=0)
    StrategyFactory(sheet=sheet, strategy="Walk with residents", quantity=6, quality=8)
    client.force_login(consultant)

    client.get(reverse("learning:sheet_pdf", kwargs={"slug": TOOL.slug, "pk": sheet.pk}))

    (html,) = rendered
    picture = chart_image(html)
    assert picture.count("<circle") == 1
    assert "<text" not in picture and "Walk with residents" not in picture
    assert html.count("Walk with residents") == 1  # the strategy's paragraph


def test_the_pdf_draws_the_chart_as_an_image_and_the_page_inline(
    client, consultant, laarne, programme, monkeypatch
):
    rendered = []
    monkeypatch.setattr("sdgp.pdf.HTML", lambda string, **kwargs: rendered.append(string) or PDF)
    sheet = profile(laarne, programme)
    client.force_login(consultant)
    kwargs = {"slug": TOOL.slug, "pk": sheet.pk}

    printed = client.get(reverse("learning:sheet_print", kwargs=kwargs)).content.decode()
    client.get(reverse("learning:sheet_pdf", kwargs=kwargs))

    (html,) = rendered
    assert "<svg" not in html
    assert chart_image(html).startswith("<svg")
    assert "<svg" in printed and "data:image/svg+xml" not in printed


def chart_image(html):
    """The picture of the chart (lines and dots) a PDF's HTML carries as an image's data: URL."""
    (data,) = re.findall(
        r'<img class="chart-picture" src="data:image/svg\+xml;base64,([^"]+)"', html
    )
    return b64decode(data).decode()


def test_other_tools_can_suggest_the_projects_described(
    programme, laarne, ouinhi, focal_point, partner_focal_point
):
    ActivityProfileFactory(owners=[laarne], programme=programme, project_name="Mobility plan")
    ActivityProfileFactory(owners=[laarne], programme=programme, project_name="Sports hall")
    ActivityProfileFactory(owners=[ouinhi], programme=programme, project_name="Market hangar")

    assert TOOL.project_names(laarne, focal_point) == ["Mobility plan", "Sports hall"]
    # Laarne's drafts are not the partner's to read, not even as suggestions.
    assert TOOL.project_names(laarne, partner_focal_point) == []


def test_phases_are_listed_in_project_order():
    row = Strategy(in_design=True, in_monitoring_evaluation=True)

    assert [str(phase) for phase in row.phases] == ["design", "monitoring and evaluation"]


def test_the_page_reads_the_strategies_in_one_query_however_many(
    client, focal_point, laarne, programme
):
    small = profile(laarne, programme, strategies=2)
    large = profile(laarne, programme, strategies=9)
    client.force_login(focal_point)
    client.get(small.get_absolute_url())  # session and permissions warmed up

    counts = [page_cost(client, sheet.get_absolute_url())[0] for sheet in (small, large)]

    assert counts[0] == counts[1]


def test_the_pdf_has_the_words_of_the_strategies_in_order_without_the_table(
    client, consultant, laarne, programme, monkeypatch
):
    rendered = []
    monkeypatch.setattr("sdgp.pdf.HTML", lambda string, **kwargs: rendered.append(string) or PDF)
    sheet = profile(laarne, programme, strategies=0)
    StrategyFactory(sheet=sheet, strategy="Walk with residents", quantity=6, quality=8)
    StrategyFactory(sheet=sheet, strategy="Open council", quantity=3, quality=4, comments="Busy")
    client.force_login(consultant)

    client.get(reverse("learning:sheet_pdf", kwargs={"slug": TOOL.slug, "pk": sheet.pk}))

    (html,) = rendered
    words = ["# · Strategies · Level of participation (quantity)"]
    words += ["1. Walk with residents", "design", "Quantity 6/10 · Quality 8/10"]
    words += ["2. Open council", "Quantity 3/10 · Quality 4/10", "Comments:", "Busy"]
    positions = [html.index(word) for word in words]
    assert positions == sorted(positions)
    assert "<table" not in html and "<td" not in html and "<div" not in html
