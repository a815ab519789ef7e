"""What a page's template got, as the template reads it."""


def shown(response, name):
    """The value under `name` in the context `response` was rendered with. A page may hand a
    value over to be read only when the template shows it (`partnerships.freshness.lazily`):
    the template calls it, and so does this."""
    value = response.context[name]
    return value() if callable(value) else value
