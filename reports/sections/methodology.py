"""The methodology: the learning cycle (drawn), the tools at each of its steps (from the tool
registry, so a new tool appears by itself) and the three levels of the digital exchanges."""

from django.utils.translation import gettext_lazy as _

from learning.tools.registry import Step, tools
from reports.drawings import as_image, cycle_svg

from .base import Part, Section, register

# The six steps of the cycle (the pilot report's §4.2): the registry's five, and the sixth,
# sharpening the questions, which leads back to the second.
SHARPEN = _("Sharpening the learning questions")

LEVELS = (
    (
        _("Individual coaching"),
        _(
            "The consultant and one municipality: explaining the approach, support for the "
            "tools, refining the learning questions, reviewing the site visits."
        ),
    ),
    (
        _("Bilateral meetings"),
        _(
            "The two municipalities of a partnership, with the consultant: each one's learning "
            "questions, the expertise the partner offers, the programmes of the site visits."
        ),
    ),
    (
        _("Knowledge network"),
        _(
            "Every municipality of the programme: common learning questions, outside speakers, "
            "as much cross-pollination as possible."
        ),
    ),
)


class Methodology(Section):
    slug = "methodology"
    title = _("Methodology and tools")
    order = 30

    def context(self, report):
        labels = [*(str(step.label) for step in Step), str(SHARPEN)]
        return {
            "parts": [
                Part("methodology-cycle", _("The learning cycle"), labels),
                Part(
                    "methodology-tools",
                    _("Tools at each step of the learning cycle"),
                    [(tool, Step(tool.step).label) for tool in tools()],
                ),
                Part("methodology-levels", _("Three levels of digital exchange"), LEVELS),
            ],
            "cycle_image": as_image(cycle_svg(labels)),
        }


register(Methodology())
