"""A journal of a given volume for the peers (ledger, hledger, bean-check), written beside the
govinfo benchmark's data: one transaction per submission, one account per reporting point, a
few adopted items paying points — the same number of records a govinfo year holds.

    python benchmarks/journal.py OUT_DIR --transactions 50000 --accounts 2000

writes ``OUT_DIR/journal.ledger`` (ledger and hledger) and ``OUT_DIR/journal.beancount``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path


def write_journals(out: Path, transactions: int, accounts: int, seed: int = 11) -> None:
    """Write both journals into ``out`` (kept when already there)."""
    ledger, beancount = out / "journal.ledger", out / "journal.beancount"
    if ledger.exists() and beancount.exists():
        return
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    names = [f"P{i:04d}" for i in range(accounts)]
    start = dt.date(2003, 1, 1)
    led: list[str] = []
    bean = ['option "operating_currency" "PTS"', ""]
    bean += [f"2001-01-01 open Assets:Points:{n}" for n in names]
    bean += ["2001-01-01 open Income:Adopted", ""]
    for i in range(transactions):
        day = start + dt.timedelta(days=i * 365 // transactions)
        name = names[rng.randrange(accounts)]
        amount = rng.choice(("1.00", "1.00", "2.00", "3.50", "5.00"))
        title = f"Submission {i} of {name}: work report on the month"
        led.append(
            f"{day:%Y/%m/%d} * {title}\n"
            f"    ; submission: sub-{i}\n"
            f"    Assets:Points:{name}    {amount} PTS\n"
            f"    Income:Adopted\n"
        )
        bean.append(
            f'{day.isoformat()} * "{title}"\n'
            f'  submission: "sub-{i}"\n'
            f"  Assets:Points:{name}    {amount} PTS\n"
            f"  Income:Adopted\n"
        )
    ledger.write_text("\n".join(led), encoding="utf-8")
    beancount.write_text("\n".join(bean), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--transactions", type=int, default=50_000)
    parser.add_argument("--accounts", type=int, default=2000)
    args = parser.parse_args()
    write_journals(args.out, args.transactions, args.accounts)


if __name__ == "__main__":
    main()
