"""The project's own pages: home, health check, log-in and out, password, invitations."""

from partnerships.models import Notification
from tests.permissions.matrix import Row, everyone

ROWS = [
    Row("home", expect=everyone(200, anonymous=302)),
    Row("healthz", expect=everyone(200)),
    # The icon of base.html, for browsers that ask for /favicon.ico.
    Row("favicon", expect=everyone(302)),
    # Someone already logged in is sent on to their home.
    Row("login", expect=everyone(302, anonymous=200)),
    Row(
        "login",
        method="post",
        data=lambda w: {"username": "nobody@example.org", "password": "wrong"},
        label="wrong-password",
        expect=everyone(302, anonymous=200),
    ),
    Row("logout", method="post", expect=everyone(302)),
    Row("password_change", expect=everyone(200, anonymous=302)),
    Row(
        "invitation_accept",
        kwargs=lambda w: {"uidb64": "MQ", "token": "not-a-token"},
        label="bad-token",
        expect=everyone(200),
    ),
    Row("media", kwargs=lambda w: {"path": "missing.png"}, expect=everyone(404, anonymous=302)),
    # Each person's own notifications and settings.
    Row("partnerships:notification_list", expect=everyone(200, anonymous=302)),
    Row("partnerships:settings", expect=everyone(200, anonymous=302)),
    Row(
        "partnerships:settings",
        method="post",
        data=lambda w: {"language": "fr", "mail_notifications": "digest"},
        expect=everyone(302),
    ),
    Row("partnerships:notifications_read", method="post", expect=everyone(302)),
    # Ouinhi's focal point was told that Laarne shared its learning questions: only they open
    # that notification.
    Row(
        "partnerships:notification_open",
        method="post",
        kwargs=lambda w: {
            "pk": Notification.objects.filter(recipient=w.partner_focal_point).first().pk
        },
        expect=everyone(404, anonymous=302, partner_focal_point=302),
    ),
]

# The language switch answers with a redirect to where the person came from, for everyone.
ROWS += [
    Row(
        "set_language",
        method="post",
        data=lambda w: {"language": "fr", "next": "/"},
        expect=everyone(302),
    ),
]
