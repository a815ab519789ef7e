"""What one user reaches, read once: the ids behind every `visible_to(user)`.

Everything a municipality fills in belongs to one programme, and every role reaches it through
partnerships of that programme (docs/security.md):

- a member of a municipality's team reaches its own work in every programme;
- programme staff read their programme;
- a consultant reaches both sides of the partnerships they coach, in that programme only;
- a member of a partnership's side reads what the other side has shared, in that programme;
- an observer of an umbrella organisation reads what both sides of its municipalities'
  partnerships have shared, in that programme.

Querysets build their filters from these ids instead of joining many-to-many relations. Within
a request (AccessMiddleware) or a report's reading (`read_once`) each user's access is read
once, and kept in the cache until the data changes, as the pages built from it are
(`partnerships.freshness`): every change of a membership, a partnership, its consultants, a
programme's staff or an umbrella's observers changes the data's token. Elsewhere (tasks, shell,
tests calling querysets directly) it is read on every call.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import partial

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Field, ForeignObject, Q
from django.db.models.lookups import In

from . import freshness


@dataclass(frozen=True)
class Access:
    superuser: bool = False
    member_of: frozenset = frozenset()
    staff_of: frozenset = frozenset()
    # programme id -> ids of the local governments on either side of the partnerships in it
    coached: dict = field(default_factory=dict)
    partnered: dict = field(default_factory=dict)
    observed: dict = field(default_factory=dict)
    # local governments of the umbrella organisations the user observes
    observed_local_governments: frozenset = frozenset()
    coached_partnerships: frozenset = frozenset()

    @classmethod
    def of(cls, user):
        if not user.is_authenticated:
            return cls()
        if user.is_superuser:
            return cls(superuser=True)
        cache = _per_request.get()
        if cache is None:
            return cls.read(user)
        if user.pk not in cache:
            cache[user.pk] = freshness.kept("access", [user.pk], partial(cls.read, user))
        return cache[user.pk]

    @classmethod
    def read(cls, user):
        member_of, observed_local_governments, staff_of = set(), set(), set()
        coached, partnered, observed = defaultdict(set), defaultdict(set), defaultdict(set)
        partnerships = []
        for kind, pk, programme, north, south, coaches in _rows(user.pk):
            if kind == "member":
                member_of.add(pk)
            elif kind == "observer":
                observed_local_governments.add(pk)
            elif kind == "staff":
                staff_of.add(pk)
            else:
                partnerships.append((pk, programme, {north, south}, coaches))
        # A municipality the user belongs to is theirs, also when their umbrella observes it.
        observed_local_governments -= member_of
        coached_partnerships = set()
        for pk, programme, sides, coaches in partnerships:
            if coaches:
                coached[programme] |= sides
                coached_partnerships.add(pk)
            if sides & member_of:
                partnered[programme] |= sides
            if sides & observed_local_governments:
                observed[programme] |= sides
        return cls(
            member_of=frozenset(member_of),
            staff_of=frozenset(staff_of),
            coached=_freeze(coached),
            partnered=_freeze(partnered),
            observed=_freeze(observed),
            observed_local_governments=frozenset(observed_local_governments),
            coached_partnerships=frozenset(coached_partnerships),
        )

    @property
    def programmes(self):
        """The programmes the user takes part in, in any role."""
        return self.staff_of.union(self.coached, self.partnered, self.observed)

    @staticmethod
    def sides(mapping):
        """The local governments of a programme -> sides mapping, in every programme."""
        return frozenset().union(*mapping.values())

    def full(self, owners="owners", programme="programme"):
        """Q for work the user may read in any status: their own municipality's, their
        programme's as staff, and their coached partnerships' sides' in that programme."""
        return Q(**{f"{owners}__in": self.member_of}) | self.coaching(owners, programme)

    def coaching(self, owners="owners", programme="programme"):
        """Q for work the user coaches or runs: consultants' and programme staff's."""
        return Q(**{f"{programme}__in": self.staff_of}) | _by_programme(
            self.coached, owners, programme
        )

    def shared(self, owners="owners", programme="programme"):
        """Q for work the user may read once it is shared: the partners' and the observed
        partnerships', each in its own programme."""
        return _by_programme(self.partnered, owners, programme) | _by_programme(
            self.observed, owners, programme
        )

    def reads(self, *, programme, owners, shared):
        """Whether `full()` or, for shared work, `shared()` lets through one object in hand:
        work of `programme` owned by the local governments `owners` (ids). A page that has read
        the work of many owners at once (the tools overview) checks it here instead of building
        one OR-ed query per kind of work; tests/permissions/test_access_in_hand.py checks that
        both say the same."""
        if self.superuser or programme in self.staff_of:
            return True
        owners = frozenset(owners)
        if owners & (self.member_of | self.coached.get(programme, frozenset())):
            return True
        readers = self.partnered.get(programme, frozenset()) | self.observed.get(
            programme, frozenset()
        )
        return shared and bool(owners & readers)

    def coaches(self, local_government_id, programme_id):
        return local_government_id in self.coached.get(programme_id, ())


