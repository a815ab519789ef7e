"""Writes that touch several models or send mail."""

from django.contrib.auth.tokens import default_token_generator
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .mail import mail_user
from .models import Membership, User


def person_get_or_create(*, email, first_name, last_name, position="", language="en"):
    """The account for this e-mail address; a new one has no usable password yet. Two
    invitations of the same new address at the same moment make one account."""
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return user
    user = User(
        username=email,
        email=email,
        first_name=first_name,
        last_name=last_name,
        position=position,
        language=language,
    )
    user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        # The other invitation created it (the user name is unique).
        return User.objects.get(username__iexact=email)
    return user


def invitation_link(*, user, request):
    """A single-use link to set a password: it stops working once the password is set."""
    path = reverse(
        "invitation_accept",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return request.build_absolute_uri(path)


def invitation_send(*, user, request, invited_to, invited_by):
    """E-mail the person a link to set their password, in their own language."""
    mail_user(
        user=user,
        template="emails/invitation",
        context={
            "link": invitation_link(user=user, request=request),
            "invited_to": str(invited_to),
            "invited_by": str(invited_by),
            "has_password": user.has_usable_password(),
        },
    )


def member_invite(*, local_government, request, role, **person):
    with transaction.atomic():
        user = person_get_or_create(**person)
        Membership.objects.update_or_create(
            user=user, local_government=local_government, defaults={"role": role}
        )
    invitation_send(
        user=user, request=request, invited_to=local_government, invited_by=request.user
    )
    return user


def consultant_invite(*, partnership, request, **person):
    with transaction.atomic():
        user = person_get_or_create(**person)
        partnership.consultants.add(user)
    invitation_send(user=user, request=request, invited_to=partnership, invited_by=request.user)
    return user


def programme_staff_add(*, programme, user):
    """Make someone staff of a programme: they run it through the app's pages. The Django
    admin stays for superusers, so this grants no admin access."""
    programme.staff.add(user)
