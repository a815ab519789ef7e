"""What every registered tool must keep, checked through its hooks (learning/tools/registry.py):
a new tool passes these or says why not."""

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import get_template, render_to_string
from django.utils.text import capfirst

from learning.forms import build_forms, row_formset_classes, sheet_post_data
from learning.history import sheet_history
from learning.tools.base import SheetRow
from learning.tools.registry import Step, Tool, register, tools
from sdgp.pdf import render_pdf
from tests.learning.sheets import create_sheet, edit_data, url

TOOLS = [pytest.param(tool, id=tool.slug) for tool in tools()]


@pytest.fixture
def as_focal_point(client, focal_point):
    client.force_login(focal_point)
    return client


def test_a_tool_number_is_taken_once():
    """The registry keys tools by slug, so it is the number a second tool could repeat."""
    clash = type("Clash", (Tool,), {"number": 1, "slug": "clash", "model": tools()[0].model})
    with pytest.raises(ValueError, match="taken"):
        register(clash())


@pytest.mark.parametrize("tool", TOOLS)
def test_a_tool_sits_in_a_step_of_the_learning_cycle(tool):
    assert tool.step in Step.values


@pytest.mark.parametrize("tool", TOOLS)
def test_the_partial_exists_and_rows_keep_a_history(tool):
    get_template(tool.template)
    for inline in tool.inlines:
        assert issubclass(inline.model, SheetRow), f"{inline.model.__name__} keeps no history"


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.usefixtures("laarne_questions")
def test_the_sample_is_valid_input_for_the_forms(tool, laarne, focal_point):
    form, formsets = build_forms(
        tool, data=sheet_post_data(tool, tool.sample(laarne)), owner=laarne, user=focal_point
    )
    assert form.is_valid(), form.errors
    for formset in formsets:
        assert formset.is_valid(), (formset.errors, formset.non_form_errors())


def typed_texts(tool, sample):
    """The texts `sample` types into the sheet; for a sheet without texts of its own (a
    journal), those it types into its rows."""
    texts = [value for value in sample.values() if isinstance(value, str) and value]
    if texts:
        return texts
    for inline, formset_class in zip(tool.inlines, row_formset_classes(tool), strict=True):
        names = {
            model_field.name
            for model_field in inline.model._meta.concrete_fields
            if isinstance(model_field, models.CharField | models.TextField)
            and not model_field.choices
        }
        for row in sample.get(formset_class.get_default_prefix(), []):
            texts += [value for name, value in row.items() if name in names and value]
    return texts


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.usefixtures("laarne_questions")
def test_the_partial_renders_without_a_request(tool, as_focal_point, laarne):
    """The final report renders every tool's partial from a background task."""
    sheet = create_sheet(as_focal_point, tool, laarne)

    html = render_to_string(
        tool.template, {"sheet": sheet, "tool": tool, **tool.partial_context(sheet)}
    )

    typed = typed_texts(tool, tool.sample(laarne))
    assert typed and all(text in html for text in typed[:2])


@pytest.mark.parametrize("tool", TOOLS)
def test_print_and_pdf_render(tool, as_focal_point, laarne):
    sheet = create_sheet(as_focal_point, tool, laarne)

    assert as_focal_point.get(url("sheet_print", sheet)).status_code == 200
    context = {"sheet": sheet, "tool": tool, **tool.partial_context(sheet)}
    assert render_pdf("learning/sheet_print.html", context, language="en").startswith(b"%PDF")


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.usefixtures("laarne_questions")
def test_the_history_records_the_rows(tool, as_focal_point, laarne):
    sheet = create_sheet(as_focal_point, tool, laarne)
    sample = tool.sample(laarne)

    subjects = [entry.subject for entry in sheet_history(sheet)]

    for inline, formset_class in zip(tool.inlines, row_formset_classes(tool), strict=True):
        if sample.get(formset_class.get_default_prefix()):
            name = capfirst(inline.model._meta.verbose_name)
            assert any(subject.startswith(f"{name}:") for subject in subjects), (name, subjects)


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.usefixtures("laarne_questions")
def test_a_stale_save_answers_the_conflict_page(tool, as_focal_point, laarne):
    sheet = create_sheet(as_focal_point, tool, laarne)
    as_focal_point.post(url("sheet_update", sheet), edit_data(tool, sheet, "First"))

    response = as_focal_point.post(
        url("sheet_update", sheet), edit_data(tool, sheet, "Second", version=1)
    )

    assert response.status_code == 409
    assert "Second" in response.text


@pytest.mark.parametrize("tool", TOOLS)
def test_a_transition_from_a_wrong_status_is_refused(tool, as_focal_point, laarne, focal_point):
    sheet = create_sheet(as_focal_point, tool, laarne)
    for transition in sheet.workflow.transitions:
        for status in set(tool.model.Status.values) - set(transition.sources):
            sheet.status = status
            with pytest.raises(ValidationError):
                sheet.transition(transition.name, by=focal_point, reason="Because")
