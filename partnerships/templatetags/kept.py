"""`{% kept name part ... %}...{% endkept %}`: a part of a page kept in the cache, rendered, until
the data changes (`partnerships.freshness.kept`), as Django's `{% cache %}` keeps one for a
while. The parts name whose and what of it the fragment is; the key adds the data's token, the
language, the time zone and the reader's day. What the fragment shows must depend on nothing
else: not on the reader unless a part names them, and no form (a CSRF token belongs to one
session)."""

from django import template

from partnerships import freshness

register = template.Library()


class KeptNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        name = self.name.resolve(context)
        parts = [part.resolve(context) for part in self.parts]
        return freshness.kept(name, parts, lambda: self.nodelist.render(context))


@register.tag
def kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes a name and the parts of its key.")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
