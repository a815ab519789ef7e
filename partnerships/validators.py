import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("http", "https")

# A website is a web page: http or https, never javascript:, data: or ftp:.
validate_web_address = URLValidator(
    schemes=list(WEB_SCHEMES),
    message=_("Enter a web address that starts with http:// or https://."),
)


def validate_time_zone(value):
    """A zone of the tz database, such as Europe/Brussels."""
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(zone)s is not a time zone of the tz database."),
            code="time_zone",
            params={"zone": value},
        )
