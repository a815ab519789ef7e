"""The site visit under test: Benin to Flanders in September 2024, Ouinhi's delegation to
Laarne (the partnership under test) and Lalo's to Schoten (someone else's)."""

import pytest

from tests.factories import (
    DelegationFactory,
    LearningQuestionFactory,
    LearningQuestionTableFactory,
    MembershipFactory,
    PartnershipFactory,
    ProgrammeFactory,
    SiteVisitFactory,
    SubQuestionFactory,
    UserFactory,
)


@pytest.fixture
def visit(programme):
    return SiteVisitFactory(programme=programme, description="Day 1 together with everyone.")


@pytest.fixture
def delegation(visit, partnership):
    """Ouinhi visits Laarne."""
    return DelegationFactory(visit=visit, partnership=partnership)


@pytest.fixture
def other_delegation(visit, other_partnership):
    """Lalo visits Schoten."""
    return DelegationFactory(visit=visit, partnership=other_partnership)


@pytest.fixture
def outsider(db):
    """Focal point of a municipality in another programme."""
    partnership = PartnershipFactory(programme=ProgrammeFactory(name="Programme B"))
    return MembershipFactory(
        user=UserFactory(username="focal@programme-b.example"),
        local_government=partnership.north,
    ).user


@pytest.fixture
def ouinhi_subquestions(programme, ouinhi):
    """Ouinhi's shared learning-questions table: one question with two sub-questions, the
    first a Must have."""
    table = LearningQuestionTableFactory(programme=programme, owners=[ouinhi], status="shared")
    question = LearningQuestionFactory(table=table, order=1, text="How does a market council work?")
    return [
        SubQuestionFactory(question=question, order=1, text="Who sits on it?", priority="must"),
        SubQuestionFactory(question=question, order=2, text="How often?", priority=""),
    ]
