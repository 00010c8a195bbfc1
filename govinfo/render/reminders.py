"""What ``overdue`` gives a clerk who rings round: a sheet with every row complete (point, full
name, information officer, phone, what is overdue, since when) for ``--out``, and one reminder
message per point ready to paste into the office's SMS or chat system (``--notice``).

In the sheet the due day is a date and the days overdue a whole number (SPEC's
``days_overdue``), so that a workbook sorts and filters them; a late emergency report has no
days overdue there (nothing is owed for it: its detail says how many minutes late it came, as
the terminal's 逾期 column does). The terminal's count per kind is the line under the sheet."""

from __future__ import annotations

from collections.abc import Collection

from govinfo.i18n import t, tn
from govinfo.render.columns import Column, ColumnKind
from govinfo.render.overdue import counts_line, point_label
from govinfo.render.table import Table
from govinfo.render.words import finding_detail
from govinfo.reports.overdue import Finding, FindingKind, OverdueReport


def _officer(
    report: OverdueReport, point_id: str, left: Collection[str] = ()
) -> tuple[str, str, str, str]:
    """(short label, full name, officer, phone) of a point; empty where the registry has none;
    the label marked (已退出) when the point is among ``left``."""
    point = report.points.get(point_id)
    if point is None:
        return point_id, point_id, "", ""
    contact = point.contact
    return (
        point_label(report, point_id, left),
        point.name,
        (contact.name or "") if contact is not None else "",
        (contact.phone or "") if contact is not None else "",
    )


def overdue_sheet(report: OverdueReport) -> Table:
    """The findings as a sheet for people: one complete row per finding, in SPEC order."""
    columns = [
        Column("point", t("od_col_point")),
        Column("name", t("rm_col_name")),
        Column("officer", t("od_col_contact")),
        Column("phone", t("rm_col_phone")),
        Column("kind", t("od_col_kind")),
        Column("ref", t("od_col_ref")),
        Column("due", t("od_col_due"), ColumnKind.DATE),
        Column("days", t("rm_col_days"), ColumnKind.COUNT),
        Column("detail", t("od_col_detail")),
    ]
    left = report.left_by_id()
    rows = [
        (
            *_officer(report, f.point, left),
            t(f"od_kind_{f.kind.value}"),
            f.period or f.ref or "",
            f.due,
            None if f.kind is FindingKind.EMERGENCY_LATE else f.days_overdue,
            finding_detail(f),
        )
        for f in report.findings
    ]
    return Table(
        columns=columns,
        rows=rows,
        footer=[counts_line(report)],
        title=t("od_title", as_of=report.as_of.isoformat(), since=report.since.isoformat()),
        key="overdue",
        name=t("rm_sheet_name"),
    )


def _item(f: Finding) -> str:
    """One overdue item of a reminder: what and how late (in the finding's own words), and by
    when (not for a late emergency report: there is nothing left to send for it)."""
    if f.kind is FindingKind.EMERGENCY_LATE:
        return finding_detail(f)
    return t("rm_item", detail=finding_detail(f), due=f.due.isoformat())


def reminders(report: OverdueReport, office: str) -> list[str]:
    """One message per point with findings (points in id order): whom it is for, each overdue
    item with its due day and how late it is, and who sends it. A point that has left the
    network gets none (:func:`unreminded_note` says which)."""
    left = report.left_by_id()
    by_point: dict[str, list[Finding]] = {}
    for f in report.findings:
        if f.point not in left:
            by_point.setdefault(f.point, []).append(f)
    messages = []
    for point_id in sorted(by_point):
        label, _, officer, _ = _officer(report, point_id)
        items = t("rm_item_sep").join(_item(f) for f in by_point[point_id])
        to = t("rm_to_officer", point=label, officer=officer) if officer else label
        messages.append(
            tn(
                "rm_message",
                len(by_point[point_id]),
                to=to,
                as_of=report.as_of.isoformat(),
                items=items,
                office=office,
                ask=_ask(by_point[point_id]),
            )
        )
    return messages


def _ask(findings: list[Finding]) -> str:
    """What a reminder asks for: to send what is still owed, and — for an emergency already
    reported late, which there is nothing left to send for — to keep the time limit next time."""
    late = [f.kind is FindingKind.EMERGENCY_LATE for f in findings]
    if all(late):
        return t("rm_ask_in_time")
    return t("rm_ask_both") if any(late) else t("rm_ask_send")


def unreminded_note(report: OverdueReport) -> str | None:
    """The one line (for stderr) naming the points with findings that got no reminder because
    they have left the network by the as-of day — each with how and when it left — or None."""
    with_findings = {f.point for f in report.findings}
    gone = [x for x in report.left if x.point in with_findings]
    if not gone:
        return None
    names = [
        t(
            "rm_left_point",
            point=point_label(report, x.point),
            id=x.point,
            date=x.date.isoformat(),
            how=t(f"pt_event_{x.event.value}"),
        )
        for x in gone
    ]
    return tn("rm_left_none_sent", len(gone), points=t("list_sep").join(names))
