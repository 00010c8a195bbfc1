"""A month file of one point's submissions (``submissions/<year>/<point>/<MM>.yaml``) → its
:class:`Submission` records, each checked against the file's year, month and point."""

from __future__ import annotations

import datetime as dt
from typing import Any

from govinfo.i18n import t
from govinfo.load.filereader import (
    MAX_LATE_DAYS,
    RECORD_ID_RE,
    SUBMISSION_ID_RE,
    FileReader,
)
from govinfo.load.schema import Spec
from govinfo.model import (
    Adoption,
    Category,
    Classification,
    Flag,
    Instruction,
    Mode,
    Rank,
    Submission,
)
from govinfo.yamltext.reader import Mapping, Node, Scalar, Sequence


def read_submissions(
    r: FileReader, root: Node | None, empty: bool, year: int, point: str, month: int
) -> list[Submission]:
    """The valid submissions of ``point``'s file for ``month`` of ``year`` (problems go to ``r``)."""
    out: list[Submission] = []

    def adoption(n: Node, f: str) -> tuple[dict[str, Any], Mapping]:
        m = r.mapping(n, f)
        spec: Spec = {
            "publication": (lambda x, g: r.pattern(x, g, RECORD_ID_RE, "[A-Za-z0-9._-]"), True),
            "date": (r.date, True),
            "mode": (lambda x, g: r.enum(x, g, Mode), True),
            "issue": (r.text, False),
        }
        values = r.fields(m, spec, record="rec_adoption", partial=True)
        assert values is not None
        return values, m

    def instruction(n: Node, f: str) -> tuple[dict[str, Any], Mapping]:
        m = r.mapping(n, f)
        spec: Spec = {
            "leader": (r.text, True),
            "rank": (lambda x, g: r.enum(x, g, Rank), True),
            "date": (r.date, True),
            "note": (r.text, False),
        }
        values = r.fields(m, spec, record="rec_instruction", partial=True)
        assert values is not None
        return values, m

    spec: Spec = {
        "id": (lambda n, f: r.pattern(n, f, SUBMISSION_ID_RE, "[A-Za-z0-9-]"), True),
        "date": (r.date, True),
        "title": (lambda n, f: r.text(n, f, max_len=200), True),
        "category": (lambda n, f: r.enum(n, f, Category), True),
        "co_submitters": (lambda n, f: r.list_of(n, f, r.point_ref), False),
        "solicitation": (lambda n, f: r.pattern(n, f, RECORD_ID_RE, "[A-Za-z0-9._-]"), False),
        "occurred_at": (r.datetime, False),
        "reported_at": (r.datetime, False),
        "reviewer": (r.text, False),
        "classification": (lambda n, f: r.enum(n, f, Classification), False),
        "adoptions": (lambda n, f: r.list_of(n, f, adoption, partial=True), False),
        "instructions": (lambda n, f: r.list_of(n, f, instruction, partial=True), False),
        "flags": (lambda n, f: r.list_of(n, f, lambda x, g: r.enum(x, g, Flag)), False),
        "note": (r.text, False),
    }
    for node in r.records_of(root, empty):
        start = r.mark()
        values = r.fields(node, spec, record="rec_submission", partial=True)
        assert values is not None
        sub = _check_submission(r, node, values, year, point, month)
        if sub is not None and r.clean_since(start):
            out.append(sub)
        else:
            r.left_out(values, node)
    return out


def _check_submission(
    r: FileReader, node: Mapping, values: dict[str, Any], year: int, point: str, month: int
) -> Submission | None:
    """Checks across the fields of one submission, on whatever fields could be read, so that
    every problem of the record is reported; the record itself only when it is whole."""
    start = r.mark()
    day: dt.date | None = values.get("date")
    date_node = node.get("date")
    if day is not None and date_node is not None:
        if day.year != year or day.month != month:
            r.error(
                date_node.line,
                date_node.col,
                "submission_wrong_month",
                value=day.isoformat(),
                year=year,
                month=month,
            )
        r.ref("ruleday", date_node, "date", day=day)
    co: tuple[str, ...] = values.get("co_submitters", ())
    co_node = node.get("co_submitters")
    if co and isinstance(co_node, Sequence):
        seen: set[str] = set()
        for item_node in co_node.items:
            item = item_node.value if isinstance(item_node, Scalar) else None
            if item is None:
                continue
            if item == point:
                r.error(item_node.line, item_node.col, "co_submitter_owner", value=item)
            elif item in seen:
                r.error(
                    item_node.line,
                    item_node.col,
                    "list_repeat_value",
                    field="co_submitters",
                    value=item,
                )
            seen.add(item)
    if values.get("category") is Category.EMERGENCY:
        line, col = node.first_key_pos()
        for field in ("occurred_at", "reported_at"):
            if field not in values and node.get(field) is None:
                r.error(line, col, "emergency_missing", field=field)
    occurred = values.get("occurred_at")
    reported = values.get("reported_at")
    rep_node = node.get("reported_at")
    if occurred is not None and reported is not None and reported < occurred and rep_node:
        r.error(
            rep_node.line,
            rep_node.col,
            "reported_before_occurred",
            value=reported.isoformat(timespec="minutes"),
        )
    if node.get("reviewer") is None:
        line, col = node.first_key_pos()
        r.warning(line, col, "reviewer_missing")
    sol = values.get("solicitation")
    sol_node = node.get("solicitation")
    if sol is not None and sol_node is not None and day is not None:
        r.ref("solicitation", sol_node, sol, day=day, owner=point)
    adoption_values = values.pop("adoptions", ())
    instruction_values = values.pop("instructions", ())
    for what, events in (("adoption", adoption_values), ("instruction", instruction_values)):
        for a_values, a_node in events:
            when = a_values.get("date")
            if day is not None and when is not None:
                _check_event_date(r, a_node, day, when, what)
    for a_values, a_node in adoption_values:
        pub_node = a_node.get("publication")
        if day is not None and "publication" in a_values and pub_node is not None:
            r.ref("publication", pub_node, a_values["publication"], day=day)
    if not r.clean_since(start):
        return None
    try:
        return Submission(
            point=point,
            source=r.source(node),
            adoptions=tuple(Adoption(**v) for v, _ in adoption_values),
            instructions=tuple(Instruction(**v) for v, _ in instruction_values),
            **values,
        )
    except TypeError:
        return None  # a required field was missing: already reported


def _check_event_date(r: FileReader, node: Mapping, day: dt.date, when: dt.date, what: str) -> None:
    """An adoption's or instruction's (``what``) date against the submission's ``day``; the
    message names which date it is (both are written ``date``)."""
    date_node = node.get("date")
    assert date_node is not None
    if when < day:
        r.error(
            date_node.line,
            date_node.col,
            "event_before_submission",
            field=t(f"event_date_{what}"),
            value=when.isoformat(),
            date=day.isoformat(),
        )
    elif (when - day).days > MAX_LATE_DAYS:
        r.error(
            date_node.line,
            date_node.col,
            "event_too_late",
            field=t(f"event_date_{what}"),
            value=when.isoformat(),
            date=day.isoformat(),
            days=MAX_LATE_DAYS,
        )
