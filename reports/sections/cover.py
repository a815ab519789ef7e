"""The cover: who reports on what, the programme's period, the consultants and the date."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.models import Country

from .base import Section, register


class Cover(Section):
    slug = "cover"
    title = _("Cover")
    order = 0
    numbered = False
    front = True

    def context(self, report):
        return {
            "umbrellas": umbrellas_of_the_north(report.local_governments),
            "consultants": consultants_by_track(report.partnerships),
            "today": timezone.localdate(),
        }


def umbrellas_of_the_north(local_governments):
    """The umbrella organisations of the northern municipalities, which run the programme."""
    umbrellas = {
        lg.umbrella.pk: lg.umbrella
        for lg in local_governments
        if lg.umbrella and lg.country.region == Country.Region.NORTH
    }
    return sorted(umbrellas.values(), key=str)


def consultants_by_track(partnerships):
    """Each consultant with the countries of the South of the partnerships they coach (their
    track: "SDG Partnerships Benin"), by name."""
    tracks = {}
    for partnership in partnerships:
        for consultant in partnership.consultants.all():
            countries = tracks.setdefault(consultant, {})
            countries[partnership.south.country.pk] = partnership.south.country
    return [
        {"person": person, "countries": sorted(countries.values(), key=str)}
        for person, countries in sorted(tracks.items(), key=lambda item: str(item[0]))
    ]


register(Cover())
