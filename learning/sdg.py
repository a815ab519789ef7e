"""The 17 Sustainable Development Goals and their 169 targets, shipped with the app as data.

The goals never change and their official short names come in each language from the United
Nations (French) and the Belgian federal SDG site (Dutch), so they live here as constants rather
than in a table: no migration to keep in sync, no query to show a badge, and the names are not
sent to translators because they are official wording, not ours.

A tag names a goal ("16") or one of its targets ("16.7", "16.a"). `parse_tags()` turns what
someone typed ("SDG 5, 16.7; ODD 11") into canonical tags and refuses unknown goals or targets.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Goal:
    number: int
    name_en: str
    name_fr: str
    name_nl: str
    colour: str
    numbered_targets: int
    lettered_targets: str = ""

    @property
    def name(self):
        """The short name in the active language."""
        language = (get_language() or "en")[:2]
        return getattr(self, f"name_{language}", "") or self.name_en

    @property
    def text_colour(self):
        """Black or white, whichever contrasts more with the goal's colour (WCAG 2's relative
        luminance: white on a luminance above 0.179 falls below black's contrast)."""
        return "#000" if _luminance(self.colour) > 0.179 else "#fff"

    @property
    def targets(self):
        """The goal's target numbers in official order: 16.1 ... 16.10, 16.a, 16.b."""
        numbered = [f"{self.number}.{n}" for n in range(1, self.numbered_targets + 1)]
        lettered = [f"{self.number}.{letter}" for letter in self.lettered_targets]
        return tuple(numbered + lettered)

    @property
    def targets_summary(self):
        """For messages: "16.1–16.10, 16.a, 16.b"."""
        parts = [f"{self.number}.1–{self.number}.{self.numbered_targets}"]
        parts += [f"{self.number}.{letter}" for letter in self.lettered_targets]
        return ", ".join(parts)

    def __str__(self):
        return f"{self.number}. {self.name}"


# number, English, French, Dutch, official colour, targets 1..n, lettered targets
GOALS = {
    goal.number: goal
    for goal in (
        Goal(1, "No poverty", "Pas de pauvreté", "Geen armoede", "#E5243B", 5, "ab"),
        Goal(2, "Zero hunger", "Faim « zéro »", "Geen honger", "#DDA63A", 5, "abc"),
        Goal(
            3,
            "Good health and well-being",
            "Bonne santé et bien-être",
            "Goede gezondheid en welzijn",
            "#4C9F38",
            9,
            "abcd",
        ),
        Goal(
            4,
            "Quality education",
            "Éducation de qualité",
            "Kwaliteitsonderwijs",
            "#C5192D",
            7,
            "abc",
        ),
        Goal(
            5, "Gender equality", "Égalité entre les sexes", "Gendergelijkheid", "#FF3A21", 6, "abc"
        ),
        Goal(
            6,
            "Clean water and sanitation",
            "Eau propre et assainissement",
            "Schoon water en sanitair",
            "#26BDE2",
            6,
            "ab",
        ),
        Goal(
            7,
            "Affordable and clean energy",
            "Énergie propre et d’un coût abordable",
            "Betaalbare en duurzame energie",
            "#FCC30B",
            3,
            "ab",
        ),
        Goal(
            8,
            "Decent work and economic growth",
            "Travail décent et croissance économique",
            "Waardig werk en economische groei",
            "#A21942",
            10,
            "ab",
        ),
        Goal(
            9,
            "Industry, innovation and infrastructure",
            "Industrie, innovation et infrastructure",
            "Industrie, innovatie en infrastructuur",
            "#FD6925",
            5,
            "abc",
        ),
        Goal(
            10,
            "Reduced inequalities",
            "Inégalités réduites",
            "Ongelijkheid verminderen",
            "#DD1367",
            7,
            "abc",
        ),
        Goal(
            11,
            "Sustainable cities and communities",
            "Villes et communautés durables",
            "Duurzame steden en gemeenschappen",
            "#FD9D24",
            7,
            "abc",
        ),
        Goal(
            12,
            "Responsible consumption and production",
            "Consommation et production responsables",
            "Verantwoorde consumptie en productie",
            "#BF8B2E",
            8,
            "abc",
        ),
        Goal(
            13,
            "Climate action",
            "Mesures relatives à la lutte contre les changements climatiques",
            "Klimaatactie",
            "#3F7E44",
            3,
            "ab",
        ),
        Goal(14, "Life below water", "Vie aquatique", "Leven in het water", "#0A97D9", 7, "abc"),
        Goal(15, "Life on land", "Vie terrestre", "Leven op het land", "#56C02B", 9, "abc"),
        Goal(
            16,
            "Peace, justice and strong institutions",
            "Paix, justice et institutions efficaces",
            "Vrede, justitie en sterke publieke diensten",
            "#00689D",
            10,
            "ab",
        ),
        Goal(
            17,
            "Partnerships for the goals",
            "Partenariats pour la réalisation des objectifs",
            "Partnerschap om doelstellingen te bereiken",
            "#19486A",
            19,
        ),
    )
}

