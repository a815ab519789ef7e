"""The project's own pages: home, health check, log-in and out, password, invitations."""

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
