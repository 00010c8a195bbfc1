"""Composing titles: a template × a place × a topic, drawn with the caller's RNG."""

from __future__ import annotations

import random

from govinfo.demo import corpus
from govinfo.demo.corpus import Topic


def topical(topic: Topic, year: int, month: int) -> bool:
    """Whether a title about ``topic`` reads naturally in that month (no 非典 in 2005, no 春耕
    in October)."""
    if topic.years and year not in topic.years:
        return False
    return not topic.months or month in topic.months


def pick_topic(rng: random.Random, preferred: tuple[str, ...], year: int, month: int) -> Topic:
    """A topic for an item: mostly one the point works on, seasonal ones weighted up in season."""
    pool: list[Topic] = []
    weights: list[float] = []
    for topic in corpus.TOPICS:
        if not topical(topic, year, month):
            continue
        weight = 1.0
        if preferred:
            weight = 6.0 if topic.key in preferred else 0.15
        if topic.months:
            weight *= 1.6
        if topic.key == "feidian" and month in (4, 5, 6):
            weight *= 3.0
        pool.append(topic)
        weights.append(weight)
    return rng.choices(pool, weights)[0]


def period_word(year: int, month: int) -> str:
    """How an item in ``month`` names the period its figures cover (the months before it)."""
    done = month - 1
    if done == 0:
        return f"{year - 1}年"
    return corpus.PERIOD_WORDS.get(done, f"1—{done}月")


def general_title(
    rng: random.Random, topic: Topic, subject: str, scope: str, year: int, month: int
) -> str:
    if topic.metrics and rng.random() < 0.15:
        template = rng.choice(corpus.METRIC_TEMPLATES)
        pct = f"{rng.uniform(2.0, 28.0):.1f}"
        return template.format(
            w=scope, period=period_word(year, month), metric=rng.choice(topic.metrics), pct=pct
        )
    template = rng.choice(corpus.GENERAL_TEMPLATES)
    return template.format(
        s=subject,
        w=scope,
        deed=rng.choice(topic.deeds),
        verb=rng.choice(corpus.VERBS),
        work=rng.choice(topic.works),
        result=rng.choice(corpus.RESULTS),
        trend=rng.choice(corpus.TRENDS),
        period=period_word(year, month),
    )


def problem_title(rng: random.Random, topic: Topic, scope: str) -> str:
    template = rng.choice(corpus.PROBLEM_TEMPLATES)
    return template.format(
        w=scope, problem=rng.choice(topic.problems), work=rng.choice(topic.works)
    )


def research_title(rng: random.Random, topic: Topic, scope: str) -> str:
    template = rng.choice(corpus.RESEARCH_TEMPLATES)
    if scope == "全省" and "来自" in template:  # "来自全省的调查" does not read well
        template = corpus.RESEARCH_TEMPLATES[0]
    return template.format(w=scope, study=rng.choice(topic.studies))


def opinion_title(rng: random.Random, subject: str, year: int, month: int) -> str:
    return rng.choice(corpus.OPINION_TEMPLATES).format(s=subject, year=year, month=month)


def answer_title(rng: random.Random, topic_text: str, scope: str, research: bool) -> str:
    templates = corpus.ANSWER_RESEARCH_TEMPLATES if research else corpus.ANSWER_TEMPLATES
    return rng.choice(templates).format(w=scope, topic=topic_text)


def emergency_title(rng: random.Random, where: str, sars_ok: bool) -> str:
    while True:
        incident, casualties = rng.choice(corpus.INCIDENTS)
        if incident != corpus.SARS_INCIDENT or sars_ok:
            break
    title = where + incident
    if casualties and rng.random() < 0.6:
        title += "，" + rng.choice(corpus.CASUALTIES).format(n=rng.randint(1, 9))
    return title


def person(rng: random.Random) -> str:
    """A common Chinese name: a surname and one or two given characters."""
    surname = rng.choice(corpus.SURNAMES)
    if rng.random() < 0.75:
        return surname + rng.choice(corpus.GIVEN_NAMES)
    return surname + rng.choice(corpus.SINGLE_GIVEN)
