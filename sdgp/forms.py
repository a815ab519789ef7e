"""How the site's forms render: Django's own form rendering (`{{ form }}`,
`{{ field.as_field_group }}`) with Bootstrap 5 markup, from templates/forms/div.html, the
widget templates overridden in templates/django/forms/widgets/ and a field group written by
`BoundField.as_field_group`."""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe


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
    """A field whose widget carries Bootstrap's class, with `is-invalid` when it has errors,
    and that writes its group (label, widget, errors, help text) in one step."""

    def as_field_group(self):
        """One field in Bootstrap 5 markup: label, widget, errors, help text; a checkbox sits
        in a form-check, a list of choices in a fieldset. Written here rather than in a
        template: a long formset repeats it for every field of every row, and the template
        cost a third of a long edit page. A field with a template of its own renders that."""
        if self.field.template_name:
            return super().as_field_group()
        required = "*" if self.field.required else ""
        label = f"{conditional_escape(self.label)}{required}" if self.label else ""
        widget = str(self)
        if self.use_fieldset:
            described = self.aria_describedby
            described = f' aria-describedby="{escape(described)}"' if described else ""
            legend = f'<legend class="form-label fs-6">{label}</legend>' if label else ""
            parts = [f"<fieldset{described}>{legend}{widget}"]
        elif self.widget_type == "checkbox":
            for_label = escape(self.id_for_label)
            parts = [
                f'<div class="form-check">{widget}<label for="{for_label}" '
                f'class="form-check-label">{conditional_escape(self.label)}{required}</label>'
            ]
        else:
            for_label = escape(self.id_for_label)
            tag = f'<label for="{for_label}" class="form-label">{label}</label>' if label else ""
            parts = [f"{tag}{widget}"]
        if errors := self.errors:
            listed = "".join(f"<div>{conditional_escape(error)}</div>" for error in errors)
            parts.append(
                f'<div id="{escape(self.auto_id)}_error" class="invalid-feedback d-block">'
                f"{listed}</div>"
            )
        if self.help_text:
            parts.append(
                f'<div id="{escape(self.auto_id)}_helptext" class="form-text">'
                f"{self.help_text}</div>"
            )
        if self.use_fieldset:
            parts.append("</fieldset>")
        elif self.widget_type == "checkbox":
            parts.append("</div>")
        return mark_safe("".join(parts))

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
    bound_field_class = BoundField

    def get_template(self, template_name):
        if template_name in INPUT_TEMPLATES:
            template_name = "django/forms/widgets/input.html"
        return super().get_template(template_name)