# "16", "SDG 16", "ODD16", "16.7", "16.A": an optional prefix, a goal, an optional target.
_PREFIX = re.compile(r"\b(?:sdg|odd|ddo)s?\s*", re.IGNORECASE)
_TAG = re.compile(r"^(\d{1,2})(?:\.(\d{1,2}|[a-z]))?$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[,;\s]+")


def goals():
    """The 17 goals in order."""
    return list(GOALS.values())


def goal_choices():
    return [(goal.number, str(goal)) for goal in GOALS.values()]


def get_goal(number):
    """The goal with this number; KeyError when there is none."""
    return GOALS[int(number)]


def parse_tag(text):
    """One canonical tag ("16" or "16.7" or "16.a") from what someone typed.

    Raises ValidationError (code "unknown_goal", "unknown_target" or "invalid_tag")."""
    match = _TAG.match(_PREFIX.sub("", text).strip())
    if not match:
        raise ValidationError(
            _("“%(tag)s” is not an SDG or a target; write for example 16 or 16.7."),
            code="invalid_tag",
            params={"tag": text.strip()},
        )
    number, target = int(match.group(1)), match.group(2)
    goal = GOALS.get(number)
    if goal is None:
        raise ValidationError(
            _("There is no SDG %(number)s; the goals run from 1 to 17."),
            code="unknown_goal",
            params={"number": number},
        )
    if target is None:
        return str(number)
    tag = f"{number}.{target.lower().lstrip('0') or '0'}"
    if tag not in goal.targets:
        raise ValidationError(
            _("%(tag)s is not a target of SDG %(number)s (its targets are %(targets)s)."),
            code="unknown_target",
            params={"tag": tag, "number": number, "targets": goal.targets_summary},
        )
    return tag


def parse_tags(text):
    """Canonical tags, without duplicates and in goal order, from a comma-separated list.

    Collects every error so that the person sees all the wrong tags at once."""
    tags, errors = [], []
    for part in _SEPARATORS.split(_PREFIX.sub("", text or "")):
        if not part:
            continue
        try:
            tag = parse_tag(part)
        except ValidationError as error:
            errors.append(error)
            continue
        if tag not in tags:
            tags.append(tag)
    if errors:
        raise ValidationError(errors)
    return sorted(tags, key=tag_sort_key)


def split_tag(tag):
    """(goal number, target or "") from a canonical tag."""
    goal, _dot, target = tag.partition(".")
    return int(goal), (f"{goal}.{target}" if target else "")


def tag_sort_key(tag):
    goal, target = split_tag(tag)
    if not target:
        return (goal, -1, "")
    suffix = target.partition(".")[2]
    return (goal, 0, f"{int(suffix):03d}") if suffix.isdigit() else (goal, 1, suffix)


def _luminance(colour):
    """WCAG 2's relative luminance of a colour "#RRGGBB"."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    red, green, blue = (
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    )
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
