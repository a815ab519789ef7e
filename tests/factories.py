"""factory-boy factories: tests and the demo data share them."""

import datetime

import factory
from factory.django import DjangoModelFactory

from learning.models import Comment
from learning.tools.activity_profile import ActivityProfile, Strategy
from learning.tools.factors import Factor, FactorAnalysis
from learning.tools.learning_questions import (
    LearningQuestion,
    LearningQuestionTable,
    Obstacle,
    Response,
    SubQuestion,
)
from learning.tools.presentation import PresentationPerson, PresentationSheet
from learning.tools.swot import Swot, SwotItem
from partnerships.models import (
    Country,
    LearningTheme,
    LocalGovernment,
    Membership,
    Partnership,
    Programme,
    UmbrellaOrganisation,
    User,
)
from visits.models import Delegation, DelegationMember, SiteVisit


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"person{n}@example.org")
    email = factory.SelfAttribute("username")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    language = "en"
    password = factory.django.Password("a-long-test-password")


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"SDG Partnerships {2024 + n}")
    parent_programme = "GLoBe (Good Local Governance)"
    start_date = datetime.date(2024, 1, 1)
    end_date = datetime.date(2025, 12, 31)


def current_programme():
    """A sheet belongs to the programme of its owners' partnerships: in a test with one
    programme, that one (pass `programme=` when there are several)."""
    return Programme.objects.order_by("pk").first() or ProgrammeFactory()


