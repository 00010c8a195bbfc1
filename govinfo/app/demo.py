"""``govinfo demo generate``: a demo folder produced by :mod:`govinfo.demo` (a named sample, or
synthetic data), written by the store — committed like a new folder of ``init``
(:func:`generate_demo`); :func:`generate` and :func:`generate_sample` only write the files (for
tests and benchmarks that make their own repository)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govinfo.app.options import RunOptions, apply_language
from govinfo.demo import GenerateResult, sample_folder, synthetic_folder
from govinfo.i18n import t
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


def generate_demo(
    options: RunOptions, directory: Path, spec: DemoSpec
) -> tuple[GenerateResult, str | None]:
    """Write the demo folder ``spec`` names into ``directory`` and commit it, as ``init``
    does: new or empty, in a folder that exists and not inside a data folder, git found —
    checked before anything is generated; its own repository with one commit of everything,
    or, inside a repository, one commit of the folder there. Returns what was written, and
    the folder's office when the commit had to be made as it (git has no user identity)."""
    from govinfo.app.init import refuse_new_folder_place
    from govinfo.app.registry import in_language
    from govinfo.store.initdir import create_folder

    apply_language(options, None)
    refuse_new_folder_place(directory)
    if spec.sample is not None:
        folder = sample_folder(spec.sample)
    else:
        folder = synthetic_folder(
            seed=spec.seed,
            points=spec.points,
            submissions=spec.submissions,
            years=spec.years,
            first_year=spec.first_year,
        )
    with in_language(folder.language):
        message = t("demo_commit")
    as_office = create_folder(directory, folder.files, office=folder.office, message=message)
    return folder.result, folder.office if as_office else None
