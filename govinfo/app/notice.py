"""The 通报 and the statements (issue 15): read what the office wrote once (``notice.yaml``),
assemble the notice's content from the year's scoring (or a half's, quarter's or month's period
report), render it, write the files atomically.

The renderers, and python-docx with them, are imported only when a notice or statements are
written: ``report`` imports this module for :class:`NoticeOptions` on every run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import msgspec

from govinfo.app.export import refuse_missing_folder, write_export
from govinfo.app.options import Progress
from govinfo.app.session import Session
from govinfo.errors import UsageError
from govinfo.i18n import os_error_text, t
from govinfo.load.notice import read_notice
from govinfo.model import Folder, NoticeSettings
from govinfo.reports.notice import notice_content, statements
from govinfo.reports.period import period_report
from govinfo.reports.periodnotice import period_notice_content, period_statements
from govinfo.reports.yearend import YearEnd
from govinfo.rules.annual import YearScore, score_year
from govinfo.rules.periods import Period

S = TypeVar("S")  # the statements of a notice (the year's, or a period's)


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

    def check(self, period: Period, as_of: dt.date) -> None:
        """Refuse (exit 2) options that do not go together, before anything is read: those of
        the notice without ``--out`` (naming the ones given), and a 成文日期 before the period's
        TO (its last counted day as of ``as_of``) — a notice is issued once its figures end."""
        given = [
            name
            for name, value in (
                ("--template", self.template),
                ("--number", self.number),
                ("--date", self.date),
            )
            if value is not None
        ]
        if given and self.out is None:
            raise UsageError(t("nt_out_conflict", options=t("nt_and").join(given)))
        to = period.to(as_of)
        # a period not begun on TO is refused as such when read (exit 1), whatever the date
        if self.date is not None and to >= period.first and self.date < to:
            raise UsageError(t("nt_date_before_to", date=self.date.isoformat(), to=to.isoformat()))
        if self.statement_format not in ("docx", "xlsx"):
            raise UsageError(t("st_format_bad"))
        if self.template is not None:
            _refuse_bad_template(self.template)
        if self.statements is not None:  # made if absent, in a folder that exists
            refuse_missing_folder(self.statements)

    def dated(self, period: Period, as_of: dt.date, today: dt.date) -> NoticeOptions:
        """These options with the 成文日期 the notice bears: ``--date``, else the day it is
        written — a notice on 2003 made on 2004-01-10 is dated then and numbered 〔2004〕, not
        backdated to 31 December — or its figures' last day (TO) when that is later."""
        if self.date is not None or self.out is None:
            return self
        return msgspec.structs.replace(self, date=max(today, period.to(as_of)))


def _refuse_bad_template(template: Path) -> None:
    """Refuse (exit 2) a ``--template`` that is not a file or no Word document, saying why in
    the clerk's words, before anything is read or computed."""
    try:
        usable = template.is_file()
    except OSError as err:  # a name too long, …
        raise UsageError(
            t("nt_template_bad", path=str(template), error=os_error_text(err))
        ) from None
    if not usable:
        why = t("nt_template_folder" if template.is_dir() else "nt_template_missing")
        raise UsageError(t("nt_template_bad", path=str(template), error=why))
    from govinfo.render.template import TemplateError, open_template

    try:  # opened now as well, so that a template that is no Word document is refused at once
        open_template(template)
    except TemplateError as exc:
        raise UsageError(t("nt_template_bad", path=str(template), error=exc)) from None


def write_notice(
    session: Session, folder: Folder, result: YearScore, ye: YearEnd, options: NoticeOptions
) -> int:
    """Write the notice to ``options.out`` and/or a statement per point into
    ``options.statements``; everything is rendered before the first file is written. Returns
    how many statements were written."""
    from govinfo.render.notice import notice_docx
    from govinfo.render.statement import statement_files

    settings = _settings(session, options)
    content = notice_content(folder, result, ye, settings, number=options.number, date=options.date)
    files: dict[Path, bytes] = {}
    if options.out is not None:
        files[options.out] = _docx(lambda: notice_docx(content, options.template), options)
    return _write(
        session, files, options, statement_files, lambda: statements(folder, result, content)
    )


def _settings(session: Session, options: NoticeOptions) -> NoticeSettings:
    """notice.yaml's texts; --number needs its number pattern."""
    settings = read_notice(session.source)
    if options.number is not None and settings.number is None:
        raise UsageError(t("nt_number_without_pattern"))
    return settings


def _docx(render: Callable[[], bytes], options: NoticeOptions) -> bytes:
    """The notice's bytes; a template python-docx cannot open is refused (exit 2)."""
    from govinfo.render.template import TemplateError

    try:
        return render()
    except TemplateError as exc:
        raise UsageError(t("nt_template_bad", path=str(options.template), error=exc)) from None


def _write(
    session: Session,
    files: dict[Path, bytes],
    options: NoticeOptions,
    render: Callable[[S, str, Progress], dict[str, bytes]],
    make_statements: Callable[[], S],
) -> int:
    """``files`` (the notice, when asked for) and, into ``options.statements`` when asked
    for, the statements (``make_statements()``) as ``render`` makes them files, all rendered
    before the first file is written, written at once; how many statements."""
    n = 0
    if options.statements is not None:
        with session.feedback.progress() as progress:
            made = render(make_statements(), options.statement_format, progress)
        files.update({options.statements / name: data for name, data in made.items()})
        n = len(made)
    shown = options.out if options.out is not None else options.statements
    assert shown is not None
    folders = () if options.statements is None else (options.statements,)
    write_export(shown, files, folders)
    return n


def write_period_notice(
    session: Session, folder: Folder, period: Period, as_of: dt.date, options: NoticeOptions
) -> int:
    """The notice and/or the statements of a half, quarter or month, from one
    :func:`~govinfo.reports.period.period_report` (the figures ``report PERIOD`` shows) and the
    scoring at its TO; everything is rendered before the first file is written. Returns how
    many statements were written."""
    from govinfo.render.periodnotice import period_notice_docx
    from govinfo.render.periodstatement import period_statement_files

    settings = _settings(session, options)
    at_to = score_year(folder, period.year, period.to(as_of))
    report = period_report(folder, period, as_of, at_to=at_to)
    files: dict[Path, bytes] = {}
    if options.out is not None:
        content = period_notice_content(
            folder, report, at_to, settings, number=options.number, date=options.date
        )
        files[options.out] = _docx(lambda: period_notice_docx(content, options.template), options)
    return _write(
        session,
        files,
        options,
        period_statement_files,
        lambda: period_statements(folder, report, at_to),
    )