def _rows(user_id):
    """Everything `Access.read` needs, in one query: it runs on nearly every request, and four
    ORM querysets cost several times their database time to build. Rows are (kind, id,
    programme, north, south, coaches): the user's municipalities ("member"), those of the
    umbrella organisations they observe ("observer"), the programmes they staff ("staff"), and
    the partnerships they coach or in which one of those municipalities takes part."""
    from partnerships.models import LocalGovernment, Membership, Partnership, Programme

    quote = connection.ops.quote_name

    def table(model):
        return quote(model._meta.db_table)

    def m2m(model, name):
        field = model._meta.get_field(name)
        through = field.remote_field.through
        return table(through), quote(field.m2m_column_name()), quote(field.m2m_reverse_name())

    membership, local_government, partnership = (
        table(Membership),
        table(LocalGovernment),
        table(Partnership),
    )
    staff, staff_programme, staff_user = m2m(Programme, "staff")
    consultants, consultants_partnership, consultants_user = m2m(Partnership, "consultants")
    observers, observers_umbrella, observers_user = m2m(
        LocalGovernment._meta.get_field("umbrella").related_model, "observers"
    )
    none = "CAST(NULL AS BIGINT)"  # typed, for PostgreSQL's UNION
    teams = f"""
        SELECT local_government_id FROM {membership} WHERE user_id = %(user)s
        UNION
        SELECT lg.id FROM {local_government} lg
        JOIN {observers} o ON o.{observers_umbrella} = lg.umbrella_id
        WHERE o.{observers_user} = %(user)s"""
    sql = f"""
        SELECT 'member', local_government_id, {none}, {none}, {none}, FALSE
        FROM {membership} WHERE user_id = %(user)s
        UNION ALL
        SELECT 'observer', lg.id, {none}, {none}, {none}, FALSE FROM {local_government} lg
        JOIN {observers} o ON o.{observers_umbrella} = lg.umbrella_id
        WHERE o.{observers_user} = %(user)s
        UNION ALL
        SELECT 'staff', {staff_programme}, {none}, {none}, {none}, FALSE
        FROM {staff} WHERE {staff_user} = %(user)s
        UNION ALL
        SELECT 'partnership', p.id, p.programme_id, p.north_id, p.south_id, EXISTS(
            SELECT 1 FROM {consultants} c
            WHERE c.{consultants_partnership} = p.id AND c.{consultants_user} = %(user)s
        ) AS coaches
        FROM {partnership} p
        WHERE p.north_id IN ({teams}) OR p.south_id IN ({teams}) OR EXISTS(
            SELECT 1 FROM {consultants} c
            WHERE c.{consultants_partnership} = p.id AND c.{consultants_user} = %(user)s
        )"""
    with connection.cursor() as cursor:
        cursor.execute(sql, {"user": user_id})
        return cursor.fetchall()


def _freeze(mapping):
    return {key: frozenset(values) for key, values in mapping.items()}


def _by_programme(mapping, owners, programme):
    q = Q(pk__in=[])
    for programme_id, local_governments in mapping.items():
        q |= Q(**{programme: programme_id, f"{owners}__one_of": local_governments})
    return q


class OneOf(In):
    """`field__one_of=ids`, `field__in=ids` for a set of ids read from the access: on PostgreSQL
    they travel as one array parameter (`= ANY(%s)`) instead of a placeholder each. A
    consultant's filters name hundreds of municipalities; building, sending and planning a
    placeholder per id cost more than the query itself."""

    lookup_name = "one_of"

    def get_prep_lookup(self):
        return sorted(self.rhs)  # ids already: no field to prepare them for

    def as_postgresql(self, compiler, connection):
        if not self.rhs:
            raise EmptyResultSet
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*lhs_params, self.rhs)


Field.register_lookup(OneOf)
ForeignObject.register_lookup(OneOf)  # relations keep their own lookups, not Field's


_per_request = ContextVar("access_per_request", default=None)


@contextmanager
def read_once():
    """Within the block, each user's access is read once: a request, or a job that reads for
    one person (the final report) and changes nobody's access meanwhile."""
    token = _per_request.set({})
    try:
        yield
    finally:
        _per_request.reset(token)


class AccessMiddleware:
    """Reads each user's access once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with read_once():
            return self.get_response(request)
