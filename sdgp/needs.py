"""What needs a person, for the top of their home page, most urgent first: their own tools
returned for changes (members of a municipality's team), the tools waiting for review
(consultants and programme staff), then what they were notified of and have not read. Each
item is one tap from the page where it is done; the queries are as many whatever the size of
the programme (the sheets of every tool in one, the notifications in another)."""

from dataclasses import dataclass

from learning.views.overview import readable_sheets
from learning.workflows import Status
from partnerships.access import Access
from partnerships.models import Notification, Partnership

# How many of each kind the home lists; the rest are a link away.
SHOWN = 5
TO_REVIEW = {Status.SHARED, Status.CHANGED}


@dataclass
class Needs:
    returned: list  # (sheet, name) pairs
    waiting: list
    notifications: list
    more_notifications: bool

    def __bool__(self):
        return bool(self.returned or self.waiting or self.notifications)


def needs_of(user):
    access = Access.of(user)
    reviewer_of = set(Access.sides(access.coached))
    if access.staff_of:
        sides = Partnership.objects.filter(programme__in=access.staff_of).values_list(
            "north", "south"
        )
        reviewer_of.update(side for pair in sides for side in pair)
    sheets = readable_sheets(user, sorted(access.member_of | reviewer_of), None)
    returned, waiting, seen = [], [], set()
    for (_slug, owner), entries in sheets.items():
        for sheet, name in entries:
            key = (type(sheet), sheet.pk)
            if key in seen:  # a joint sheet is listed under each owner
                continue
            seen.add(key)
            if owner in access.member_of and sheet.status == Status.RETURNED:
                returned.append((sheet, name))
            elif owner in reviewer_of and sheet.status in TO_REVIEW:
                waiting.append((sheet, name))
    unread = Notification.objects.visible_to(user).unread().select_related("actor")
    notifications = list(unread[: SHOWN + 1])
    return Needs(
        returned=returned[:SHOWN],
        waiting=waiting[:SHOWN],
        notifications=notifications[:SHOWN],
        more_notifications=len(notifications) > SHOWN,
    )
