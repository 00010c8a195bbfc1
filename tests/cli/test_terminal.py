"""govinfo/cli/terminal.py: what a terminal is written where it cannot hold a character, and
an argument Python could not decode (each checked in real processes in
tests/robustness/test_terminal_encodings.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from govinfo.cli import terminal
from govinfo.cli.terminal import look_alike, typed


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("“长春”", '"????"'),  # a wide character: two columns, two ?
        ("‘a’ — b…", "'a' - b..."),
        ("─┼│═", "-+|="),
        ("█▒▇", "#=#"),
        ("\u3000x\u00a0", "  x "),
        ("é\udce9", "??"),
    ],
)
def test_what_ascii_cannot_hold_is_written_in_the_columns_it_takes(text: str, shown: str) -> None:
    before = sum(terminal._replaced)
    assert text.encode("ascii", errors="govinfo-replace") == shown.encode("ascii")
    lost = sum(1 for ch in text if not ch.isascii() and look_alike(ch) is None)
    assert sum(terminal._replaced) - before == lost  # only what became ? is counted


def test_gbk_keeps_what_it_holds_and_draws_the_rest_in_ascii() -> None:
    assert "长春█▒".encode("gbk", errors="govinfo-replace").decode("gbk") == "长春█="


def test_an_argument_of_utf8_bytes_is_read_as_typed() -> None:
    assert typed("\udce9\udc98\udcbf") == "阿"
    assert typed("\udce9\udcff") == "\udce9\udcff"  # not UTF-8: as it came
    assert typed("长春") == "长春"
    assert typed("changchun") == "changchun"


@pytest.fixture(autouse=True)
def _handler() -> Iterator[None]:
    """The handler registered as a run registers it; the run's count left as it was."""
    import codecs

    codecs.register_error("govinfo-replace", terminal._replace)
    kept = list(terminal._replaced)
    yield
    terminal._replaced[:] = kept
