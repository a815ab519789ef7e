"""What was applied of the learning, from apps built on this one: the evolution overview's
"Application of what has been learned" and Figure 4's "Concrete application" list it after the
consultant's summary.

`learning` does not know the action plans of `visits`: an app registers a source in its
`AppConfig.ready()`. A source is a function `(programme, local_governments, user)` returning
{municipality pk: [AppliedItem, ...]} for the pks `local_governments`, with what `user` may
read, in one query whatever their number (the pages have query budgets)."""

import datetime
from dataclasses import dataclass

_sources = []


@dataclass(frozen=True)
class AppliedItem:
    """One thing applied: its text, its status (label), since when, where to read it, and the
    latest progress on it."""

    text: str
    status: str = ""
    date: datetime.date | None = None
    url: str = ""
    latest: str = ""
    latest_date: datetime.date | None = None
    is_open: bool = True


def register_application_source(source):
    """Add a source; usable as a decorator."""
    if source not in _sources:
        _sources.append(source)
    return source


def applied_items(programme, local_governments, user):
    """{municipality pk: [AppliedItem, ...]} from every source, in the sources' order."""
    items = {}
    if user is None or not local_governments:
        return items
    for source in _sources:
        for pk, found in source(programme, list(local_governments), user).items():
            items.setdefault(pk, []).extend(found)
    return items