class CountryFactory(DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ["iso_code"]

    iso_code = "BE"
    name_en = "Belgium"
    name_fr = "Belgique"
    name_nl = "België"
    region = Country.Region.NORTH
    working_language = "nl"
    time_zone = "Europe/Brussels"


class SouthCountryFactory(CountryFactory):
    iso_code = "BJ"
    name_en = "Benin"
    name_fr = "Bénin"
    name_nl = "Benin"
    region = Country.Region.SOUTH
    working_language = "fr"
    time_zone = "Africa/Porto-Novo"


class UmbrellaOrganisationFactory(DjangoModelFactory):
    class Meta:
        model = UmbrellaOrganisation
        django_get_or_create = ["acronym"]

    acronym = "VVSG"
    name = "Vereniging van Vlaamse Steden en Gemeenten"
    country = factory.SubFactory(CountryFactory)


class LearningThemeFactory(DjangoModelFactory):
    class Meta:
        model = LearningTheme

    programme = factory.SubFactory(ProgrammeFactory)
    name_en = "local economy, with a special focus on citizen participation"


class LocalGovernmentFactory(DjangoModelFactory):
    class Meta:
        model = LocalGovernment
        django_get_or_create = ["name", "country"]

    name = factory.Sequence(lambda n: f"Northtown {n}")
    country = factory.SubFactory(CountryFactory)
    umbrella = factory.SubFactory(
        UmbrellaOrganisationFactory, country=factory.SelfAttribute("..country")
    )


class SouthLocalGovernmentFactory(LocalGovernmentFactory):
    name = factory.Sequence(lambda n: f"Southtown {n}")
    country = factory.SubFactory(SouthCountryFactory)
    umbrella = factory.SubFactory(
        UmbrellaOrganisationFactory,
        acronym="ANCB",
        name="Association Nationale des Communes du Bénin",
        country=factory.SelfAttribute("..country"),
    )


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = Partnership

    programme = factory.SubFactory(ProgrammeFactory)
    north = factory.SubFactory(LocalGovernmentFactory)
    south = factory.SubFactory(SouthLocalGovernmentFactory)
    start_date = datetime.date(2024, 1, 15)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    local_government = factory.SubFactory(LocalGovernmentFactory)
    role = Membership.Role.FOCAL_POINT


# Tool 5: learning-questions tables, their questions and the exchange around them.


class LearningQuestionTableFactory(DjangoModelFactory):
    """A table; pass `owners=[local_government, ...]` (the requesting municipalities)."""

    class Meta:
        model = LearningQuestionTable
        skip_postgeneration_save = True

    programme = factory.LazyFunction(current_programme)

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        if create and extracted:
            self.owners.set(extracted)


class LearningQuestionFactory(DjangoModelFactory):
    class Meta:
        model = LearningQuestion

    table = factory.SubFactory(LearningQuestionTableFactory)
    order = factory.Sequence(lambda n: n % 9 + 1)
    text = factory.Sequence(lambda n: f"How can the municipality learn lesson {n}?")
    changed_date = datetime.date(2024, 3, 1)


class ObstacleFactory(DjangoModelFactory):
    class Meta:
        model = Obstacle

    question = factory.SubFactory(LearningQuestionFactory)
    order = factory.Sequence(lambda n: n % 9 + 1)
    text = factory.Sequence(lambda n: f"Obstacle {n}")


class SubQuestionFactory(DjangoModelFactory):
    class Meta:
        model = SubQuestion

    question = factory.SubFactory(LearningQuestionFactory)
    order = factory.Sequence(lambda n: n % 9 + 1)
    text = factory.Sequence(lambda n: f"Sub-question {n}?")
    priority = SubQuestion.Priority.MUST


class ResponseFactory(DjangoModelFactory):
    class Meta:
        model = Response

    question = factory.SubFactory(LearningQuestionFactory)
    local_government = factory.SubFactory(SouthLocalGovernmentFactory)
    author = factory.SubFactory(UserFactory)
    text = "In our municipality we tried this, and here is what we learned."


# Tools 1 and 2: presentation sheets and activity profiles.


class PresentationSheetFactory(DjangoModelFactory):
    """A presentation sheet; pass `owners=[local_government]`."""

    class Meta:
        model = PresentationSheet
        skip_postgeneration_save = True

    programme = factory.LazyFunction(current_programme)
    population = 12900
    reasons = "To learn from each other how citizens take part in local decisions."

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        if create and extracted:
            self.owners.set(extracted)


class PresentationPersonFactory(DjangoModelFactory):
    class Meta:
        model = PresentationPerson

    sheet = factory.SubFactory(PresentationSheetFactory)
    name = factory.Faker("name")
    position = "Director-general"
    years_of_service = 12


class ActivityProfileFactory(DjangoModelFactory):
    """One project of an activity profile; pass `owners=[local_government]`."""

    class Meta:
        model = ActivityProfile
        skip_postgeneration_save = True

    programme = factory.LazyFunction(current_programme)
    project_name = factory.Sequence(lambda n: f"Project {n}")
    project_description = "A project carried out with the residents."

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        if create and extracted:
            self.owners.set(extracted)


class StrategyFactory(DjangoModelFactory):
    class Meta:
        model = Strategy

    sheet = factory.SubFactory(ActivityProfileFactory)
    strategy = factory.Sequence(lambda n: f"Participation strategy {n}")
    in_design = True
    quantity = 6
    quality = 7


# Tools 3 and 4: factor analyses and SWOT analyses; comments on any sheet.


class FactorAnalysisFactory(DjangoModelFactory):
    """A factor analysis; pass `owners=[local_government]`."""

    class Meta:
        model = FactorAnalysis
        skip_postgeneration_save = True

    programme = factory.LazyFunction(current_programme)
    remarks = "The advisory councils and the weekly market."

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        if create and extracted:
            self.owners.set(extracted)


class FactorFactory(DjangoModelFactory):
    class Meta:
        model = Factor

    sheet = factory.SubFactory(FactorAnalysisFactory)
    impact = Factor.Impact.POSITIVE
    text = factory.Sequence(lambda n: f"Factor {n}")
    score = 5
    level = Factor.Level.SOCIAL
    origin = Factor.Origin.INTERNAL


class SwotFactory(DjangoModelFactory):
    """A SWOT analysis of one project; pass `owners=[local_government]`."""

    class Meta:
        model = Swot
        skip_postgeneration_save = True

    programme = factory.LazyFunction(current_programme)
    project_name = factory.Sequence(lambda n: f"Project {n}")

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        if create and extracted:
            self.owners.set(extracted)


class SwotItemFactory(DjangoModelFactory):
    class Meta:
        model = SwotItem

    sheet = factory.SubFactory(SwotFactory)
    quadrant = SwotItem.Quadrant.STRENGTH
    text = factory.Sequence(lambda n: f"Item {n}")


class CommentFactory(DjangoModelFactory):
    """A comment; pass `sheet=` (any tool sheet)."""

    class Meta:
        model = Comment

    author = factory.SubFactory(UserFactory)
    text = "Could you say more about this?"


# Site visits: a trip of the programme, a delegation per partnership, its members.


class SiteVisitFactory(DjangoModelFactory):
    """Benin to Flanders, Monday 23 to Friday 27 September 2024."""

    class Meta:
        model = SiteVisit

    programme = factory.LazyFunction(current_programme)
    direction = SiteVisit.Direction.SOUTH_TO_NORTH
    start_date = datetime.date(2024, 9, 23)
    end_date = datetime.date(2024, 9, 27)


class DelegationFactory(DjangoModelFactory):
    """Pass `partnership=`; the visit is one of its programme."""

    class Meta:
        model = Delegation

    partnership = factory.SubFactory(PartnershipFactory)
    visit = factory.SubFactory(
        SiteVisitFactory, programme=factory.SelfAttribute("..partnership.programme")
    )


class DelegationMemberFactory(DjangoModelFactory):
    class Meta:
        model = DelegationMember

    delegation = factory.SubFactory(DelegationFactory)
    name = factory.Faker("name")
    position = "Alderman"
    profile = User.Profile.POLITICAL
