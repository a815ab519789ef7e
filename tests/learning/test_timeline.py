"""A municipality's timeline as a graph: its own wordings in families, merges as lanes joining,
splits as lanes fanning out, other tables' wordings only as stubs, and the same drawing in a
PDF. The `history` fixture (tests/learning/conftest.py): Laarne's and Sint-Truiden's questions
merged into their joint table."""

import datetime
import subprocess
from itertools import pairwise

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from learning.tools.learning_questions import LearningQuestion, LearningQuestionTable
from learning.tools.learning_questions.timeline import question_families, read_wordings
from learning.tools.learning_questions.timeline_svg import draw_families, lanes_svg
from sdgp.pdf import render_pdf
from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    MembershipFactory,
    PartnershipFactory,
    ProgrammeFactory,
    SouthLocalGovernmentFactory,
    UserFactory,
)
from tests.learning.sheets import pdf_html
from tests.learning.test_page_budgets import page_cost

pytestmark = pytest.mark.django_db


def families_of(local_government, user=None):
    """The drawn families of the municipality's timeline, as `user` (else anyone) reads it."""
    questions = LearningQuestion.objects
    readable = questions.visible_to(user) if user else questions.all()
    tables = LearningQuestionTable.objects.filter(owners=local_government)
    return draw_families(read_wordings(question_families(readable, tables)))


def node(family, text):
    return next(node for node in family.nodes if node.wording.text == text)


def parents(node):
    return sorted(parent.wording.text for parent in node.parents)


def test_a_merge_is_drawn_as_lanes_joining_not_as_a_chain(laarne, history):
    first = families_of(laarne)[0]
    merged = node(first, "Citizen participation in councils?")
    evaluations = node(first, "Participatory post-project evaluations?")
    clubs = node(first, "Women's clubs?")

    assert parents(merged) == [
        "Participation in the agricultural council?",
        "Participatory post-project evaluations?",
        "Women's clubs?",
    ]
    assert not clubs.parents and not evaluations.parents  # no chain between the merged ones
    council = node(first, "Participation in the agricultural council?")
    assert council.is_stub  # Sint-Truiden's, without its own history
    assert len({evaluations.lane, clubs.lane, council.lane}) == 3
    assert merged.lane == evaluations.lane  # it continues the lane of its first wording
    assert merged.how == "merged"
    into_merged = [edge for edge in first.edges if edge.child is merged]
    assert len(into_merged) == 3
    assert sum(edge.parent.lane != merged.lane for edge in into_merged) == 2  # lanes joining


def split(focal_point, laarne):
    """One question of Laarne split into two."""
    table = LearningQuestionTableFactory(owners=[laarne], status="shared")
    old = LearningQuestionFactory(table=table, order=1, text="Tourism and nature?")
    old.split(
        texts=["How do we attract visitors?", "How do we protect the marshes?"],
        by=focal_point,
        date=datetime.date(2024, 6, 1),
    )
    return old


def test_a_split_fans_out_into_lanes(client, focal_point, laarne):
    split(focal_point, laarne)
    (family,) = families_of(laarne)
    old = node(family, "Tourism and nature?")
    tourism, nature = (
        node(family, "How do we attract visitors?"),
        node(family, "How do we protect the marshes?"),
    )

    assert [node.wording.text for node in family.nodes][0] == "Tourism and nature?"
    assert {edge.parent for edge in family.edges} == {old}
    assert {edge.child for edge in family.edges} == {tourism, nature}
    assert tourism.lane != nature.lane and old.lane in {tourism.lane, nature.lane}
    assert family.lanes == 2
    assert tourism.how == nature.how == "split"
    client.force_login(focal_point)
    page = client.get(reverse("learning:evolution", args=[laarne.pk])).text
    assert page.count('class="timeline-step') == 3
    assert "\N{NO-BREAK SPACE}· split\N{NO-BREAK SPACE}·" in page


def test_sint_truiden_s_timeline_has_only_stubs_of_laarne_s_wordings(
    consultant, focal_point, sint_truiden, laarne, history
):
    sint_truiden.north_partnerships.get().consultants.add(consultant)
    # Laarne's first question had an earlier wording, before it fed the joint question.
    evaluations = history["evaluations"]
    earliest = LearningQuestionFactory(table=evaluations.table, order=9, text="Evaluations?")
    earliest.status = LearningQuestion.Status.REPLACED
    earliest.save()
    evaluations.replaces.add(earliest)

    (family,) = families_of(sint_truiden, consultant)

    texts = {node.wording.text: node for node in family.nodes}
    assert "Evaluations?" not in texts  # Laarne's history stays on Laarne's timeline
    assert "Witches and rights?" not in texts
    stubs = {text for text, node in texts.items() if node.is_stub}
    assert stubs == {"Participatory post-project evaluations?", "Women's clubs?"}
    assert not texts["Participatory post-project evaluations?"].parents
    drawn = next(d for d in family.drawing.nodes if d.wording == evaluations)
    assert "Laarne" in drawn.meta[0].text
    assert "Evaluations?" in [node.wording.text for node in families_of(laarne)[0].nodes]


def test_another_municipality_s_wording_never_appears(client, focal_point, laarne, history):
    client.force_login(focal_point)
    page = client.get(reverse("learning:evolution", args=[laarne.pk])).text
    assert "Local marketing of local products?" in page
    # Sint-Truiden's own table is not Laarne's to read, even where it fed the joint question.
    assert "Citizens&#x27; trust?" not in page and "Sint-Truiden" not in page


