"""Deterministic demo folders: ``govinfo demo generate DIR``.

:func:`generate` writes a synthetic folder of any size for a seed; :func:`generate_sample` writes
the committed 吉林省 2003 sample (``data/``) byte for byte. Both refuse a destination that exists
and is not empty, and both stream: one point-month of records in memory at a time.
"""

from __future__ import annotations

from pathlib import Path

from govinfo.demo.engine import GenerateResult, write_folder
from govinfo.errors import UsageError
from govinfo.i18n import t

SAMPLES = ("jilin-2003",)

__all__ = ["SAMPLES", "GenerateResult", "generate", "generate_sample"]


def generate(
    dest: Path,
    *,
    seed: int,
    points: int,
    submissions: int,
    years: int,
    first_year: int = 2003,
) -> GenerateResult:
    """Write a synthetic folder into ``dest``: ``points`` reporting points, ``submissions``
    submissions in each of ``years`` years from ``first_year``. The same arguments give the same
    bytes; another seed gives another folder."""
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
        raise UsageError(t("demo_bad_year", value=first_year))
    scenario = synthetic.scenario(
        seed=seed, points=points, submissions=submissions, years=years, first_year=first_year
    )
    return write_folder(dest, scenario)


def generate_sample(dest: Path, name: str = "jilin-2003") -> GenerateResult:
    """Write the named sample folder (``jilin-2003``: the committed ``data/``) into ``dest``."""
    from govinfo.demo import jilin

    if name not in SAMPLES:
        raise UsageError(t("demo_unknown_sample", name=name, known=", ".join(SAMPLES)))
    return write_folder(dest, jilin.scenario())
