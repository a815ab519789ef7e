"""Who hears of what happens to a tool and its questions, in the words of
partnerships/notifications.py: a tool shared (the partner's team and the owners' consultants),
reviewed or returned (the owners' team), commented on (the owners' team and consultants), a
question answered (the owners' team)."""

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_noop

from partnerships.models import Partnership, User
from partnerships.notifications import notify

SHARED = gettext_noop("%(owners)s shared their %(tool)s")
REVIEWED = gettext_noop("The consultant reviewed the %(tool)s of %(owners)s")
RETURNED = gettext_noop("The %(tool)s of %(owners)s was returned for changes")
COMMENTED = gettext_noop("%(actor)s commented on the %(tool)s of %(owners)s")
ANSWERED = gettext_noop("%(partner)s answered a learning question of %(owners)s")
ANSWERED_SUBQUESTION = gettext_noop(
    "%(partner)s answered sub-question %(number)s of a learning question of %(owners)s"
)


def _names(local_governments):
    return ", ".join(str(local_government) for local_government in local_governments)


def _tool(sheet):
    """The tool's title as its untranslated message: each reader reads it in their language."""
    with translation.override(None):
        return str(sheet.tool.title)


def _members(local_governments):
    return User.objects.filter(memberships__local_government__in=local_governments).distinct()


def _consultants(partnerships):
    return User.objects.filter(coached_partnerships__in=partnerships).distinct()


def _owner_partnerships(sheet, owners):
    return Partnership.objects.filter(programme=sheet.programme_id).filter(
        Q(north__in=owners) | Q(south__in=owners)
    )


def _partners(partnerships, owners):
    owner_pks = {owner.pk for owner in owners}
    return {
        side
        for partnership in partnerships.select_related("north", "south")
        for side in (partnership.north, partnership.south)
        if side.pk not in owner_pks
    }


def sheet_moved(sheet, transition, *, actor):
    """A sheet went through a transition of its workflow."""
    owners = list(sheet.owners.all())
    partnerships = _owner_partnerships(sheet, owners)
    params = {"owners": _names(owners), "tool": _tool(sheet)}
    about = {"url": sheet.get_absolute_url(), "actor": actor, "params": params}
    partnership = partnerships.first()
    if transition.name == "share":
        recipients = [*_members(_partners(partnerships, owners)), *_consultants(partnerships)]
        notify(recipients, verb=SHARED, partnership=partnership, **about)
    elif transition.name == "review":
        notify(_members(owners), verb=REVIEWED, partnership=partnership, **about)
    elif transition.name == "return":
        notify(_members(owners), verb=RETURNED, partnership=partnership, **about)
    elif transition.notice:
        params["actor"] = str(actor)
        recipients = [*_members(owners), *_consultants(partnerships)]
        notify(recipients, verb=transition.notice, partnership=partnership, **about)


def sheet_commented(sheet, comment):
    owners = list(sheet.owners.all())
    partnerships = _owner_partnerships(sheet, owners)
    notify(
        [*_members(owners), *_consultants(partnerships)],
        verb=COMMENTED,
        url=f"{sheet.get_absolute_url()}#comments",
        params={"actor": str(comment.author), "owners": _names(owners), "tool": _tool(sheet)},
        actor=comment.author,
        partnership=partnerships.first(),
    )


def question_answered(response):
    question = response.question
    owners = list(question.table.owners.all())
    params = {"partner": str(response.local_government), "owners": _names(owners)}
    verb = ANSWERED
    if response.subquestion_id:
        verb, params["number"] = ANSWERED_SUBQUESTION, response.subquestion.order
    notify(
        _members(owners),
        verb=verb,
        url=f"{question.get_absolute_url()}#response-{response.pk}",
        params=params,
        actor=response.author,
        partnership=_owner_partnerships(question.table, owners).first(),
    )
