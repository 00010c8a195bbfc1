"""The excerpt under a problem: the source line and a caret, aligned for wide characters."""

from __future__ import annotations

from govinfo.render.problems import excerpt


def test_a_long_source_line_is_shown_around_the_caret() -> None:
    text = "x" * 1000 + "BAD" + "y" * 100000
    shown, caret = excerpt(text, 1001, 7)
    assert "BAD" in shown
    assert len(shown) < 200
    assert shown.startswith("    7 | …")
    assert shown.endswith("…")
    assert caret.index("^") == shown.index("BAD")
    short = excerpt("date: 2003-13-01", 7, 3)
    assert short == ["    3 | date: 2003-13-01", "      |       ^"]


def test_the_caret_sits_under_wide_characters_by_display_width() -> None:
    # the caret under x: 7 narrow characters and 3 wide ones (two cells each) before it
    assert excerpt("title: 长春：x", 11, 2)[1] == "      | " + " " * 13 + "^"
