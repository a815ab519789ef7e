"""The context: the programme, its learning themes, the participating municipalities by
country, and every partnership with its status; for those that ended or were interrupted, the
date, the reason and who withdrew (the status history)."""

from django.utils.translation import gettext_lazy as _

from partnerships.models import LearningTheme

from .base import Part, Section, register


class Context(Section):
    slug = "context"
    title = _("Context of the programme")
    order = 20

    def context(self, report):
        themes = list(LearningTheme.objects.filter(programme=report.programme))
        parts = [
            Part("context-programme", _("The programme"), report.programme),
            Part("context-themes", _("Learning themes"), themes),
            Part(
                "context-local-governments",
                _("Participating local governments"),
                by_country(report.local_governments),
            ),
            Part(
                "context-partnerships",
                _("The partnerships and their course"),
                [partnership_course(p) for p in report.partnerships],
            ),
        ]
        return {"parts": [part for part in parts if part.data]}


def by_country(local_governments):
    """[(country, umbrella organisations, local governments)], countries by name."""
    countries = {}
    for local_government in local_governments:
        entry = countries.setdefault(local_government.country, ({}, []))
        if local_government.umbrella:
            entry[0][local_government.umbrella.pk] = local_government.umbrella
        entry[1].append(local_government)
    return [
        (country, sorted(umbrellas.values(), key=str), members)
        for country, (umbrellas, members) in sorted(countries.items(), key=lambda c: str(c[0]))
    ]


def partnership_course(partnership):
    """A partnership with its latest status change (`latest`), which for a partnership
    that ended or was interrupted gives the date, the reason and who withdrew."""
    changes = list(partnership.status_changes.all())
    latest = max(changes, key=lambda change: (change.date, change.created_at), default=None)
    return {"partnership": partnership, "latest": latest}


register(Context())
