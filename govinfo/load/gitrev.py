"""The folder as it was at a git revision (``--at REV``): read-only git, through
:mod:`govinfo.gitcmd`."""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from govinfo import gitcmd
from govinfo.errors import DataError
from govinfo.i18n import t
from govinfo.load.sources import wanted


def resolve_rev(cwd: Path, rev: str) -> str | None:
    """The commit id that ``rev`` names, or None when it names none."""
    proc = gitcmd.run(["rev-parse", "--verify", "-q", f"{rev}^{{commit}}"], cwd, check=False)
    if proc.returncode != 0:
        return None
    return os.fsdecode(proc.stdout).strip()


def list_files_at(cwd: Path, commit: str, prefix: str) -> list[tuple[str, int, str]]:
    """(path relative to the repository top, size in bytes, mode) of every blob under
    ``prefix`` at ``commit``; mode ``120000`` is a symbolic link."""
    args = ["ls-tree", "-r", "-l", "-z", "--full-tree", commit]
    if prefix:
        args += ["--", prefix]
    out = os.fsdecode(gitcmd.run(args, cwd).stdout)
    files: list[tuple[str, int, str]] = []
    for entry in out.split("\0"):
        if not entry:
            continue
        meta, path = entry.split("\t", 1)
        parts = meta.split()
        if parts[1] != "blob":
            continue
        files.append((path, int(parts[3]), parts[0]))
    return files


class GitRevision:
    """The folder as it was at a git revision (``--at REV``), read without touching the working
    tree; the folder may be a subfolder of its repository."""

    def __init__(self, root: Path, rev: str) -> None:
        top = gitcmd.repo_root(root)
        if top is None:
            raise DataError(t("at_not_repo", path=str(root)))
        commit = resolve_rev(top, rev)
        if commit is None:
            raise DataError(t("at_unknown_rev", rev=rev))
        rel = root.resolve().relative_to(top.resolve()).as_posix()
        self.prefix = "" if rel == "." else rel + "/"
        self.root = root
        self.rev = rev
        self.commit = commit
        self.top = top
        self.links: list[str] = []
        self._reader = gitcmd.BlobReader(top, commit)

    def describe(self) -> str:
        return f"{self.root}@{self.rev}"

    def files(self, years: Collection[int] | None) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        self.links = []
        for path, size, mode in list_files_at(self.top, self.commit, self.prefix):
            rel = path[len(self.prefix) :]
            if any(part.startswith(".") for part in rel.split("/")):
                continue
            if mode == "120000":
                self.links.append(rel)
            elif wanted(rel, years):
                out.append((rel, size))
        out.sort()
        return out

    def read(self, path: str) -> bytes:
        return self._reader.read(self.prefix + path)

    def close(self) -> None:
        self._reader.close()
