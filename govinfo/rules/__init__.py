"""Pure scoring: rule sets by date, scoring events, obligations and the annual outcome (SPEC §2).

No I/O, no typer/rich/yaml. Entry points: :func:`govinfo.rules.annual.score_year`,
:func:`govinfo.rules.events.year_events`, :func:`govinfo.rules.obligations.obligations`.
"""
