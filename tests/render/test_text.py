"""govinfo/text.py: the one display width and the one "did you mean"."""

from __future__ import annotations

from govinfo.text import FIELD_CUTOFF, NAME_CUTOFF, closest, display_width


def test_a_cjk_character_takes_two_columns_and_a_control_character_its_length() -> None:
    assert display_width("长春 12") == 7
    assert display_width("a\x07b") == 3


def test_closest_offers_a_near_miss_only_above_the_cutoff() -> None:
    assert closest("adoptoins", ["adoptions", "instructions"], cutoff=FIELD_CUTOFF) == "adoptions"
    assert closest("zzz", ["adoptions", "instructions"], cutoff=FIELD_CUTOFF) is None
    # a loose cutoff finds what a strict one does not
    assert closest("长春市", ["长春市政府办公厅"], cutoff=NAME_CUTOFF) == "长春市政府办公厅"
    assert closest("长春市", ["长春市政府办公厅"], cutoff=FIELD_CUTOFF) is None
