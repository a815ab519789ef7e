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
a request (AccessMiddleware) each user's access is read once; outside one (tasks, shell, tests
calling querysets directly) it is read on every call, so it is never stale.
"""

from collections import defaultdict
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q


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
            cache[user.pk] = cls.read(user)
        return cache[user.pk]

    @classmethod
    def read(cls, user):
        from partnerships.models import LocalGovernment, Membership, Partnership

        teams = LocalGovernment.objects.filter(
            Q(memberships__user=user) | Q(umbrella__observers=user)
        ).annotate(
            member=Exists(Membership.objects.filter(user=user, local_government=OuterRef("pk")))
        )
        member_of, observed_local_governments = set(), set()
        for pk, member in teams.values_list("pk", "member").distinct():
            (member_of if member else observed_local_governments).add(pk)
        member_of = frozenset(member_of)
        observed_local_governments = frozenset(observed_local_governments)
        staff_of = frozenset(user.staffed_programmes.values_list("pk", flat=True))
        coached, partnered, observed = defaultdict(set), defaultdict(set), defaultdict(set)
        rows = (
            Partnership.objects.filter(
                Q(consultants=user)
                | Q(north__in=member_of)
                | Q(south__in=member_of)
                | Q(north__in=observed_local_governments)
                | Q(south__in=observed_local_governments)
            )
            .values_list("pk", "programme", "north", "south", "consultants")
            .distinct()
        )
        coached_partnerships = set()
        for pk, programme, north, south, consultant in rows:
            sides = {north, south}
            if consultant == user.pk:
                coached[programme] |= sides
                coached_partnerships.add(pk)
            if sides & member_of:
                partnered[programme] |= sides
            if sides & observed_local_governments:
                observed[programme] |= sides
        return cls(
            member_of=member_of,
            staff_of=staff_of,
            coached=_freeze(coached),
            partnered=_freeze(partnered),
            observed=_freeze(observed),
            observed_local_governments=observed_local_governments,
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

    def coaches(self, local_government_id, programme_id):
        return local_government_id in self.coached.get(programme_id, ())


def _freeze(mapping):
    return {key: frozenset(values) for key, values in mapping.items()}


def _by_programme(mapping, owners, programme):
    q = Q(pk__in=[])
    for programme_id, local_governments in mapping.items():
        q |= Q(**{programme: programme_id, f"{owners}__in": local_governments})
    return q


_per_request = ContextVar("access_per_request", default=None)


class AccessMiddleware:
    """Reads each user's access once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _per_request.set({})
        try:
            return self.get_response(request)
        finally:
            _per_request.reset(token)
