"""How scores leave the pure layers: exact decimals with at most 2 places."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

_CENT = Decimal("0.01")
# Room to round any sum of bounded numbers (check refuses |x| >= 10^12) without InvalidOperation.
_WIDE = Context(prec=60)


def tidy(value: Decimal) -> Decimal:
    """``value`` with at most 2 decimals and no trailing zeros or exponent (3.50 → 3.5,
    3.00 → 3, −0 → 0), for JSON and CSV."""
    q = value.quantize(_CENT, rounding=ROUND_HALF_UP, context=_WIDE)
    if q == q.to_integral_value():
        return Decimal(int(q))
    return q.normalize()


def fixed(value: Decimal) -> str:
    """``value`` with exactly 2 decimals, for aligned tables (−0 shown as 0.00)."""
    q = value.quantize(_CENT, rounding=ROUND_HALF_UP, context=_WIDE)
    if q == 0:
        q = abs(q)
    return f"{q:.2f}"
