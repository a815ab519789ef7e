"""templates/includes/formset.html: the shared markup of repeating rows."""

import pytest
from django import forms
from django.template import engines
from django.utils import translation

INCLUDE = engines["django"].from_string(
    '{% include "includes/formset.html" with formset=formset title="Strategies" %}'
)


class StrategyForm(forms.Form):
    name = forms.CharField(label="Name", max_length=50)
    detail = forms.CharField(label="Detail", widget=forms.Textarea, required=False)


StrategyFormSet = forms.formset_factory(
    StrategyForm, extra=1, can_delete=True, max_num=3, validate_max=True
)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def render(formset):
    return INCLUDE.render({"formset": formset})


def test_rows_management_form_template_and_add_button_are_rendered():
    html = render(StrategyFormSet(prefix="strategies", initial=[{"name": "Markets"}]))
    assert 'name="strategies-TOTAL_FORMS" value="2"' in html
    assert 'name="strategies-MAX_NUM_FORMS" value="3"' in html
    assert html.count("data-formset-row") == 3  # the initial row, the extra row, the template
    assert 'value="Markets"' in html
    assert '<template id="strategies-empty">' in html
    assert 'name="strategies-__prefix__-name"' in html
    assert 'data-formset-add="strategies"' in html
    assert "Strategies</legend>" in html


def test_delete_checkbox_is_offered_as_remove():
    html = render(StrategyFormSet(prefix="strategies"))
    assert 'name="strategies-0-DELETE"' in html
    assert "data-formset-remove" in html
    assert ">Remove</label>" in html
    assert 'id="div_id_strategies-0-DELETE"' not in html  # not a field of its own


def test_fields_render_in_bootstrap_markup():
    html = render(StrategyFormSet(prefix="strategies"))
    assert '<label for="id_strategies-0-name" class="form-label">Name*</label>' in html
    assert 'name="strategies-0-name" maxlength="50" class="form-control"' in html
    assert 'name="strategies-0-detail" cols="40" rows="10" class="form-control"' in html


def test_non_form_errors_show_above_the_rows():
    data = {
        "strategies-TOTAL_FORMS": "4",
        "strategies-INITIAL_FORMS": "0",
        **{f"strategies-{index}-name": f"Strategy {index}" for index in range(4)},
    }
    formset = StrategyFormSet(data, prefix="strategies")
    assert not formset.is_valid()
    html = render(formset)
    assert 'class="alert alert-danger"' in html
    assert html.index("alert-danger") < html.index("data-formset-row")
    assert "Please submit at most 3 forms." in html


def test_field_errors_show_in_their_row():
    data = {
        "strategies-TOTAL_FORMS": "1",
        "strategies-INITIAL_FORMS": "0",
        "strategies-0-name": "x" * 60,
    }
    formset = StrategyFormSet(data, prefix="strategies")
    assert not formset.is_valid()
    html = render(formset)
    assert 'class="form-control is-invalid"' in html
    assert 'aria-describedby="id_strategies-0-name_error"' in html
    assert 'id="id_strategies-0-name_error" class="invalid-feedback' in html
    assert "Ensure this value has at most 50 characters" in html
