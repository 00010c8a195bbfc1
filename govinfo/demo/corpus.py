"""Phrase banks for believable 政务信息 titles, names and notes, read from ``corpus.json``.

Titles are composed from templates × a place × a topic, the way real items read:
``长春市多措并举推进下岗职工再就业``, ``当前全省农村税费改革中需要关注的几个问题``,
``关于通化市国有企业改制情况的调查与思考``. Topics follow what the 2003 speech names as the
leaders' concerns (老工业基地改造, 三农, 就业再就业, 安全生产, 非典防治, 群众上访, 整顿和规范
市场经济秩序, 国土资源整顿) plus the everyday business of a provincial government.

The words are data (package data ``govinfo/demo/corpus.json``); this module gives them their types.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, NamedTuple


class Topic(NamedTuple):
    key: str
    works: tuple[str, ...]  # noun phrases: 下岗职工再就业工作
    deeds: tuple[str, ...]  # what a place did: 多渠道开发就业岗位
    problems: tuple[str, ...]  # a clause about a difficulty: 下岗职工再就业难度加大
    studies: tuple[str, ...]  # what a research item studies: 国有企业下岗职工再就业
    metrics: tuple[str, ...] = ()  # 地方财政收入 (for "同比增长 12.3%" titles)
    months: tuple[int, ...] = ()  # months it is topical in (empty: all year)
    years: tuple[int, ...] = ()  # years it is topical in (empty: any)


_DATA: dict[str, Any] = json.loads(
    resources.files("govinfo.demo").joinpath("corpus.json").read_text(encoding="utf-8")
)


def _words(name: str) -> tuple[str, ...]:
    return tuple(str(w) for w in _DATA[name])


def _topic(raw: dict[str, Any]) -> Topic:
    lists = {k: tuple(v) for k, v in raw.items() if k != "key"}
    return Topic(key=str(raw["key"]), **lists)


TOPICS: tuple[Topic, ...] = tuple(_topic(raw) for raw in _DATA["topics"])
TOPIC_BY_KEY = {topic.key: topic for topic in TOPICS}

VERBS = _words("verbs")
RESULTS = _words("results")
TRENDS = _words("trends")

GENERAL_TEMPLATES = _words("general_templates")
METRIC_TEMPLATES = _words("metric_templates")
PROBLEM_TEMPLATES = _words("problem_templates")
RESEARCH_TEMPLATES = _words("research_templates")
OPINION_TEMPLATES = _words("opinion_templates")
ANSWER_TEMPLATES = _words("answer_templates")
ANSWER_RESEARCH_TEMPLATES = _words("answer_research_templates")

# Emergencies: (what happened, whether casualties are named).
INCIDENTS: tuple[tuple[str, bool], ...] = tuple((str(w), bool(c)) for w, c in _DATA["incidents"])
SARS_INCIDENT = str(_DATA["sars_incident"])
CASUALTIES = _words("casualties")

PERIOD_WORDS = {int(k): str(v) for k, v in _DATA["period_words"].items()}

# Solicitation notices (约稿): topic text and the months it would be issued in (empty: any).
SOLICITATION_TOPICS: tuple[tuple[str, tuple[int, ...]], ...] = tuple(
    (str(text), tuple(int(m) for m in months)) for text, months in _DATA["solicitation_topics"]
)

INSTRUCTION_NOTES = _words("instruction_notes")
LATE_ANSWER_NOTE = str(_DATA["late_answer_note"])
INACCURATE_NOTES = _words("inaccurate_notes")

# People: 信息员 and reviewers. Deliberately common names.
SURNAMES = str(_DATA["surnames"])
GIVEN_NAMES = _words("given_names")
SINGLE_GIVEN = str(_DATA["single_given"])

# Synthetic places: syllables with distinct pinyin, so that names and ids stay unique.
PLACE_SYLLABLES: tuple[tuple[str, str], ...] = tuple(
    (str(han), str(pinyin)) for han, pinyin in _DATA["place_syllables"]
)

# Provincial departments: (id, full name after the province, short name, topics it reports on).
DEPARTMENTS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = tuple(
    (str(d), str(full), str(short), tuple(topics))
    for d, full, short, topics in _DATA["departments"]
)

# What a department asks to read an instruction ("请省劳动保障厅阅研"), by topic.
TOPIC_DEPARTMENT: dict[str, str] = {str(k): str(v) for k, v in _DATA["topic_department"].items()}
