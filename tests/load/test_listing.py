"""The working tree's listing of chosen years is exactly the full listing filtered by
``wanted``, whichever way a folder decides it (once for the folder, or file by file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo.load.sources import WorkingTree, wanted
from govinfo.rules.years import YearSpan, scoring_years, years_read

FILES = [
    "govinfo.yaml",
    "points.yaml",
    "rules/default.yaml",
    "submissions/notes.yaml",
    "submissions/2002x",
    "submissions/1999",
    "submissions/2001/a/01.yaml",
    "submissions/2001/a/12.yaml",
    "submissions/2002/a/05.yaml",
    "submissions/2002/a/12.yaml",
    "submissions/2002/stray.yaml",
    "submissions/2003/a/01.yaml",
    "submissions/2003/b/11.yaml",
    "submissions/2003/b/deeper/02.yaml",
    "submissions/2004/a/01.yaml",
    "submissions/2004/a/02.yaml",
    "submissions/2004/a/x1.yaml",
    "submissions/2004/01/03.yaml",
    "submissions/drafts/a/01.yaml",
    "submissionsold/2001/a/01.yaml",
]


@pytest.mark.parametrize(
    "years",
    [scoring_years(2003), scoring_years(2002), years_read(range(2003, 2005)), YearSpan(())],
    ids=["2003", "2002", "2003-2004", "none"],
)
def test_chosen_years_are_the_full_listing_filtered(tmp_path: Path, years: YearSpan) -> None:
    for name in FILES:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("[]\n", encoding="utf-8")
    everything = WorkingTree(tmp_path).files(None)
    assert len(everything) == len(FILES)
    chosen = WorkingTree(tmp_path).files(years)
    assert chosen == [(p, size) for p, size in everything if wanted(p, years)]
