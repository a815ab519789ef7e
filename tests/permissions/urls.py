"""Every URL pattern of the project, named or not, through includes, and how to build its path."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern


@dataclass(frozen=True)
class Pattern:
    # "namespace:name", or "route:<the full route>" for a pattern without a name.
    key: str
    route: str
    pieces: tuple
    pattern: URLPattern

    @property
    def namespace(self):
        return self.key.split(":", 1)[0] if ":" in self.key else ""

    @property
    def names(self):
        """The names of the pattern's arguments, in order."""
        found = []
        for piece in self.pieces:
            if isinstance(piece, RoutePattern):
                found += re.findall(r"<(?:\w+:)?(\w+)>", str(piece))
            else:
                found += re.findall(r"\(\?P<(\w+)>", str(piece))
        return found

    @property
    def positional(self):
        """How many unnamed groups the pattern's regular expressions have."""
        return sum(
            len(re.findall(r"\((?!\?)", str(piece)))
            for piece in self.pieces
            if isinstance(piece, RegexPattern)
        )

    def path(self, *args, **kwargs):
        """The path with `args` and `kwargs` put in; works for unnamed and regex patterns too."""
        args = list(args)
        parts = []
        for piece in self.pieces:
            text = str(piece)
            if isinstance(piece, RoutePattern):
                text = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), text)
            else:
                text = re.sub(
                    r"\(\?P<(\w+)>([^()]|\([^()]*\))*\)", lambda m: str(kwargs[m.group(1)]), text
                )
                text = re.sub(r"\((?!\?)[^()]*\)", lambda m: str(args.pop(0)), text)
                text = text.lstrip("^").rstrip("$").replace("\\Z", "")
            parts.append(text)
        return "/" + "".join(parts)


def patterns(resolver=None, pieces=(), namespace=""):
    """Every URLPattern below the root URLconf."""
    found = []
    resolver = resolver or get_resolver()
    for item in resolver.url_patterns:
        if isinstance(item, URLResolver):
            inner = f"{namespace}{item.namespace}:" if item.namespace else namespace
            found += patterns(item, (*pieces, item.pattern), inner)
        elif isinstance(item, URLPattern):
            chain = (*pieces, item.pattern)
            route = "".join(str(piece) for piece in chain)
            key = f"{namespace}{item.name}" if item.name else f"route:{route}"
            found.append(Pattern(key=key, route=route, pieces=chain, pattern=item))
    return found


__all__ = ["Pattern", "RegexPattern", "patterns"]
