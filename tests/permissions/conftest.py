import pytest

from tests.permissions.matrix import PERSONAS, World


@pytest.fixture
def world(request, programme, laarne, ouinhi, partnership, other_partnership):
    """Every persona of tests/conftest.py in one object, for the rows of the matrix."""
    personas = {role: request.getfixturevalue(role) for role in PERSONAS}
    return World(
        programme=programme,
        laarne=laarne,
        ouinhi=ouinhi,
        partnership=partnership,
        other_partnership=other_partnership,
        **personas,
    )
