"""``govinfo demo generate``: a demo folder produced by :mod:`govinfo.demo` (a named sample, or
synthetic data), written by the store."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govinfo.app.options import RunOptions, apply_language
from govinfo.demo import GenerateResult, sample_folder, synthetic_folder
from govinfo.store.newfolder import write_new_folder


@dataclass(frozen=True)
class DemoSpec:
    """What to generate: the named ``sample``, or synthetic data of this size and seed."""

    sample: str | None = None
    seed: int = 1
    points: int = 60
    submissions: int = 5000
    years: int = 1
    first_year: int = 2003


def generate(
    dest: Path,
    *,
    seed: int,
    points: int,
    submissions: int,
    years: int,
    first_year: int = 2003,
) -> GenerateResult:
    """Write a synthetic folder into ``dest`` (absent or empty): see
    :func:`govinfo.demo.synthetic_folder`."""
    folder = synthetic_folder(
        seed=seed, points=points, submissions=submissions, years=years, first_year=first_year
    )
    write_new_folder(dest, folder.files)
    return folder.result


def generate_sample(dest: Path, name: str = "jilin-2003") -> GenerateResult:
    """Write the named sample folder (``jilin-2003``: the committed ``data/``) into ``dest``."""
    folder = sample_folder(name)
    write_new_folder(dest, folder.files)
    return folder.result


def generate_demo(options: RunOptions, directory: Path, spec: DemoSpec) -> GenerateResult:
    """Write the demo folder ``spec`` names into ``directory`` (new or empty, in a folder
    that exists: checked before anything is generated)."""
    from govinfo.app.export import refuse_missing_folder

    apply_language(options, None)
    refuse_missing_folder(directory)
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
