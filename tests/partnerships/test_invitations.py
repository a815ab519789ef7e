"""Accounts come only by invitation: one e-mail, a link that sets a password once, then log-in."""

import re
from unittest import mock

import pytest
from django.test import TestCase
from django.urls import NoReverseMatch, reverse

from partnerships.models import Membership, User
from tests import context
from tests.commits import without_freshness
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-sturdy-new-passphrase-42"


def committed():
    """Run what waits for the request's transaction to commit: mail leaves only then."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def invite_consultant(client, staff, partnership, email="luk@example.org"):
    client.force_login(staff)
    with committed():
        response = client.post(
            reverse("partnerships:partnership_invite", kwargs={"pk": partnership.pk}),
            {"email": email, "first_name": "Luk", "last_name": "Coach", "language": "en"},
        )
    client.logout()
    return response


def link_in(message):
    match = re.search(r"https?://\S+/invitations/\S+/", message.body)
    assert match, message.body
    return match.group(0)


def choose_password(client, link, password=NEW_PASSWORD):
    """Open the link and save a password, as the invited person would."""
    response = client.get(link)
    assert response.status_code == 302, "a valid link moves its token into the session"
    form_url = response.url
    assert client.get(form_url).context["validlink"]
    return client.post(form_url, {"new_password1": password, "new_password2": password})


def test_staff_invite_a_consultant_with_one_email(client, staff, partnership, mailoutbox):
    response = invite_consultant(client, staff, partnership)
    assert response.status_code == 302
    assert response.url == partnership.get_absolute_url()
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["luk@example.org"]
    assert str(partnership) in message.subject
    assert link_in(message)
    invited = User.objects.get(email="luk@example.org")
    assert not invited.has_usable_password()
    assert invited in partnership.consultants.all()


def test_a_plain_text_mail_writes_names_as_they_are(client, staff, partnership, mailoutbox):
    """Mail is plain text: an apostrophe or an ampersand in a name is not an HTML entity."""
    staff.first_name, staff.last_name = "Jan", "D'Hondt & Co"
    staff.save()
    invite_consultant(client, staff, partnership)
    (message,) = mailoutbox
    assert "Jan D'Hondt & Co has added you to" in " ".join(message.body.split())
    assert "&#x27;" not in message.body + message.subject
    assert "&amp;" not in message.body + message.subject


def test_the_link_sets_a_password_and_logs_in(client, staff, partnership, mailoutbox):
    invite_consultant(client, staff, partnership)
    response = choose_password(client, link_in(mailoutbox[0]))
    assert response.status_code == 302
    assert response.url == "/"
    home = client.get(reverse("home"))
    assert home.status_code == 200
    assert home.context["user"].email == "luk@example.org"
    assert set(context.shown(home, "partnerships")) == {partnership}
    client.logout()
    assert client.login(username="luk@example.org", password=NEW_PASSWORD)


def test_the_link_works_only_once(client, staff, partnership, mailoutbox):
    invite_consultant(client, staff, partnership)
    link = link_in(mailoutbox[0])
    choose_password(client, link)
    client.logout()
    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert not response.context["validlink"]
    assert "This link no longer works" in response.text


def test_a_forged_link_does_not_work(client, staff, partnership, mailoutbox):
    invite_consultant(client, staff, partnership)
    forged = re.sub(r"/[^/]+/$", "/not-the-token/", link_in(mailoutbox[0]))
    response = client.get(forged)
    assert response.status_code == 200
    assert not response.context["validlink"]


def test_staff_invite_a_team_member_to_a_municipality(client, staff, laarne, mailoutbox):
    client.force_login(staff)
    with committed():
        response = client.post(
            reverse("partnerships:localgovernment_invite", kwargs={"pk": laarne.pk}),
            {
                "email": " An.Member@Laarne.example ",
                "first_name": "An",
                "last_name": "Member",
                "language": "nl",
                "role": "team_member",
            },
        )
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="an.member@laarne.example")
    assert membership.local_government == laarne
    assert membership.role == Membership.Role.TEAM_MEMBER
    assert membership.user.language == "nl"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["an.member@laarne.example"]


def test_the_mail_leaves_through_the_worker_once_the_invitation_is_saved(
    client, staff, partnership, mailoutbox
):
    client.force_login(staff)
    with mock.patch("partnerships.tasks.send_mail.delay") as delay, committed() as callbacks:
        client.post(
            reverse("partnerships:partnership_invite", kwargs={"pk": partnership.pk}),
            {
                "email": "luk@example.org",
                "first_name": "Luk",
                "last_name": "C",
                "language": "nl",
            },
        )
        delay.assert_not_called()  # the mail waits for the commit
    assert len(without_freshness(callbacks)) == 1
    delay.assert_called_once()
    assert delay.call_args.kwargs["to"] == "luk@example.org"
    assert "/invitations/" in delay.call_args.kwargs["body"]
    assert mailoutbox == []


def test_a_failing_mail_server_is_retried_not_shown_to_the_inviter(
    client, staff, partnership, mailoutbox
):
    client.force_login(staff)
    refused = mock.patch("partnerships.tasks.django_send_mail", side_effect=OSError("refused"))
    retried = mock.patch("partnerships.tasks.send_mail.retry", side_effect=RuntimeError)
    with refused as send, retried as retry, committed():
        response = client.post(
            reverse("partnerships:partnership_invite", kwargs={"pk": partnership.pk}),
            {"email": "luk@example.org", "first_name": "L", "last_name": "C", "language": "en"},
        )
    assert response.status_code == 302
    assert send.called
    assert retry.called


def test_inviting_someone_who_has_a_password_sends_no_link(
    client, staff, partnership, consultant, mailoutbox
):
    invite_consultant(client, staff, partnership, email=consultant.email)
    assert len(mailoutbox) == 1
    assert "/invitations/" not in mailoutbox[0].body
    assert "Log in with your usual password." in mailoutbox[0].body
    assert User.objects.filter(email=consultant.email).count() == 1


def test_a_focal_point_cannot_invite(client, focal_point, laarne, partnership, mailoutbox):
    client.force_login(focal_point)
    response = client.post(
        reverse("partnerships:localgovernment_invite", kwargs={"pk": laarne.pk}),
        {"email": "x@example.org", "first_name": "X", "last_name": "Y", "language": "en"},
    )
    assert response.status_code == 403
    assert mailoutbox == []
    assert not User.objects.filter(email="x@example.org").exists()


def test_an_invalid_invitation_keeps_what_was_typed(client, staff, partnership, mailoutbox):
    client.force_login(staff)
    response = client.post(
        reverse("partnerships:partnership_invite", kwargs={"pk": partnership.pk}),
        {"email": "not-an-address", "first_name": "Luk", "last_name": "Coach", "language": "en"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert 'value="Luk"' in response.text
    assert mailoutbox == []


def test_login_answers_429_after_too_many_failures(client, settings, focal_point):
    settings.LOGIN_RATE_LIMIT = 3
    url = reverse("login")
    for _ in range(3):
        response = client.post(url, {"username": focal_point.username, "password": "wrong"})
        assert response.status_code == 200
    response = client.post(url, {"username": focal_point.username, "password": "wrong"})
    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.text
    # Even the right password waits until the window has passed.
    response = client.post(
        url, {"username": focal_point.username, "password": "a-long-test-password"}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_few_failures_do_not_lock_anyone_out(client, settings, focal_point):
    settings.LOGIN_RATE_LIMIT = 3
    url = reverse("login")
    for _ in range(2):
        client.post(url, {"username": focal_point.username, "password": "wrong"})
    response = client.post(
        url, {"username": focal_point.username, "password": "a-long-test-password"}
    )
    assert response.status_code == 302


@pytest.mark.parametrize("name", ["signup", "register", "registration", "django_registration"])
def test_there_is_no_signup_url(name):
    with pytest.raises(NoReverseMatch):
        reverse(name)


@pytest.mark.parametrize("path", ["/signup/", "/register/", "/accounts/signup/"])
def test_signing_up_is_not_a_page(client, path):
    user = UserFactory()
    client.force_login(user)
    assert client.get(path).status_code == 404


def test_the_login_page_says_accounts_come_by_invitation(client):
    response = client.get(reverse("login"))
    assert "Accounts are created by invitation" in response.text
    assert "sign up" not in response.text.lower()


@pytest.mark.parametrize("username", ["luk@example.org", "Luk@Example.org"])
def test_inviting_an_address_that_is_another_accounts_user_name_is_a_form_error(
    client, staff, partnership, mailoutbox, username
):
    """This once answered 500 (the new account's user name was taken), or made a second
    account whose user name differed only in case."""
    UserFactory(username=username, email="luk.private@example.net")
    client.force_login(staff)
    response = client.post(
        reverse("partnerships:partnership_invite", kwargs={"pk": partnership.pk}),
        {"email": "luk@example.org", "first_name": "Luk", "last_name": "Coach", "language": "en"},
    )
    assert response.status_code == 200
    assert "already logs in with this address" in response.context["form"].errors["email"][0]
    assert 'value="Luk"' in response.text
    assert mailoutbox == []
    assert User.objects.filter(username__iexact="luk@example.org").count() == 1
    assert not partnership.consultants.exists()


def test_an_address_too_long_for_a_user_name_is_a_form_error(client, staff, partnership):
    client.force_login(staff)
    email = f"{'l' * 60}@{'sub.' * 20}example.org"
    assert len(email) > 150
    response = client.post(
        reverse("partnerships:partnership_invite", kwargs={"pk": partnership.pk}),
        {"email": email, "first_name": "Luk", "last_name": "Coach", "language": "en"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not User.objects.filter(email=email).exists()


def test_an_account_made_meanwhile_by_another_invitation_is_reused(staff, partnership):
    """Two invitations of the same new address at once: the second finds the first's account
    when its own insert is refused, instead of answering 500."""
    from partnerships import services

    existing = UserFactory(username="luk@example.org", email="luk@example.org")
    with mock.patch.object(User.objects, "filter") as look_up:
        look_up.return_value.first.return_value = None  # not there yet when it looked
        user = services.person_get_or_create(
            email="luk@example.org", first_name="Luk", last_name="Coach"
        )
    assert user == existing
    assert User.objects.filter(username="luk@example.org").count() == 1


def test_a_new_member_of_a_beninese_municipality_is_offered_french_first(client, staff, ouinhi):
    client.force_login(staff)
    response = client.get(reverse("partnerships:localgovernment_invite", args=[ouinhi.pk]))
    assert response.context["form"]["language"].value() == "fr"


def test_a_new_member_of_a_flemish_municipality_is_offered_dutch_first(client, staff, laarne):
    client.force_login(staff)
    response = client.get(reverse("partnerships:localgovernment_invite", args=[laarne.pk]))
    assert response.context["form"]["language"].value() == "nl"
