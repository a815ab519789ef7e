"""Work finds its people: a tool shared, returned, reviewed or commented on, a question answered
are notified to those concerned, listed on their home until read, and mailed at once, in a
daily digest or never, in each recipient's language."""

import datetime
import io
import smtplib

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from partnerships.models import Notification, User
from tests import context
from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    PresentationSheetFactory,
    SubQuestionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet(programme, laarne):
    return PresentationSheetFactory(programme=programme, owners=[laarne])


def transition(client, sheet, name, **data):
    url = reverse(
        "learning:sheet_transition",
        kwargs={"slug": sheet.tool.slug, "pk": sheet.pk, "transition": name},
    )
    return client.post(url, data)


def test_sharing_tells_the_partner_and_the_consultant_each_in_their_language(
    client,
    sheet,
    focal_point,
    partner_focal_point,
    consultant,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    consultant.language = "nl"
    consultant.save()
    client.force_login(focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        assert transition(client, sheet, "share").status_code == 302

    told = Notification.objects.order_by("recipient__username")
    assert {n.recipient for n in told} == {partner_focal_point, consultant}
    assert not Notification.objects.filter(recipient=focal_point).exists()
    mails = {message.to[0]: message for message in mailoutbox}
    assert set(mails) == {partner_focal_point.email, consultant.email}
    # Ouinhi's focal point reads French, the consultant Dutch; the tool's title too.
    subject = mails[partner_focal_point.email].subject
    assert "Laarne a partagé l'outil « Fiche de présentation »" in subject
    assert "Laarne heeft" in mails[consultant.email].subject
    assert sheet.get_absolute_url() in mails[consultant.email].body


def test_a_return_for_changes_tells_the_owners_once(
    client, sheet, focal_point, team_member, consultant, django_capture_on_commit_callbacks
):
    client.force_login(focal_point)
    transition(client, sheet, "share")
    Notification.objects.all().delete()
    client.force_login(consultant)
    with django_capture_on_commit_callbacks(execute=True):
        transition(client, sheet, "return", text="Add your reasons, please.")

    told = list(Notification.objects.all())
    assert {n.recipient for n in told} == {focal_point, team_member}
    assert {n.text for n in told} == {"The Presentation sheet of Laarne was returned for changes"}


def test_a_comment_tells_the_owners_and_consultants_but_not_its_author(
    client, sheet, focal_point, team_member, consultant, partner_focal_point
):
    client.force_login(focal_point)
    transition(client, sheet, "share")
    Notification.objects.all().delete()
    client.post(
        reverse("learning:comment_create", kwargs={"slug": sheet.tool.slug, "pk": sheet.pk}),
        {"text": "We added the map."},
    )
    assert {n.recipient for n in Notification.objects.all()} == {team_member, consultant}
    assert Notification.objects.first().url.endswith("#comments")


def test_an_answer_to_a_sub_question_tells_the_team_that_asked(
    client, programme, laarne, focal_point, team_member, partner_focal_point
):
    table = LearningQuestionTableFactory(programme=programme, owners=[laarne], status="shared")
    question = LearningQuestionFactory(table=table, order=1)
    subquestion = SubQuestionFactory(question=question, order=2)
    client.force_login(partner_focal_point)
    client.post(
        reverse("learning:response_create", args=[question.pk]),
        {"text": "Our council meets monthly.", "subquestion": subquestion.pk},
    )
    told = list(Notification.objects.all())
    assert {n.recipient for n in told} == {focal_point, team_member}
    with translation.override("en"):
        assert told[0].text == "Ouinhi answered sub-question 2 of a learning question of Laarne"


def test_the_digest_sends_one_mail_a_day_and_none_sends_nothing(
    client, sheet, focal_point, partner_focal_point, consultant, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    partner_focal_point.mail_notifications = User.Mail.DIGEST
    partner_focal_point.save()
    consultant.mail_notifications = User.Mail.NONE
    consultant.save()
    client.force_login(focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        transition(client, sheet, "share")
    assert mailoutbox == []
    assert Notification.objects.filter(recipient=consultant).exists()  # on the home all the same

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=io.StringIO())
    assert [message.to for message in mailoutbox] == [[partner_focal_point.email]]
    assert "Laarne a partagé l'outil « Fiche de présentation »" in mailoutbox[0].body
    assert str(sheet.owner_partnerships().get()) in mailoutbox[0].body  # grouped under it
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=io.StringIO())
    assert len(mailoutbox) == 1  # nothing new


def test_a_failing_mail_server_does_not_break_the_page(
    client, sheet, focal_point, partner_focal_point, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr("partnerships.tasks.django_send_mail", refuse)
    client.force_login(focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        response = transition(client, sheet, "share")
    assert response.status_code == 302
    assert Notification.objects.exists()


def test_the_home_lists_what_needs_the_person_until_it_is_read(
    client, sheet, focal_point, partner_focal_point
):
    client.force_login(focal_point)
    transition(client, sheet, "share")
    client.force_login(partner_focal_point)
    home = client.get(reverse("home"))
    (notification,) = context.shown(home, "needs").notifications
    assert "Laarne a partagé l&#x27;outil « Fiche de présentation »" in home.text

    opened = client.post(reverse("partnerships:notification_open", args=[notification.pk]))
    assert opened.url == sheet.get_absolute_url()
    assert context.shown(client.get(reverse("home")), "needs").notifications == []
    assert "Laarne a partagé" in client.get(reverse("partnerships:notification_list")).text

    client.force_login(focal_point)  # not theirs
    assert (
        client.post(reverse("partnerships:notification_open", args=[notification.pk])).status_code
        == 404
    )


def test_the_consultant_sees_what_waits_for_review_and_the_team_what_came_back(
    client, sheet, focal_point, consultant
):
    client.force_login(focal_point)
    transition(client, sheet, "share")
    client.force_login(consultant)
    needs = context.shown(client.get(reverse("home")), "needs")
    assert [sheet_ for sheet_, _name in needs.waiting] == [sheet]
    transition(client, sheet, "return", text="The map is missing.")
    assert context.shown(client.get(reverse("home")), "needs").waiting == []
    client.force_login(focal_point)
    needs = context.shown(client.get(reverse("home")), "needs")
    assert [name for _sheet, name in needs.returned] == [str(sheet)]
    assert needs.notifications  # and the notification of the return


def test_the_lists_name_each_sheet_as_its_page_does_and_a_joint_sheet_once(
    client, programme, laarne, ouinhi, focal_point, consultant
):
    from learning.tools.presentation import PresentationSheet

    first, second = (
        PresentationSheetFactory(programme=programme, owners=[laarne], status="returned")
        for _ in range(2)
    )
    joint = PresentationSheetFactory(programme=programme, owners=[laarne, ouinhi])
    PresentationSheet.objects.filter(pk=joint.pk).update(status="shared")
    client.force_login(focal_point)
    returned = context.shown(client.get(reverse("home")), "needs").returned
    assert returned == [
        (first, "Presentation sheet: Laarne (1)"),
        (second, "Presentation sheet: Laarne (2)"),
    ]
    client.force_login(consultant)
    waiting = context.shown(client.get(reverse("home")), "needs").waiting
    assert waiting == [(joint, "Presentation sheet: Laarne, Ouinhi")]


def test_each_list_shows_its_first_five_whatever_the_other_holds(
    client, programme, partnership, laarne, ouinhi, focal_point
):
    """Someone of Laarne's team who also coaches the partnership: seven of Laarne's sheets came
    back and two of Ouinhi's wait for review; each list takes its own first five, in order."""
    from learning.tools.presentation import PresentationSheet

    partnership.consultants.add(focal_point)
    came_back = [
        PresentationSheetFactory(programme=programme, owners=[laarne], status="returned")
        for _ in range(7)
    ]
    shared = [PresentationSheetFactory(programme=programme, owners=[ouinhi]) for _ in range(2)]
    PresentationSheet.objects.filter(pk__in=[sheet.pk for sheet in shared]).update(status="changed")
    client.force_login(focal_point)
    needs = context.shown(client.get(reverse("home")), "needs")
    assert [sheet for sheet, _name in needs.returned] == came_back[:5]
    assert [sheet for sheet, _name in needs.waiting] == shared


def test_each_person_chooses_how_they_hear_of_it(client, focal_point):
    client.force_login(focal_point)
    response = client.post(
        reverse("partnerships:settings"),
        {"first_name": "Lies", "last_name": "", "language": "nl", "mail_notifications": "digest"},
    )
    assert response.status_code == 302
    focal_point.refresh_from_db()
    assert (focal_point.language, focal_point.mail_notifications) == ("nl", "digest")


def test_the_home_lists_questions_to_answer_and_unanswered_ones(
    client, programme, laarne, ouinhi, partner_focal_point, consultant
):
    table = LearningQuestionTableFactory(programme=programme, owners=[laarne], status="shared")
    question = LearningQuestionFactory(table=table, order=1, text="How do we revive councils?")
    client.force_login(partner_focal_point)  # Ouinhi offers the expertise
    assert context.shown(client.get(reverse("home")), "needs").to_answer == [question]
    client.force_login(consultant)  # written long ago, and nobody answered
    assert context.shown(client.get(reverse("home")), "needs").unanswered == [question]
    client.force_login(partner_focal_point)
    client.post(reverse("learning:response_create", args=[question.pk]), {"text": "Like this."})
    assert context.shown(client.get(reverse("home")), "needs").to_answer == []
    client.force_login(consultant)
    assert context.shown(client.get(reverse("home")), "needs").unanswered == []


def test_running_partnerships_come_first_and_the_ended_ones_are_folded(
    client, consultant, partnership, programme
):
    from tests.factories import PartnershipFactory

    ended = PartnershipFactory(programme=programme)
    ended.consultants.add(consultant)
    ended.status = "terminated"
    ended.save()
    client.force_login(consultant)
    home = client.get(reverse("home"))
    assert context.shown(home, "running") == [partnership]
    assert context.shown(home, "ended") == [ended]
    assert "1 ended partnership" in home.text


def test_staff_see_who_was_invited_and_never_came(client, staff, laarne):
    from tests.factories import MembershipFactory, UserFactory

    invited = MembershipFactory(
        user=UserFactory(username="new@laarne.example", first_name="Nele"), local_government=laarne
    ).user
    client.force_login(staff)
    assert context.shown(client.get(reverse("home")), "needs").not_joined == [invited]


def test_the_consultant_sees_the_municipalities_whose_tools_stay_still(
    client, consultant, programme, laarne, ouinhi
):
    from learning.tools.presentation import PresentationSheet

    sheet = PresentationSheetFactory(programme=programme, owners=[laarne])
    client.force_login(consultant)
    # Ouinhi never filled in a tool; Laarne just did.
    assert context.shown(client.get(reverse("home")), "needs").quiet == [ouinhi]
    # Forty days go by: the sheet last changed forty days ago, and the needs kept then are gone
    # (they are kept per day, for minutes at most).
    PresentationSheet.objects.filter(pk=sheet.pk).update(
        updated_at=sheet.updated_at - datetime.timedelta(days=40)
    )
    cache.clear()
    quiet = context.shown(client.get(reverse("home")), "needs").quiet
    assert quiet == [ouinhi, laarne]  # quietest first
