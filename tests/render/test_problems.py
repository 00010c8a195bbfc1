"""The excerpt under a problem: the source line and a caret, aligned for wide characters."""

from __future__ import annotations

from govinfo.render.problems import EXCERPT_CHARS, excerpt


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


def test_control_characters_are_shown_escaped_with_the_caret_under_its_character() -> None:
    # a bell and an escape before the mistake: shown as \x07 and \x1b, the caret under "B"
    shown, caret = excerpt("a\x07b\x1bcBAD", 6, 4)
    assert shown == "    4 | a\\x07b\\x1bcBAD"
    assert caret.index("^") == shown.index("BAD")


def test_a_line_of_control_characters_is_cut_to_the_excerpt_as_shown() -> None:
    """A binary line: every character shows as four (\\x00), and the excerpt is cut to
    EXCERPT_CHARS shown characters around the caret, not to that many source characters."""
    text = "\x00" * 500 + "BAD" + "\x01" * 500
    shown, caret = excerpt(text, 501, 9)
    assert shown.startswith("    9 | …\\x00")
    assert shown.endswith("\\x01…")
    assert len(shown) <= len("    9 | ") + EXCERPT_CHARS + 2
    assert caret.index("^") == shown.index("BAD")
    assert shown.isprintable()
