"""English dates read the same in Benin, Belgium and the United States: day, month's name, year
and a 24-hour clock ("29 Nov 2026, 20:08"), never "11/29/2026 8:08 p.m.". Input formats stay
Django's."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
