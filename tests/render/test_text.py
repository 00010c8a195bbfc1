"""govinfo/text.py: the one display width, the one "did you mean" and the one escaping."""

from __future__ import annotations

import sys

import pytest

from govinfo.text import (
    _COUNTED,
    FIELD_CUTOFF,
    NAME_CUTOFF,
    closest,
    display_width,
    display_widths,
    escape,
)


def test_a_cjk_character_takes_two_columns_and_a_control_character_its_length() -> None:
    assert display_width("长春 12") == 7
    assert display_width("a\x07b") == 3


def test_the_width_counted_without_wcwidth_is_wcwidths_for_every_character_it_covers() -> None:
    """display_width counts plain ASCII and common CJK itself; that is only right while each
    character it covers is as wide as wcwidth says — checked one by one, and on mixed text."""
    from wcwidth import wcswidth

    covered = [c for c in map(chr, range(0x10000)) if _COUNTED(c)]
    assert len(covered) > 20_000
    assert [display_width(c) for c in covered] == [wcswidth(c) for c in covered]
    for text in ("长春市（延边）12", "【吉林】《通报》、", "", "a b~", "—", "“长春”…12—"):
        assert _COUNTED(text)
        assert display_width(text) == wcswidth(text)
    # what it does not cover goes to wcwidth: emoji, a combining mark, a middle dot, a NUL
    mixed = ["长春市（延边）12", "【吉林】《通报》、", "", "a b~", "—", "“长春”…12—", "长春·吉林"]
    for column in (mixed, mixed[:4], mixed[3:4], mixed[-1:], []):
        assert display_widths(column) == [wcswidth(text) for text in column]
    for text in ("长春\U0001f600", "e\u0301", "长春·吉林", "a\x00b"):
        assert not _COUNTED(text)
        assert display_width(text) == wcswidth(text)


def test_the_one_column_signs_are_measured_as_wcwidth_measures_them_without_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The signs govinfo's own words use (×1.5, 上升↑, §, 阿依·买买提, the rule) are measured
    without wcwidth, one column each — as wcwidth says, alone and among counted text."""
    from wcwidth import wcswidth

    from govinfo import text

    signs = [chr(c) for c in text._ONE_COLUMN]
    assert "\u00d7" in signs
    assert all(wcswidth(c) == display_width(c) == 1 for c in signs)
    for sample in ("采用 ×1.5", "上升↑ 下降↓", "§3", "阿依·买买提", "1–3 月", "──", "〔2004〕5号"):
        assert display_width(sample) == wcswidth(sample), sample
    assert display_widths(["×2", "长春", "a·b"]) == [2, 4, 3]
    monkeypatch.setattr(text, "_wcswidth", None)  # measured since: none loads wcwidth
    for sample in ("采用 ×1.5", "阿依·买买提"):
        display_width(sample)
    assert text._wcswidth is None


def test_closest_offers_a_near_miss_only_above_the_cutoff() -> None:
    assert closest("adoptoins", ["adoptions", "instructions"], cutoff=FIELD_CUTOFF) == "adoptions"
    assert closest("zzz", ["adoptions", "instructions"], cutoff=FIELD_CUTOFF) is None
    # a loose cutoff finds what a strict one does not
    assert closest("长春市", ["长春市政府办公厅"], cutoff=NAME_CUTOFF) == "长春市政府办公厅"
    assert closest("长春市", ["长春市政府办公厅"], cutoff=FIELD_CUTOFF) is None


def test_escape_leaves_printable_text_alone_because_nothing_printable_is_escaped() -> None:
    """escape() returns printable text untouched without a search: that is only right while
    every character it escapes is one Python calls unprintable — checked over all of Unicode."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    escaped = {c for c in every if escape(c, multiline=False) != c}
    assert escaped
    assert not any(c.isprintable() for c in escaped)
    assert escape("标题\x1b[2J\u202e") == "标题\\x1b[2J\\u202e"


def test_escape_shows_surrogate_escapes_that_spell_utf8_as_what_they_spell() -> None:
    """A name Python read in a C locale without UTF-8 mode (``阿`` as three surrogate escapes)
    is shown as 阿; bytes that are not UTF-8 (a name in GBK) and a surrogate that stands for no
    byte stay escaped."""
    assert escape("2003/\udce9\udc98\udcbf.xls") == "2003/阿.xls"
    assert escape("2003/\udcb3\udca4.yaml") == "2003/\\udcb3\\udca4.yaml"
    assert escape("\udce9\udc98\udcbf\udcb3\x1b") == "阿\\udcb3\\x1b"
    assert escape("\ud800") == "\\ud800"
