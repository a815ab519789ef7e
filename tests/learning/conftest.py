"""Fixtures shared by the tests of the evolution of the learning questions."""

import datetime

import pytest

from learning.tools.learning_questions import LearningQuestion
from tests.factories import (
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    LocalGovernmentFactory,
    PartnershipFactory,
    SouthLocalGovernmentFactory,
)

SEPT_2024 = datetime.date(2024, 9, 20)


@pytest.fixture
def sint_truiden(programme):
    sint_truiden = LocalGovernmentFactory(name="Sint-Truiden")
    PartnershipFactory(
        programme=programme, north=sint_truiden, south=SouthLocalGovernmentFactory(name="Covè")
    )
    return sint_truiden


@pytest.fixture
def history(partnership, laarne, ouinhi, sint_truiden, focal_point):
    """Laarne's three first questions, Sint-Truiden's one, their joint table, and Ouinhi's."""
    programme = partnership.programme
    laarne_table = LearningQuestionTableFactory(
        programme=programme, owners=[laarne], status="shared"
    )
    evaluations = LearningQuestionFactory(
        table=laarne_table, order=1, text="Participatory post-project evaluations?"
    )
    witches = LearningQuestionFactory(table=laarne_table, order=2, text="Witches and rights?")
    associations = LearningQuestionFactory(table=laarne_table, order=3, text="Women's clubs?")
    st_table = LearningQuestionTableFactory(
        programme=programme, owners=[sint_truiden], status="shared"
    )
    trust = LearningQuestionFactory(table=st_table, order=1, text="Citizens' trust?")
    joint = LearningQuestionTableFactory(
        programme=programme, owners=[laarne, sint_truiden], status="shared"
    )
    witches.drop(reason="A sensitive matter", date=datetime.date(2024, 4, 1))
    participation = evaluations.reformulate(
        text="Citizen participation in councils?",
        by=focal_point,
        date=datetime.date(2024, 5, 1),
        trigger="bilateral_meeting",
        also_replaces=[associations, trust],
        table=joint,
    )
    marketing = LearningQuestion.objects.create(
        table=joint, order=2, text="Local marketing of local products?"
    )
    marketing.replaces.add(trust)
    ouinhi_table = LearningQuestionTableFactory(
        programme=programme, owners=[ouinhi], status="shared"
    )
    taxes = LearningQuestionFactory(table=ouinhi_table, order=1, text="More taxes?")
    support = taxes.reformulate(
        text="Best support local economic actors?",
        by=focal_point,
        date=SEPT_2024,
        trigger="site_visit",
        trigger_note="The Laarne market",
    )
    return {
        "evaluations": evaluations,
        "witches": witches,
        "associations": associations,
        "trust": trust,
        "participation": participation,
        "marketing": marketing,
        "taxes": taxes,
        "support": support,
    }
