"""The 通报 and the statements (issue 15): read what the office wrote once (``notice.yaml``),
assemble the notice's content from the year's scoring, render it, write the files atomically."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec

from govinfo.app.reports import write_export
from govinfo.app.session import Session
from govinfo.errors import UsageError
from govinfo.i18n import t
from govinfo.load.notice import read_notice
from govinfo.model import Folder
from govinfo.render.notice import TemplateError, notice_docx
from govinfo.render.statement import statement_files
from govinfo.reports.notice import notice_content, statements
from govinfo.reports.yearend import YearEnd
from govinfo.rules.annual import YearScore
from govinfo.rules.periods import Period


class NoticeOptions(msgspec.Struct, frozen=True):
    """What ``--out 通报.docx`` and ``--statements`` ask for."""

    out: Path | None
    template: Path | None
    number: int | None
    date: dt.date | None
    statements: Path | None
    statement_format: str

    @property
    def wanted(self) -> bool:
        return self.out is not None or self.statements is not None

    def check(self, period: Period) -> None:
        """Refuse (exit 2) options that do not go together, before anything is read."""
        if (self.template is not None or self.number is not None) and self.out is None:
            raise UsageError(t("nt_out_conflict"))
        if self.statement_format not in ("docx", "xlsx"):
            raise UsageError(t("st_format_bad"))
        if self.wanted and period.kind != "year":
            raise UsageError(t("nt_year_only", period=period.label, year=period.year))
        if self.template is not None and not self.template.is_file():
            raise UsageError(t("nt_template_bad", path=str(self.template), error="not a file"))


def write_notice(
    session: Session, folder: Folder, result: YearScore, ye: YearEnd, options: NoticeOptions
) -> int:
    """Write the notice to ``options.out`` and/or a statement per point into
    ``options.statements``; everything is rendered before the first file is written. Returns
    how many statements were written."""
    settings = read_notice(session.source)
    if options.number is not None and settings.number is None:
        raise UsageError(t("nt_number_without_pattern"))
    content = notice_content(folder, result, ye, settings, number=options.number, date=options.date)
    files: dict[Path, bytes] = {}
    if options.out is not None:
        try:
            files[options.out] = notice_docx(content, options.template)
        except TemplateError as exc:
            raise UsageError(t("nt_template_bad", path=str(options.template), error=exc)) from None
    n = 0
    if options.statements is not None:
        made = statement_files(statements(folder, result, content), options.statement_format)
        files.update({options.statements / name: data for name, data in made.items()})
        n = len(made)
    shown = options.out if options.out is not None else options.statements
    assert shown is not None
    write_export(shown, files)
    return n
