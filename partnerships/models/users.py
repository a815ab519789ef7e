from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """An account: a person who works in the programme."""

    class Profile(models.TextChoices):
        TECHNICAL = "technical", _("technical / administrative")
        POLITICAL = "political", _("political")

    class Mail(models.TextChoices):
        IMMEDIATE = "immediate", _("at once, one mail for each")
        DIGEST = "digest", _("once a day, in one mail")
        NONE = "none", _("never: I read them on my home page")

    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, blank=True
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    profile = models.CharField(_("profile"), max_length=20, choices=Profile, blank=True)
    languages_spoken = models.CharField(
        _("languages spoken"), max_length=200, blank=True, help_text=_("For example: French, Fon")
    )

    mail_notifications = models.CharField(
        _("mail me what needs me"), max_length=10, choices=Mail, default=Mail.IMMEDIATE
    )

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["first_name", "last_name", "username"]

    def __str__(self):
        return self.get_full_name() or self.username


class MembershipQuerySet(models.QuerySet):
    def visible_to(self, user):
        from .organisations import LocalGovernment

        return self.filter(local_government__in=LocalGovernment.objects.visible_to(user))


class Membership(models.Model):
    """A person's place in the team of one local government."""

    class Role(models.TextChoices):
        FOCAL_POINT = "focal_point", _("focal point")
        TEAM_MEMBER = "team_member", _("team member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    local_government = models.ForeignKey(
        "partnerships.LocalGovernment",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("local government"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.TEAM_MEMBER)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["local_government__name", "role", "user__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "local_government"], name="membership_unique_user_government"
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.local_government})"
