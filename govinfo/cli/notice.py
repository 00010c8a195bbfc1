"""``report YEAR --out 通报.docx`` and ``--statements DIR``: assemble the notice's content from the
year's scoring, render it, write the files atomically (issue 15)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from govinfo.cli import common

if TYPE_CHECKING:
    from govinfo.cli.report import NoticeOptions


def write_notice_files(loaded: Any, result: Any, ye: Any, options: NoticeOptions) -> None:
    """Write the notice to ``options.out`` and/or a statement per point into
    ``options.statements``; everything is rendered before the first file is written, and each
    file is written atomically."""
    out, template, number = options.out, options.template, options.number
    date, statements, statement_format = options.date, options.statements, options.statement_format
    from govinfo.cli.report import write_files
    from govinfo.errors import UsageError
    from govinfo.i18n import t
    from govinfo.load.notice import read_notice
    from govinfo.render.notice import TemplateError, notice_docx
    from govinfo.render.statement import statement_files
    from govinfo.reports.notice import notice_content
    from govinfo.reports.notice import statements as point_statements

    settings = read_notice(loaded.source)
    if number is not None and settings.number is None:
        raise UsageError(t("nt_number_without_pattern"))
    content = notice_content(loaded.folder, result, ye, settings, number=number, date=date)
    files: dict[Path, bytes] = {}
    if out is not None:
        if template is not None and not template.is_file():
            raise UsageError(t("nt_template_bad", path=str(template), error="not a file"))
        try:
            files[out] = notice_docx(content, template)
        except TemplateError as exc:
            raise UsageError(t("nt_template_bad", path=str(template), error=exc)) from None
    if statements is not None:
        made = statement_files(point_statements(loaded.folder, result, content), statement_format)
        files.update({statements / name: data for name, data in made.items()})
    write_files(files, out if out is not None else statements or Path("."))
    err = common.err_console()
    if out is not None:
        err.print(t("nt_written", path=str(out)), markup=False)
    if statements is not None:
        n = len(files) - (out is not None)
        err.print(t("st_written", n=n, path=str(statements)), markup=False)
