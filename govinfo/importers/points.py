"""Names in a spreadsheet → registered points.

A point is matched by its id, full name, short name or one of its ``aliases`` (after NFKC folding
and with whitespace removed) — nothing else: no 市 is stripped, no prefix guessed. A near miss is
an error with "did you mean"; a name two points share is an error naming both.

"Did you mean" names a point only when the two names share a distinctive part: compared without
the words every name ends in (市, 县, 人民政府办公厅 …), 长春县 is 长春 and 省发改委 is 省发展改革委
shortened, but 延吉市 shares only 吉 with 吉林市 — no suggestion is better than an unrelated one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from govinfo.importers.values import fold
from govinfo.model import Point
from govinfo.text import NAME_CUTOFF, closest

# The words a point's name ends in, longest first; stripped (repeatedly) before two names are
# compared for a suggestion (the province in front too: _PROVINCE).
_ENDINGS = (
    "人民政府办公厅",
    "人民政府办公室",
    "政府办公厅",
    "政府办公室",
    "委员会办公室",
    "人民政府",
    "办公厅",
    "办公室",
    "委员会",
    "自治州",
    "自治县",
    "政府",
    "市",
    "县",
    "区",
    "州",
    "旗",
    "厅",
    "局",
    "委",
    "办",
)


class PointIndex:
    def __init__(self, points: Iterable[Point]) -> None:
        self.by_key: dict[str, list[Point]] = {}
        for p in points:
            keys = {fold(p.id), fold(p.name), *(fold(a) for a in p.aliases)}
            if p.short:
                keys.add(fold(p.short))
            for key in keys:
                self.by_key.setdefault(key, []).append(p)
        self._labels = {key: pts[0].label for key, pts in self.by_key.items()}

    def match(self, text: str) -> Point | list[Point] | None:
        """The point ``text`` names; a list when it names several; None when it names none."""
        found = self.by_key.get(fold(text))
        if not found:
            return None
        return found[0] if len(found) == 1 else found

    def suggest(self, text: str) -> str | None:
        """The label of the point closest to ``text``, if any is close and shares a
        distinctive part of its name (see the module's docstring)."""
        word = fold(text)
        close = closest(word, self.by_key, cutoff=NAME_CUTOFF, accept=lambda k: related(word, k))
        return self._labels[close] if close is not None else None


# The province in front of a department's name (吉林省财政厅, 省财政厅, 新疆维吾尔自治区财政厅):
# every department of the network shares it, so it tells none apart.
_PROVINCE = re.compile(r"^(?:\w{2,3}省|\w{2,8}?自治区|省)")


def stem(name: str) -> str:
    """``name`` (folded) without the words every point's name ends in, nor the province in
    front: 长春市人民政府办公厅 → 长春, 省发展改革委 → 发展改革, 吉林省人事厅 → 人事. A name that
    is nothing else stays."""
    out = _PROVINCE.sub("", name) or name
    while (end := next((e for e in _ENDINGS if out.endswith(e) and out != e), None)) is not None:
        out = out[: -len(end)]
    return out


def related(a: str, b: str) -> bool:
    """Whether two folded names share a distinctive part: their stems share two characters in a
    row; or one is the other shortened (发改 of 发展改革: the same first character, the rest in
    order); or they differ in one character in place, of three or more (a slip of the keyboard),
    or of two when one of the two differing is no simplified character (長春 for 长春). Names in
    Latin letters (ids) need no more than being alike."""
    if a.isascii() and b.isascii():
        return True
    x, y = sorted((stem(a), stem(b)), key=len)
    if any(x[i : i + 2] in y for i in range(len(x) - 1)):
        return True
    if x[:1] == y[:1] and _in_order(x, y):
        return True
    if len(x) != len(y) or len(x) < 2:
        return False
    differ = [(p, q) for p, q in zip(x, y, strict=True) if p != q]
    return len(differ) == 1 and (len(x) >= 3 or not all(map(_simplified, differ[0])))


def _simplified(ch: str) -> bool:
    """Whether ``ch`` is a character of simplified Chinese (GB2312): 長 is not, 长 and 岭 are —
    so 長春 is 长春 written in traditional characters, but 长岭 is not 长白."""
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _in_order(short: str, long: str) -> bool:
    rest = iter(long)
    return all(ch in rest for ch in short)
