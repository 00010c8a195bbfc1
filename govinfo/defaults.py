"""The files ``govinfo init`` writes: folder settings, the SPEC's default rule set and an empty
registry. Kept as text so that what a new folder holds reads exactly as the SPEC shows it."""

from __future__ import annotations

SETTINGS_FILE = "govinfo.yaml"  # the folder settings: the file that makes a folder a data folder

# The comment lines (# ...) are in the folder's language (i18n: init_yaml_*), put in by app.init.
SETTINGS_YAML = """\
{title}
format: 1
{office_note}
office: {office}
{province_note}
province: {province}
{language_note}
language: {language}
"""

POINTS_YAML = """\
{title}
[]
"""

DEFAULT_RULES_YAML = """\
id: default
title: 政务信息刊物计分标准（默认）
basis: [吉政办函〔2002〕150号, 吉政办函〔2003〕60号]
effective_from: 2000-01-01
publications:
  gb-xinxi:  {name: 国务院办公厅信息刊物, level: national,   single: 6, combined: 3}
  jl-zb:     {name: 《专报》,             level: provincial, single: 3, combined: 1.5}
  jl-zwxx:   {name: 《吉林政务信息》,     level: provincial, single: 1, combined: 0.5}
  jl-mryq:   {name: 《每日要情》,         level: provincial, single: 1, combined: 0.5}
  jl-yqzb:   {name: 《舆论监督与群众意见建议专报》, level: provincial, single: 2, combined: 1}
instructions: {state-council: 10, governor: 3, provincial-leader: 2}
stacking: {same_level: highest, instructions: sum}      # same_level: highest|sum; instructions: highest|sum
multipliers: {research: 2, problem: 1.5, solicited_on_time: 1.5}
deductions:
  solicitation-missed: 2
  research-quarter-missing: 1
  opinion-month-missing: 0.5
  emergency-late: 1
  emergency-omitted: 2
  emergency-concealed: 5
  inaccurate: 3
emergency_deadline_minutes: 120
requirements:
  research_per_quarter: {kinds: [city, department], min: 1}
  opinion_list_per_month: {kinds: [city], min: 1}
  inactive_days: 30
annual:
  commend_top: 15
  commend_excludes: [inaccurate, emergency-concealed]
  disqualify_below: 12
  grace_admitted_from: 07-01        # points admitted on or after this day of the year are exempt
  tie_break: [national_adopted, instructions, adopted]
"""

GITIGNORE = """\
# govinfo keeps its cache and lock under .git/govinfo/; these are its temporary files
*.govinfo-tmp
.govinfo-cache/
"""
