"""A municipality's questions as a graph, for its evolution timeline and the printed table.

The nodes are the wordings of a set of "home" tables (the municipality's own table and the
joint tables it co-owns, or a single table) that the reader may read, and, as stubs, the
readable wordings of other tables that one of them directly replaces or that directly replace
one of them, without their own earlier history. The edges are the `replaces` links among the
nodes. A family is a connected group of nodes: a question with its earlier wordings, splits
and merges. Each family is laid out oldest first in git-log style lanes (a wording continues
the lane of the wording it replaces, a split fans out into lanes, a merge joins them) and
drawn by `timeline_svg.py` as an SVG.

Whatever the length of the history, the graph takes two queries (the links, the nodes) and a
page of families two more (their wordings with their tables' owners)."""

import heapq
from dataclasses import dataclass, field

from django.db.models import BooleanField, ExpressionWrapper, Q

from .models import LearningQuestion


@dataclass(eq=False)
class Node:
    """One wording in the graph; `wording` is read only for the families shown."""

    pk: int
    status: str
    order: int
    changed_date: object
    table: int
    is_home: bool
    parents: list = field(default_factory=list)  # the nodes it replaces
    children: list = field(default_factory=list)  # the nodes replacing it
    lane: int = 0
    wording: object = None

    @property
    def key(self):
        return (self.changed_date, self.pk)

    @property
    def is_active(self):
        return self.status == LearningQuestion.Status.ACTIVE

    @property
    def is_stub(self):
        return not self.is_home

    @property
    def how(self):
        """How this wording came about, among the wordings the reader sees: "added",
        "merged", "moved" (to another table), "split" or "reworded"."""
        if not self.parents:
            return "added"
        if len(self.parents) > 1:
            return "merged"
        (parent,) = self.parents
        if parent.table != self.table:
            return "moved"
        return "split" if len(parent.children) > 1 else "reworded"


@dataclass(eq=False)
class Edge:
    """A `replaces` link: `child` replaces `parent`; drawn down the parent's lane."""

    parent: Node
    child: Node


@dataclass(eq=False)
class Family:
    """A connected group of wordings, oldest first, with the lanes they take."""

    nodes: list
    edges: list = field(default_factory=list)
    lanes: int = 1
    drawing: object = None

    @property
    def current(self):
        """The family's current questions in the home tables, in order."""
        return sorted(
            (node for node in self.nodes if node.is_home and node.is_active),
            key=lambda node: (node.order, node.pk),
        )

    @property
    def last(self):
        """The latest wording in the home tables (a family has one, unless drawn oddly)."""
        return next((node for node in reversed(self.nodes) if node.is_home), self.nodes[-1])

    @property
    def sort_key(self):
        """Current families first by their questions' order, then the ended ones."""
        current = self.current
        if current:
            return (0, current[0].order, current[0].pk)
        return (1, self.last.order, self.last.pk)


def question_families(readable, tables):
    """The families of the readable wordings (`readable`: `visible_to(user)`) of the home
    `tables` (a queryset), with their stubs, in the order the timeline lists them, laid out in
    lanes; their wordings are read by `read_wordings`, for a page of them."""
    links = LearningQuestion.replaces.through.objects
    home = tables.values("pk")
    newer, older = "from_learningquestion", "to_learningquestion"
    edges = list(
        links.filter(Q(**{f"{newer}__table__in": home}) | Q(**{f"{older}__table__in": home}))
        .order_by()
        .values_list(newer, older)
    )
    linked = Q(pk__in=links.filter(**{f"{newer}__table__in": home}).values(older)) | Q(
        pk__in=links.filter(**{f"{older}__table__in": home}).values(newer)
    )
    rows = (
        readable.filter(Q(table__in=home) | linked)
        .annotate(is_home=ExpressionWrapper(Q(table__in=home), output_field=BooleanField()))
        .order_by()
        .values_list("pk", "status", "order", "changed_date", "table", "is_home")
    )
    nodes = {row[0]: Node(*row[:5], is_home=bool(row[5])) for row in rows}
    for new, old in sorted(edges):
        if new in nodes and old in nodes and (nodes[new].is_home or nodes[old].is_home):
            nodes[new].parents.append(nodes[old])
            nodes[old].children.append(nodes[new])
    for node in nodes.values():
        node.parents.sort(key=lambda other: other.key)
        node.children.sort(key=lambda other: other.key)
    families = [lay_out(group) for group in connected(nodes.values())]
    return sorted(families, key=lambda family: family.sort_key)


def connected(nodes):
    """The connected groups of `nodes` along their links."""
    seen, groups = set(), []
    for start in sorted(nodes, key=lambda node: node.pk):
        if start.pk in seen:
            continue
        seen.add(start.pk)
        group, stack = [], [start]
        while stack:
            node = stack.pop()
            group.append(node)
            for other in (*node.parents, *node.children):
                if other.pk not in seen:
                    seen.add(other.pk)
                    stack.append(other)
        groups.append(group)
    return groups


def oldest_first(nodes):
    """The nodes by date, each after the wordings it replaces (a wording dated before the
    one it replaces still comes after it); a cycle of links, which nothing should make, ends
    the list in date order."""
    waiting = {node.pk: len(node.parents) for node in nodes}
    ready = [(node.key, node) for node in nodes if not node.parents]
    heapq.heapify(ready)
    ordered = []
    while ready:
        _key, node = heapq.heappop(ready)
        ordered.append(node)
        for child in node.children:
            waiting[child.pk] -= 1
            if waiting[child.pk] == 0:
                heapq.heappush(ready, (child.key, child))
    placed = {node.pk for node in ordered}
    ordered += sorted((node for node in nodes if node.pk not in placed), key=lambda n: n.key)
    return ordered


def lay_out(nodes):
    """A family with its nodes oldest first, each in a lane, as git log draws branches: a
    wording's line runs down its lane until the last wording replacing it. A wording
    continues the lane of the (first) wording it replaces if that line ends there, else it
    takes the lowest free lane: a split fans out into lanes, a merge joins them."""
    nodes = oldest_first(nodes)
    row_of = {node.pk: row for row, node in enumerate(nodes)}
    waiting = {
        node.pk: sum(row_of[child.pk] > row_of[node.pk] for child in node.children)
        for node in nodes
    }
    held, edges = [], []  # held: for each lane, whether a line runs down it
    for node in nodes:
        parents = [parent for parent in node.parents if row_of[parent.pk] < row_of[node.pk]]
        edges += [Edge(parent, node) for parent in parents]
        ending = []
        for parent in parents:
            waiting[parent.pk] -= 1
            if waiting[parent.pk] == 0:
                ending.append(parent)
                held[parent.lane] = False
        if ending:
            node.lane = ending[0].lane
        elif False in held:
            node.lane = held.index(False)
        else:
            node.lane = len(held)
            held.append(False)
        held[node.lane] = waiting[node.pk] > 0
    return Family(nodes=nodes, edges=edges, lanes=max(len(held), 1))


def read_wordings(families):
    """Read the wordings of `families` (a page of them), with their tables' programmes and
    owners: two queries."""
    nodes = {node.pk: node for family in families for node in family.nodes}
    if not nodes:
        return families
    wordings = LearningQuestion.objects.filter(pk__in=nodes).select_related("table__programme")
    for wording in wordings.prefetch_related("table__owners"):
        nodes[wording.pk].wording = wording
    return families
