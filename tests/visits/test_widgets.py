"""The site-visit tools' hand-written choice widgets escape what people wrote, as Django's
templates would, and mark what is chosen."""

from visits.tools.base import Checklist, LabelledChoices, Picklist

TEXT = 'How do <script>alert("x")</script> councils & markets meet?'


def choices():
    return LabelledChoices([(1, TEXT), (2, "Second")])


def test_the_checklist_escapes_the_labels_and_checks_the_chosen():
    widget = Checklist()
    widget.choices = choices()

    html = widget.render('rows-0-subquestions"', [2], attrs={"id": "id_rows"})

    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "&amp; markets" in html
    assert 'name="rows-0-subquestions&quot;"' in html
    assert 'value="2" checked' in html and 'value="1" checked' not in html


def test_the_picklist_escapes_the_labels_and_selects_the_chosen():
    widget = Picklist()
    widget.choices = choices()

    html = widget.render("rows-0-questions", ["1"])

    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert '<option value="1" selected>' in html and '<option value="2">' in html
