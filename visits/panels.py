"""The site visits' sections on the partnership and municipality pages (see
partnerships/panels.py): the delegations, with their tools 6 and 7 and their gaps."""

from partnerships.panels import Panel, register

from .application import applied_actions
from .models import Delegation
from .views.rows import delegation_rows


def delegations_panel(delegations, *, user):
    delegations = delegations.select_related("visit", "visitor", "host").order_by(
        "-visit__start_date", "visitor__name"
    )
    rows = delegation_rows(delegations, user=user)
    if not rows:
        return None
    return Panel("visits/includes/delegations_section.html", {"delegation_rows": rows})


@register("partnership")
def partnership_delegations(*, user, obj):
    return delegations_panel(Delegation.objects.visible_to(user).filter(partnership=obj), user=user)


@register("local_government")
def local_government_delegations(*, user, obj):
    return delegations_panel(
        Delegation.objects.visible_to(user).of_local_government(obj), user=user
    )


@register("local_government")
def local_government_applied(*, user, obj):
    """What has been applied: the actions of the municipality's action plans, with their status
    and latest progress."""
    actions = list(applied_actions(user, local_governments=[obj.pk]))
    if not actions:
        return None
    return Panel("visits/actions/includes/applied_section.html", {"applied_actions": actions})
