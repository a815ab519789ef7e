"""Mail to people: rendered in the recipient's language, sent by the Celery worker once the
transaction that caused it has committed (inline when no broker is set: sdgp/celery.py). A
failing mail server never breaks the page that triggered the mail."""

from django.db import transaction
from django.template import engines
from django.utils import translation

from .tasks import send_mail


def mail_user(*, user, template, context):
    """Mail `user` the `<template>_subject.txt` and `<template>.txt` pair rendered with
    `context` (plus `user`), in the person's language, as plain text (the "mail" template
    engine escapes nothing)."""
    with translation.override(user.language or translation.get_language()):
        context = {"user": user, **context}
        mail = engines["mail"]
        subject = mail.get_template(f"{template}_subject.txt").render(context).strip()
        body = mail.get_template(f"{template}.txt").render(context)
    message = {"to": user.email, "subject": " ".join(subject.split()), "body": body}
    transaction.on_commit(lambda: send_mail.delay(**message), robust=True)
