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
FEB_2024 = datetime.date(2024, 2, 15)
SHARED_ON = datetime.datetime(2024, 3, 1, 12, tzinfo=datetime.UTC)


@pytest.fixture
def laarne_questions(partnership, laarne):
    """Laarne's shared learning questions, as it has them by the time of a site visit: the
    journal per objective's sample draws its objectives from them."""
    table = LearningQuestionTableFactory(
        programme=partnership.programme, owners=[laarne], status="shared"
    )
    return [
        LearningQuestionFactory(table=table, order=1, text="How do citizens take part?"),
        LearningQuestionFactory(table=table, order=2, text="How do we fund the market?"),
    ]


@pytest.fixture
def sint_truiden(programme):
    sint_truiden = LocalGovernmentFactory(name="Sint-Truiden")
    PartnershipFactory(
        programme=programme, north=sint_truiden, south=SouthLocalGovernmentFactory(name="Covè")
    )
    return sint_truiden


@pytest.fixture
def history(partnership, laarne, ouinhi, sint_truiden, focal_point):
    """Laarne's three first questions, Sint-Truiden's one (split in two), their joint table, and
    Ouinhi's; every table first shared on 1 March 2024."""
    programme = partnership.programme
    laarne_table = LearningQuestionTableFactory(
        programme=programme, owners=[laarne], status="shared"
    )
    evaluations = LearningQuestionFactory(
        table=laarne_table,
        order=1,
        text="Participatory post-project evaluations?",
        changed_date=FEB_2024,
    )
    witches = LearningQuestionFactory(
        table=laarne_table, order=2, text="Witches and rights?", changed_date=FEB_2024
    )
    associations = LearningQuestionFactory(
        table=laarne_table, order=3, text="Women's clubs?", changed_date=FEB_2024
    )
    st_table = LearningQuestionTableFactory(
        programme=programme, owners=[sint_truiden], status="shared"
    )
    trust = LearningQuestionFactory(
        table=st_table, order=1, text="Citizens' trust?", changed_date=FEB_2024
    )
    joint = LearningQuestionTableFactory(
        programme=programme, owners=[laarne, sint_truiden], status="shared"
    )
    witches.drop(reason="A sensitive matter", date=datetime.date(2024, 4, 1))
    sale, council = trust.split(
        texts=["Local sale of local products?", "Participation in the agricultural council?"],
        by=focal_point,
        date=datetime.date(2024, 4, 15),
    )
    participation = evaluations.reformulate(
        text="Citizen participation in councils?",
        by=focal_point,
        date=datetime.date(2024, 5, 1),
        trigger="bilateral_meeting",
        also_replaces=[associations, council],
        table=joint,
    )
    marketing = sale.reformulate(
        text="Local marketing of local products?",
        by=focal_point,
        date=datetime.date(2024, 5, 1),
        table=joint,
    )
    ouinhi_table = LearningQuestionTableFactory(
        programme=programme, owners=[ouinhi], status="shared"
    )
    taxes = LearningQuestionFactory(
        table=ouinhi_table, order=1, text="More taxes?", changed_date=FEB_2024
    )
    support = taxes.reformulate(
        text="Best support local economic actors?",
        by=focal_point,
        date=SEPT_2024,
        trigger="site_visit",
        trigger_note="The Laarne market",
    )
    # Written in February, every table first shared on 1 March; the changes came later.
    first = [evaluations, witches, associations, trust, taxes]
    LearningQuestion.history.filter(
        id__in=[question.pk for question in first], history_type="+"
    ).update(history_date=SHARED_ON - datetime.timedelta(days=14))
    for table in (laarne_table, st_table, joint, ouinhi_table):
        table.history.update(history_date=SHARED_ON)
    return {
        "evaluations": evaluations,
        "witches": witches,
        "associations": associations,
        "trust": trust,
        "sale": sale,
        "council": council,
        "participation": participation,
        "marketing": marketing,
        "taxes": taxes,
        "support": support,
    }
