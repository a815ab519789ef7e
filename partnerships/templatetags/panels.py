from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def render_panel(context, panel):
    """Render a panel (partnerships/panels.py) with the page's context and its own."""
    with context.push(**panel.context):
        return context.template.engine.get_template(panel.template).render(context)
