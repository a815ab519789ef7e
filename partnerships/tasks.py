"""Background jobs of the partnership domain: ids and plain values in, a service called."""

import logging
import smtplib

from celery import shared_task
from django.core.mail import send_mail as django_send_mail

logger = logging.getLogger(__name__)


@shared_task(
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=60,
    retry_backoff_max=3600,
    max_retries=8,
)
def send_mail(*, to, subject, body):
    """Send one rendered mail; a failing mail server is retried with a growing delay."""
    logger.info("Sending %r to %s", subject, to)
    django_send_mail(subject, body, None, [to])
