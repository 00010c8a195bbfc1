"""The pure core returns data; the words people read are built from it in either language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from govinfo.errors import DataError, NoRuleSetError, UnknownPublicationError
from govinfo.i18n import error_text, set_lang
from govinfo.model import HistoryKind, Tier
from govinfo.render.points import registry_problem_text
from govinfo.reports.registry import history_problem
from govinfo.rules.annual import score_year
from tests.support.scoring_build import ad, folder, point, rules, sub


@pytest.fixture(autouse=True)
def _zh() -> Iterator[None]:
    yield
    set_lang("zh")


def test_a_day_without_rules_is_an_error_carrying_the_day_phrased_in_either_language() -> None:
    f = folder(
        [point("a")],
        [sub("X-1", "a", "2003-01-05", adoptions=(ad("zwxx", "2003-01-06"),))],
        rule_sets=(rules("late", "2003-02-01"),),
    )
    with pytest.raises(NoRuleSetError) as caught:
        score_year(f, 2003, dt.date(2003, 12, 31))
    assert (caught.value.day, caught.value.what) == (dt.date(2003, 1, 5), "X-1")
    assert isinstance(caught.value, DataError)
    assert caught.value.exit_code == 1
    set_lang("zh")
    assert error_text(caught.value) == "2003-01-05 没有生效的计分规则，无法计分（X-1）"
    set_lang("en")
    assert error_text(caught.value) == "no rule set is in force on 2003-01-05; cannot score (X-1)"


def test_an_unknown_publication_is_phrased_from_its_data() -> None:
    err = UnknownPublicationError("zz", "X-9")
    set_lang("zh")
    assert error_text(err) == "X-9：刊物 zz 不在其计分规则中"
    set_lang("en")
    assert error_text(err) == "X-9: publication zz is not in its rule set"
    assert error_text(DataError("as written")) == "as written"


def test_a_refused_history_event_names_the_tier_in_the_current_language() -> None:
    problem = history_problem(
        point("a"), HistoryKind.REINSTATED, Tier.PROVINCIAL, dt.date(2003, 5, 1)
    )
    assert problem is not None
    assert problem.code == "already_holding_since"
    assert problem.facts["tier"] is Tier.PROVINCIAL
    set_lang("zh")
    assert registry_problem_text(problem) == (
        "a（a）自 2000-01-01 入列起一直是省直报点，在 2003-05-01 已是省直报点，无需恢复"
    )
    set_lang("en")
    assert registry_problem_text(problem) == (
        "a (a) has held the provincial tier since 2000-01-01 (admitted) and holds it on "
        "2003-05-01: there is nothing to reinstate"
    )


def test_a_word_in_chinese_text_is_spaced_only_beside_latin() -> None:
    """``{name:w}`` in a Chinese message: a space where a Latin word meets Chinese, none
    between Chinese words; English messages are formatted as written."""
    from govinfo.i18n import set_lang, t

    set_lang("zh")
    try:
        assert t("usage_missing", name="--kind") == "缺少 --kind"
        assert t("usage_missing", name="直报点") == "缺少直报点"
        assert t("import_missing_value", column="报送单位") == "报送单位为空"
        assert t("import_missing_value", column="point") == "point 为空"
        assert t("usage_bad_value_because", name="年份", why="{x}") == "年份的值无效：{x}"
        set_lang("en")
        assert t("usage_missing", name="--kind") == "missing --kind"
    finally:
        set_lang("zh")


def test_no_message_leaves_a_blank_at_a_line_s_end() -> None:
    """A blank before a line break (``is wrong: ⏎``) is invisible on screen and shows in
    logs and diffs; separators (``, ``) stand between words, never at a line's end."""
    import re

    from govinfo.i18n import MESSAGES

    for key, texts in MESSAGES.items():
        for text in texts:
            assert not re.search(r"[ \t\u3000]\n", text), key
