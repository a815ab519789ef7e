"""The 17 goals ship with the app: names in three languages and the real target numbers."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from learning import sdg


def test_there_are_17_goals_and_169_targets():
    assert [goal.number for goal in sdg.goals()] == list(range(1, 18))
    assert sum(len(goal.targets) for goal in sdg.goals()) == 169


@pytest.mark.parametrize(
    ("number", "targets"),
    [
        (1, ("1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "1.b")),
        (3, tuple(f"3.{n}" for n in range(1, 10)) + ("3.a", "3.b", "3.c", "3.d")),
        (8, tuple(f"8.{n}" for n in range(1, 11)) + ("8.a", "8.b")),
        (16, tuple(f"16.{n}" for n in range(1, 11)) + ("16.a", "16.b")),
        (17, tuple(f"17.{n}" for n in range(1, 20))),
    ],
)
def test_goals_have_their_official_targets(number, targets):
    assert sdg.get_goal(number).targets == targets


def test_the_target_counts_match_the_un_framework():
    counts = {goal.number: len(goal.targets) for goal in sdg.goals()}
    assert counts == {
        1: 7, 2: 8, 3: 13, 4: 10, 5: 9, 6: 8, 7: 5, 8: 12, 9: 8,
        10: 10, 11: 10, 12: 11, 13: 5, 14: 10, 15: 12, 16: 12, 17: 19,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("en", "Peace, justice and strong institutions"),
        ("fr", "Paix, justice et institutions efficaces"),
        ("nl", "Vrede, justitie en sterke publieke diensten"),
    ],
)
def test_a_goal_speaks_the_active_language(language, name):
    with translation.override(language):
        assert sdg.get_goal(16).name == name
        assert str(sdg.get_goal(16)) == f"16. {name}"


def test_every_goal_has_a_name_in_each_language_and_a_colour():
    for goal in sdg.goals():
        assert goal.name_en and goal.name_fr and goal.name_nl
        assert goal.colour.startswith("#") and len(goal.colour) == 7


def test_tags_are_read_from_what_people_type():
    assert sdg.parse_tags("SDG 5, 16.7; ODD 11 16.A sdg16") == ["5", "11", "16", "16.7", "16.a"]
    assert sdg.parse_tags("") == []
    assert sdg.parse_tags("16.10, 16.2") == ["16.2", "16.10"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("16.11", "unknown_target"),
        ("1.c", "unknown_target"),
        ("17.a", "unknown_target"),
        ("18", "unknown_goal"),
        ("0", "unknown_goal"),
        ("peace", "invalid_tag"),
    ],
)
def test_unknown_goals_and_targets_are_refused(text, code):
    with pytest.raises(ValidationError) as raised:
        sdg.parse_tags(text)
    assert [error.code for error in raised.value.error_list] == [code]


def test_the_message_lists_the_real_targets():
    with pytest.raises(ValidationError) as raised:
        sdg.parse_tag("16.11")
    assert "16.1–16.10, 16.a, 16.b" in raised.value.messages[0]


def test_every_wrong_tag_is_reported_at_once():
    with pytest.raises(ValidationError) as raised:
        sdg.parse_tags("16.11, 5, 99")
    assert len(raised.value.error_list) == 2


def test_badges_use_a_readable_text_colour():
    assert sdg.get_goal(7).text_colour == "#000"  # yellow
    assert sdg.get_goal(16).text_colour == "#fff"  # dark blue
