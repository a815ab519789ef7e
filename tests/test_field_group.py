"""A field's group (label, widget, errors, help text) in Bootstrap 5 markup, written by
`sdgp.forms.BoundField.as_field_group`."""

from django import forms


class SampleForm(forms.Form):
    name = forms.CharField(label="Name <full>", help_text="As on the <b>ID</b> card.")
    note = forms.CharField(required=False, label="")
    agreed = forms.BooleanField(label="I agree & sign")
    goals = forms.MultipleChoiceField(
        choices=[("1", "No poverty"), ("2", "Zero hunger")],
        widget=forms.CheckboxSelectMultiple,
        help_text="One or more.",
    )
    kind = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect, required=False)


def test_a_field_has_its_label_widget_and_help_text():
    html = SampleForm()["name"].as_field_group()
    assert html.startswith('<label for="id_name" class="form-label">Name &lt;full&gt;*</label>')
    assert 'aria-describedby="id_name_helptext"' in html
    assert html.endswith(
        '<div id="id_name_helptext" class="form-text">As on the <b>ID</b> card.</div>'
    )


def test_a_field_without_label_is_its_widget():
    html = SampleForm()["note"].as_field_group()
    assert html == str(SampleForm()["note"])


def test_the_errors_follow_the_widget_escaped_and_described():
    form = SampleForm(data={"goals": ["9"]})
    form.add_error("name", "Not <this> one")
    html = form["name"].as_field_group()
    assert "is-invalid" in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert (
        '<div id="id_name_error" class="invalid-feedback d-block">'
        "<div>This field is required.</div><div>Not &lt;this&gt; one</div></div>"
    ) in html
    assert html.index("id_name_error") < html.index('class="form-text"')


def test_a_checkbox_sits_in_a_form_check_with_its_label_after_it():
    html = SampleForm()["agreed"].as_field_group()
    assert html.startswith('<div class="form-check"><input type="checkbox"')
    assert html.endswith(
        '<label for="id_agreed" class="form-check-label">I agree &amp; sign*</label></div>'
    )


def test_a_list_of_choices_is_a_fieldset_with_a_legend():
    html = SampleForm()["goals"].as_field_group()
    assert html.startswith(
        '<fieldset aria-describedby="id_goals_helptext"><legend class="form-label fs-6">'
        "Goals*</legend>"
    )
    assert html.endswith(
        '<div id="id_goals_helptext" class="form-text">One or more.</div></fieldset>'
    )
    assert "No poverty" in html


def test_a_field_with_a_template_of_its_own_renders_it():
    class OwnTemplate(forms.Form):
        name = forms.CharField(template_name="django/forms/field.html")

    html = OwnTemplate()["name"].as_field_group()
    assert '<label for="id_name">Name:</label>' in html
