"""Sections that the apps built on this one add to the partnership and municipality pages.

`partnerships` knows nothing of `learning`, `visits` or `reports`: each registers its panels in
its `AppConfig.ready()`. A panel is a function `(*, user, obj)` returning a `Panel` (a template
and its context) or None; the page renders them in the order they were registered, and keeps
what it rendered for the reader until the data changes (`{% kept %}`).
"""

from dataclasses import dataclass, field

PAGES = ("partnership", "local_government")

_registry = {page: [] for page in PAGES}


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict = field(default_factory=dict)


def register(page):
    """Decorator: `@register("partnership")` adds a panel to every partnership page."""
    if page not in _registry:
        raise ValueError(f"No page {page!r}; choose from {PAGES}")

    def decorator(build):
        _registry[page].append(build)
        return build

    return decorator


def panels(page, *, user, obj):
    """The panels of `page` about `obj` for `user`."""
    return [panel for build in _registry[page] if (panel := build(user=user, obj=obj))]
