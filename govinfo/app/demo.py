"""Writing a demo data folder (``govinfo demo generate``): a named sample, or synthetic data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govinfo.app.options import RunOptions, apply_language
from govinfo.demo import GenerateResult, generate, generate_sample


@dataclass(frozen=True)
class DemoSpec:
    """What to generate: the named ``sample``, or synthetic data of this size and seed."""

    sample: str | None = None
    seed: int = 1
    points: int = 60
    submissions: int = 5000
    years: int = 1
    first_year: int = 2003


def generate_demo(options: RunOptions, directory: Path, spec: DemoSpec) -> GenerateResult:
    """Write the demo folder into ``directory`` (new or empty)."""
    apply_language(options, None)
    if spec.sample is not None:
        return generate_sample(directory, spec.sample)
    return generate(
        directory,
        seed=spec.seed,
        points=spec.points,
        submissions=spec.submissions,
        years=spec.years,
        first_year=spec.first_year,
    )
