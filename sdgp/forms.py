"""How the site's forms render: Django's own form rendering (`{{ form }}`,
`{{ field.as_field_group }}`) with Bootstrap 5 markup, from templates/forms/ and the widget
templates overridden in templates/django/forms/widgets/."""

from django import forms
from django.forms.renderers import TemplatesSetting


def bootstrap_class(widget):
    """Bootstrap's class for a widget's input: `form-select`, `form-check-input` or
    `form-control`; none for hidden inputs."""
    if widget.is_hidden:
        return ""
    if isinstance(widget, forms.CheckboxInput | forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "form-check-input"
    if isinstance(widget, forms.Select | forms.SelectMultiple):
        return "form-select"
    return "form-control"


class BoundField(forms.BoundField):
    """A field whose widget carries Bootstrap's class, with `is-invalid` when it has errors."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        css = bootstrap_class(widget)
        if css:
            if self.errors:
                css += " is-invalid"
            own = attrs.get("class") or widget.attrs.get("class")
            attrs["class"] = f"{own} {css}" if own else css
        return attrs


# Django's templates of these input widgets only include input.html; the renderer renders
# input.html directly, one template less for each input of a long formset. They are not
# overridden in templates/django/forms/widgets/ (tests/test_widget_attrs.py checks).
INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in (
        "checkbox",
        "color",
        "date",
        "datetime",
        "email",
        "file",
        "hidden",
        "number",
        "password",
        "search",
        "tel",
        "text",
        "time",
        "url",
    )
)


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"
    bound_field_class = BoundField

    def get_template(self, template_name):
        if template_name in INPUT_TEMPLATES:
            template_name = "django/forms/widgets/input.html"
        return super().get_template(template_name)
