"""`{% kept name part ... %}...{% endkept %}`: a part of a page kept in the cache, rendered, until
the data changes (`partnerships.freshness.kept`), as Django's `{% cache %}` keeps one for a
while. The parts name whose and what of it the fragment is; the key adds the data's token, the
language, the time zone and the reader's day. What the fragment shows must depend on nothing
else: not on the reader unless a part names them.

Only a GET's page is kept: a page shown again after a POST shows what was typed and what was
wrong with it. A form's CSRF token belongs to one session: the fragment is kept with a stand-in,
which each page replaces with its own token."""

import functools

from django import template
from django.utils.crypto import salted_hmac
from django.utils.safestring import mark_safe

from partnerships import freshness

register = template.Library()


@functools.cache
def csrf_stand_in():
    """What a kept fragment holds instead of a CSRF token: the same in every process, and not
    a text anybody would type into a page."""
    return "kept-csrf-" + salted_hmac("kept.csrf-stand-in", "", algorithm="sha256").hexdigest()


class KeptNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        request = context.get("request")
        if request is None or request.method != "GET":
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        parts = [part.resolve(context) for part in self.parts]
        html = freshness.kept(name, parts, lambda: self.read(context))
        token, stand_in = context.get("csrf_token"), csrf_stand_in()
        if token and stand_in in html:
            return mark_safe(html.replace(stand_in, str(token)))
        return html

    def read(self, context):
        with context.push(csrf_token=csrf_stand_in()):
            return self.nodelist.render(context)


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
