"""The widget templates write attributes with `html_attrs` (sdgp/templatetags/widget_attrs.py)
exactly as Django's own attrs.html does."""

from django import forms
from django.template.loader import get_template

from sdgp.forms import INPUT_TEMPLATES


class SampleForm(forms.Form):
    name = forms.CharField(
        max_length=20,
        widget=forms.TextInput(attrs={"placeholder": 'A "quoted" <name>', "autofocus": True}),
    )
    kind = forms.ChoiceField(choices=[("a", "Alpha"), ("b", "Beta & co")], initial="b")
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2, "readonly": False}))


def test_attribute_values_are_escaped_and_booleans_stand_alone():
    html = str(SampleForm()["name"])
    assert 'placeholder="A &quot;quoted&quot; &lt;name&gt;"' in html
    assert " autofocus" in html
    assert 'autofocus=""' not in html and 'autofocus="True"' not in html
    assert 'maxlength="20"' in html


def test_false_attributes_are_left_out():
    html = str(SampleForm()["note"])
    assert "readonly" not in html
    assert 'rows="2"' in html


def test_select_marks_its_chosen_option_only():
    html = str(SampleForm()["kind"])
    assert '<option value="a">Alpha</option>' in html
    assert '<option value="b" selected>Beta &amp; co</option>' in html


def test_input_widgets_rendered_as_input_html_only_include_it():
    """The renderer skips these templates (sdgp.forms.INPUT_TEMPLATES): they must be Django's
    own, which include input.html and nothing else."""
    for name in INPUT_TEMPLATES:
        template = get_template(name)
        assert template.origin.name.endswith(f"django/forms/templates/{name}")
        assert template.template.source.strip() == (
            '{% include "django/forms/widgets/input.html" %}'
        )


def test_select_writes_option_groups():
    field = forms.ChoiceField(choices=[("Fruit", [("apple", "Apple")]), ("none", "None <yet>")])

    class GroupedForm(forms.Form):
        choice = field

    html = str(GroupedForm(initial={"choice": "apple"})["choice"])
    assert (
        '<optgroup label="Fruit"><option value="apple" selected>Apple</option></optgroup>' in html
    )
    assert '<option value="none">None &lt;yet&gt;</option>' in html