def test_another_programme_s_wording_never_appears(client, laarne, history):
    other = ProgrammeFactory(name="SDG Partnerships 2026-2027")
    bohicon = SouthLocalGovernmentFactory(name="Bohicon")
    PartnershipFactory(programme=other, north=laarne, south=bohicon)
    table = LearningQuestionTableFactory(programme=other, owners=[laarne], status="shared")
    LearningQuestionFactory(table=table, order=1, text="Waste collection?")
    user = MembershipFactory(
        user=UserFactory(username="focal@bohicon.example"), local_government=bohicon
    ).user
    client.force_login(user)

    page = client.get(reverse("learning:evolution", args=[laarne.pk])).text

    assert "Waste collection?" in page
    for wording in history.values():
        assert wording.text.replace("'", "&#x27;") not in page


def test_a_draft_s_set_aside_wording_never_appears_to_the_partner(
    client, focal_point, partner_focal_point, laarne
):
    table = LearningQuestionTableFactory(owners=[laarne], status="draft")
    draft = LearningQuestionFactory(table=table, order=1, text="A first thought?")
    draft.reformulate(text="A considered question?", by=focal_point, date=draft.changed_date)
    table.status = "shared"
    table.save()
    url = reverse("learning:evolution", args=[laarne.pk])

    client.force_login(partner_focal_point)
    page = client.get(url).text
    assert "A considered question?" in page and "A first thought?" not in page
    client.force_login(focal_point)
    assert "A first thought?" in client.get(url).text


def grow(history, sint_truiden, focal_point, count):
    """`count` more families of each shape in Laarne's timeline: a merge, a split and a
    drop, and a question of Sint-Truiden moved to the joint table."""
    joint = history["participation"].table
    for _ in range(count):
        table = LearningQuestionTableFactory(
            owners=[history["evaluations"].table.owners.get()], status="shared"
        )
        first, second, third = (LearningQuestionFactory(table=table) for _ in range(3))
        first.reformulate(
            text="Merged?", by=focal_point, date=first.changed_date, also_replaces=[second]
        )
        split = third.reformulate(text="Split?", by=focal_point, date=third.changed_date)
        other = LearningQuestion.objects.create(table=table, text="Other half?")
        other.replaces.add(third)
        split.drop(reason="Done", date=split.changed_date)
        theirs = LearningQuestionFactory(
            table=LearningQuestionTableFactory(
                programme=joint.programme, owners=[sint_truiden], status="shared"
            )
        )
        theirs.reformulate(text="Joint?", by=focal_point, date=theirs.changed_date, table=joint)


def test_the_timeline_costs_the_same_queries_on_a_longer_history(
    client, consultant, focal_point, laarne, sint_truiden, history
):
    sint_truiden.north_partnerships.get().consultants.add(consultant)
    client.force_login(consultant)
    url = reverse("learning:evolution", args=[laarne.pk])
    grow(history, sint_truiden, focal_point, 1)
    page_cost(client, url)  # the first request caches the content types
    small, few = page_cost(client, url)
    grow(history, sint_truiden, focal_point, 6)
    larger, many = page_cost(client, url)

    assert many.text.count('class="timeline-step') > few.text.count('class="timeline-step')
    assert larger == small


def pdf_text(pdf, tmp_path):
    path = tmp_path / "graph.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_a_family_drawn_in_a_pdf_keeps_its_wordings(laarne, history, tmp_path):
    family = families_of(laarne)[0]
    html = render_to_string(
        "learning/questions/includes/evolution_graph.html", {"family": family, "pdf": True}
    )
    assert "<a " not in html  # no links in print

    text = " ".join(
        pdf_text(
            render_pdf(
                "learning/questions/includes/evolution_graph.html",
                {"family": family},
                language="en",
            ),
            tmp_path,
        ).split()
    )

    for wording in (
        "Citizen participation in councils?",
        "Participation in the agricultural",
        "Women's clubs?",
    ):
        assert wording in text
    assert "merged" in text


def test_a_family_in_a_pdf_is_text_beside_its_lanes_drawn_as_an_image(laarne, history):
    """WeasyPrint lays out an SVG's text one letter at a time: in a PDF the wordings are
    text, and only the lanes and dots an image, cut into a band per wording."""
    family = families_of(laarne)[0]
    drawing = family.drawing
    html = render_to_string(
        "learning/questions/includes/evolution_graph.html", {"family": family, "pdf": True}
    )
    assert "<svg" not in html
    assert html.count('class="timeline-step"') == len(drawing.nodes)
    lanes = lanes_svg(drawing)
    assert "<text" not in lanes
    assert lanes.count("<circle") == len(drawing.nodes)
    bands = drawing.nodes
    assert bands[0].top == 0
    assert all(
        band.top + band.height == pytest.approx(below.top) for band, below in pairwise(bands)
    )
    assert bands[-1].top + bands[-1].height == pytest.approx(drawing.height)


def test_the_table_s_pdf_shows_how_its_questions_evolved(
    client, monkeypatch, focal_point, laarne, history
):
    client.force_login(focal_point)
    html = pdf_html(client, monkeypatch, history["evaluations"].table)
    section = html[html.index("How the questions evolved") :]
    # The merge; the dropped question never changed.
    assert section.count('class="evolution-graph"') == 1
    assert "Citizen participation in councils?" in section  # where it went: the joint table
    assert "Laarne, Sint-Truiden" in section
