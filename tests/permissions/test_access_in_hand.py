"""Where a page decides visibility in Python from the user's `Access` instead of a `visible_to`
query (the tools overview of the partnership and municipality pages, the partnership page's
sides, the knowledge network's links to the questions), it lets through exactly what the
query does, for every persona of the world."""

import pytest

from learning.tools.learning_questions import LearningQuestion, LearningQuestionTable
from learning.tools.learning_questions.views.exchange import readable_in_hand
from learning.tools.registry import tools
from partnerships.access import Access
from partnerships.models import LocalGovernment, Partnership
from tests.factories import (
    ActivityProfileFactory,
    FactorAnalysisFactory,
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    PresentationSheetFactory,
    SwotFactory,
)
from tests.permissions.matrix import PERSONAS

pytestmark = pytest.mark.django_db

FACTORIES = (
    PresentationSheetFactory,
    ActivityProfileFactory,
    FactorAnalysisFactory,
    SwotFactory,
    LearningQuestionTableFactory,
)


@pytest.fixture
def joint_sheets(world):
    """Sheets of two owners, drafted and shared, within one programme and across two."""
    for factory in FACTORIES:
        for status in ("draft", "shared"):
            factory(owners=[world.laarne, world.ouinhi], programme=world.programme, status=status)
            factory(
                owners=[world.bohicon, world.ouinhi], programme=world.programme_b, status=status
            )


@pytest.mark.parametrize("role", PERSONAS)
def test_access_reads_the_sheets_that_visible_to_lets_through(world, joint_sheets, role):
    user = world.user(role)
    access = Access.of(user)
    for tool in tools():
        model = tool.model
        sheets = model.objects.prefetch_related("owners")
        in_hand = {
            sheet.pk
            for sheet in sheets
            if access.reads(
                programme=sheet.programme_id,
                owners={owner.pk for owner in sheet.owners.all()},
                shared=sheet.status in model.workflow.shared,
            )
        }
        queried = set(model.objects.visible_to(user).values_list("pk", flat=True))
        assert in_hand == queried, tool.slug


@pytest.mark.parametrize("role", PERSONAS)
def test_a_partnerships_visible_sides_are_those_visible_to_lets_through(world, role):
    user = world.user(role)
    for partnership in Partnership.objects.all():
        sides = {partnership.north_id, partnership.south_id}
        queried = set(
            LocalGovernment.objects.visible_to(user)
            .filter(pk__in=sides)
            .values_list("pk", flat=True)
        )
        assert partnership.sides_visible_to(user) == queried, partnership


@pytest.mark.parametrize("role", PERSONAS)
def test_the_knowledge_network_links_the_questions_that_visible_to_lets_through(
    world, joint_sheets, role
):
    for table in LearningQuestionTable.objects.all():
        LearningQuestionFactory(table=table)
    user = world.user(role)
    current = LearningQuestion.objects.active().select_related("table")
    current = current.prefetch_related("table__owners")
    queried = set(LearningQuestion.objects.visible_to(user).active().values_list("pk", flat=True))
    assert readable_in_hand(user, current) == queried
