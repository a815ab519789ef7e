"""The strategy chart: an SVG string drawn on the server, the same on the page and in the PDF."""

import xml.etree.ElementTree as ET

from django.utils import translation

from learning import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg):
    return ET.fromstring(svg)


def points(svg):
    return parse(svg).findall(f"{SVG}g")


def test_chart_is_well_formed_svg_with_one_point_per_strategy():
    svg = charts.strategy_chart([("Walk with residents", 6, 8), ("Online survey", 8, 5)])

    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert len(points(svg)) == 2


def test_point_sits_at_its_quantity_across_and_quality_up():
    svg = charts.strategy_chart([("High on both", 10, 10), ("Low on both", 1, 1)])

    high, low = (group.find(f"{SVG}circle") for group in points(svg))
    # Sorted by scores: (1, 1) comes first.
    high, low = low, high
    assert float(high.get("cx")) > float(low.get("cx"))
    assert float(high.get("cy")) < float(low.get("cy"))  # SVG's y grows downwards
    assert float(low.get("cx")) == charts._x(1)
    assert float(high.get("cy")) == charts._y(10)


def test_points_are_labelled_with_their_row_numbers():
    svg = charts.strategy_chart([("First", 3, 4), ("Second", 7, 2)])

    labels = [group.find(f"{SVG}text").text for group in points(svg)]
    assert sorted(labels) == ["1", "2"]


def test_strategies_with_the_same_scores_share_a_point():
    svg = charts.strategy_chart([("First", 5, 5), ("Second", 2, 9), ("Third", 5, 5)])

    groups = points(svg)
    assert len(groups) == 2
    assert "1, 3" in [group.find(f"{SVG}text").text for group in groups]


def test_both_axes_run_from_1_to_10():
    svg = charts.strategy_chart([("Only", 4, 4)])

    tick_texts = [text.text for text in parse(svg).findall(f"{SVG}text")]
    for value in range(1, 11):
        assert tick_texts.count(str(value)) >= 2  # once on each axis


def test_legend_names_each_strategy_and_shortens_long_ones():
    long_text = "Consult every neighbourhood " * 10
    svg = charts.strategy_chart([("Short one", 2, 3), (long_text, 6, 6)])

    legend = ["".join(text.itertext()) for text in parse(svg).findall(f"{SVG}text[{SVG}tspan]")]
    assert legend[0] == "1. Short one"
    assert legend[1].startswith("2. Consult every neighbourhood")
    assert legend[1].endswith("…")
    assert len(legend[1]) < 80


def test_text_is_escaped():
    svg = charts.strategy_chart([('<script>alert("x")</script> & co', 5, 6)])

    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    parse(svg)  # still well-formed


def test_rows_without_scores_keep_their_number_but_get_no_point():
    svg = charts.strategy_chart([("Unscored", None, None), ("Scored", 4, 9)])

    (group,) = points(svg)
    assert group.find(f"{SVG}text").text == "2"


def test_empty_chart_says_so():
    svg = charts.strategy_chart([])

    assert points(svg) == []
    assert "No strategies scored yet." in svg


def test_axis_labels_follow_the_language():
    with translation.override("en"):
        english = charts.strategy_chart([("Un", 5, 5)])
    assert "Level of participation (quantity)" in english
    assert "Added value (quality)" in english
    with translation.override("fr"):
        french = charts.strategy_chart([("Un", 5, 5)])
    # Same picture, labels from the French catalogue (identical until it is translated).
    assert len(points(french)) == len(points(english))


def test_without_its_legend_the_chart_keeps_its_points_and_is_shorter():
    rows = [("First", 3, 4), ("Second", 7, 2)]
    full = parse(charts.strategy_chart(rows))
    short = parse(charts.strategy_chart(rows, legend=False))

    assert len(short.findall(f"{SVG}g")) == 2
    assert short.findall(f"{SVG}text[{SVG}tspan]") == []
    drawn = " ".join("".join(text.itertext()) for text in short.iter(f"{SVG}text"))
    assert "First" not in drawn  # only in the point's tooltip
    assert int(short.get("height")) == int(full.get("height")) - 2 * charts.LEGEND_LINE


def test_empty_chart_says_so_without_its_legend_too():
    assert "No strategies scored yet." in charts.strategy_chart([], legend=False)


def test_the_pdf_picture_has_the_lines_and_dots_and_no_text():
    drawing = charts.strategy_drawing([("First", 3, 4), ("Second", 7, 2)], legend=False)

    picture = parse(drawing.picture())
    assert len(picture.findall(f"{SVG}circle")) == 2
    assert picture.findall(f".//{SVG}text") == [] and picture.findall(f".//{SVG}title") == []
    assert drawing.picture_url.startswith("data:image/svg+xml;base64,")


def test_the_pdf_labels_carry_every_text_of_the_svg():
    rows = [("First", 3, 4), ("Second", 7, 2), ("Third", 3, 4)]
    drawing = charts.strategy_drawing(rows, legend=False)

    svg_texts = sorted("".join(text.itertext()) for text in parse(drawing.svg()).iter(f"{SVG}text"))
    printed = [label.text for label in drawing.printed_labels]
    # The values of an axis are one text in the PDF (apart from the 10 across).
    assert printed[:3] == ["1\t2\t3\t4\t5\t6\t7\t8\t9", "10", "10\n9\n8\n7\n6\n5\n4\n3\n2\n1"]
    values = [value for text in printed[:3] for value in text.split()]
    assert sorted([*values, *printed[3:]]) == svg_texts
    assert "Level of participation (quantity)" in printed and "1, 3" in printed
    assert all(label.style.startswith("position:absolute;") for label in drawing.printed_labels)


def test_a_pdf_label_sits_where_the_svg_draws_its_text():
    (point,) = charts.strategy_drawing([("Only", 10, 1)], legend=False).points

    # On the right edge the number ends left of its point, as in the SVG.
    assert point.label.anchor == "end"
    assert f"left:{point.label.x - charts.LABEL_BOX:.1f}px" in point.label.printed_style
    assert "text-align:right" in point.label.printed_style
