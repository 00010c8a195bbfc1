"""``govinfo demo generate``: a demo folder produced by :mod:`govinfo.demo`, written by the store."""

from __future__ import annotations

from pathlib import Path

from govinfo.demo import GenerateResult, sample_folder, synthetic_folder
from govinfo.store.newfolder import write_new_folder


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
