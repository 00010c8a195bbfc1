"""English messages read right for a count of 1 and of many: a noun written ``noun(s)`` comes
right after its count (i18n.t makes it singular or plural), and a verb that agrees with a count
has the message's ``_one`` key for 1 (through i18n.tn) or is worded so that it does not."""

from __future__ import annotations

import string
from collections.abc import Iterator

import pytest

from govinfo.i18n import MESSAGES, set_lang, t, tn


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    set_lang("en")
    yield
    set_lang("zh")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(k for k, v in MESSAGES.items() if "(s)" in v[1]))
@pytest.mark.parametrize("count", [1, 2])
def test_every_noun_s_follows_its_count(key: str, count: int) -> None:
    """Every field given the count: no "(s)" is left (one left was not after a count)."""
    shown = t(key, **dict.fromkeys(_fields(MESSAGES[key][1]), count))
    assert "(s)" not in shown, shown


@pytest.mark.parametrize(
    ("key", "kw", "one", "many"),
    [
        ("cy_done", {"commit": "abc"}, "recorded 1 event in the", "recorded 2 events in the"),
        (
            "write_dirty",
            {"paths": "a.yaml", "how": "git commit"},
            "refused: 1 file to be changed has uncommitted",
            "refused: 2 files to be changed have uncommitted",
        ),
        (
            "output_replaced",
            {"encoding": "gbk"},
            "1 character could not be written in gbk and was shown as ?",
            "2 characters could not be written in gbk and were shown as ?",
        ),
        (
            "unknown_id_more",
            {"file": "points.yaml"},
            " (1 more reference to it is not listed:",
            " (2 more references to it are not listed:",
        ),
        (
            "unknown_id_typo",
            {"file": "points.yaml", "close": "siping"},
            " (1 more reference to it follows:",
            " (2 more references to it follow:",
        ),
        (
            "import_unclosed_quote",
            {"row": 2, "column": "E", "at": ""},
            "so the line after it was read into that one cell",
            "so the 2 lines after it were read into that one cell",
        ),
    ],
)
def test_a_verb_agrees_with_its_count(key: str, kw: dict[str, object], one: str, many: str) -> None:
    assert one in tn(key, 1, swallowed=1, count=1, **kw)
    assert many in tn(key, 2, swallowed=2, count=2, **kw)


def test_the_missing_points_are_listed_without_a_count() -> None:
    shown = t("import_points_uncommitted", points="alpha")
    assert "HEAD's points.yaml lacks what this batch needs: alpha;" in shown
    set_lang("zh")
    one, two = (tn("write_dirty", n, paths="a.yaml", how="git commit") for n in (1, 2))
    assert one == two.replace("2 个", "1 个")


@pytest.mark.parametrize("key", ["nt_overview", "pn_overview", "pn_overview_first"])
def test_the_notice_overview_reads_right_when_every_count_is_one(key: str) -> None:
    shown = t(key, **dict.fromkeys(_fields(MESSAGES[key][1]), 1))
    assert "1 point of the province's network submitted 1 item" in shown
    assert "adopted: 1 item" in shown
    assert "1 issue" in shown
    assert not any(verb in shown for verb in (" were ", " was ", " are ", " is "))


def test_a_count_of_days_or_minutes_has_its_unit() -> None:
    assert t("od_footer_soon_none", days=1) == "nothing else falls due within 1 day"
    assert t("od_footer_soon_none", days=7) == "nothing else falls due within 7 days"
    assert t("od_emergency_late", minutes=211, occurred="2003-01-20 04:40", limit=180).endswith(
        "211 minutes after it occurred at 2003-01-20 04:40 (limit 180 minutes)"
    )
    assert t("od_inactive_since_submission", date="2003-07-03", days="47 days", limit=30) == (
        "last submission on 2003-07-03: nothing for 47 days (limit 30 days)"
    )
