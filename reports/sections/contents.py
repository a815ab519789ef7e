"""The table of contents: each numbered chapter and part with its page, laid out after the
chapters (reports/rendering.py) so that every page is known."""

from django.utils.translation import gettext_lazy as _

from .base import Section, register


class Contents(Section):
    slug = "contents"
    title = _("Table of contents")
    order = 5
    numbered = False
    front = True

    def context(self, report):
        # Called by the template when the table of contents is rendered, after the chapters.
        return {"entries": report.contents}


register(Contents())
