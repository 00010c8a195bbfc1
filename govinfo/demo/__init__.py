"""Deterministic demo folders: ``govinfo demo generate DIR``.

:func:`synthetic_folder` gives a synthetic folder of any size for a seed; :func:`sample_folder`
the committed 吉林省 2003 sample (``data/``) byte for byte. Both give a :class:`DemoFolder`: its
files, produced one at a time as they are written (one point-month of records in memory at a
time), and the counts of what was produced. Nothing here writes: the writing goes through the
store (:func:`govinfo.app.demo.generate`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from govinfo.demo.engine import GenerateResult, folder_files
from govinfo.demo.plan import Scenario
from govinfo.errors import UsageError
from govinfo.i18n import t

SAMPLES = ("jilin-2003",)

__all__ = ["SAMPLES", "DemoFolder", "GenerateResult", "sample_folder", "synthetic_folder"]


@dataclass
class DemoFolder:
    """A demo folder to write: ``files`` yields (path relative to the folder, text) pairs, and
    ``result`` counts them once they have all been taken."""

    files: Iterator[tuple[str, str]]
    result: GenerateResult
    office: str = ""  # its govinfo.yaml's office and language (the first commit's)
    language: str = "zh"


def _folder(scenario: Scenario) -> DemoFolder:
    result = GenerateResult()
    settings = scenario.settings
    return DemoFolder(
        folder_files(scenario, result),
        result,
        office=str(settings.get("office", "")),
        language=str(settings.get("language", "zh")),
    )


def synthetic_folder(
    *, seed: int, points: int, submissions: int, years: int, first_year: int = 2003
) -> DemoFolder:
    """A synthetic folder: ``points`` reporting points, ``submissions`` submissions in each of
    ``years`` years from ``first_year``. The same arguments give the same bytes; another seed
    gives another folder. Refuses (``UsageError``) counts and years out of range."""
    from govinfo.demo import synthetic

    if points < 1:
        raise UsageError(t("demo_bad_count", option="--points", value=points, min=1))
    if points > synthetic.MAX_POINTS:
        raise UsageError(
            t("demo_too_many", option="--points", value=points, max=synthetic.MAX_POINTS)
        )
    if submissions < 0:
        raise UsageError(t("demo_bad_count", option="--submissions", value=submissions, min=0))
    if years < 1:
        raise UsageError(t("demo_bad_count", option="--years", value=years, min=1))
    if not 1990 <= first_year <= 2100 - years:
        raise UsageError(t("demo_bad_year", value=first_year, first=1990, last=2100 - years))
    return _folder(
        synthetic.scenario(
            seed=seed, points=points, submissions=submissions, years=years, first_year=first_year
        )
    )


def sample_folder(name: str = "jilin-2003") -> DemoFolder:
    """The named sample folder (``jilin-2003``: the committed ``data/``)."""
    from govinfo.demo import jilin

    if name not in SAMPLES:
        raise UsageError(t("demo_unknown_sample", name=name, known=", ".join(SAMPLES)))
    return _folder(jilin.scenario())
