"""Answers printed in columns and read row by row: "1. Hut  3. Semi-detached  5. Improvised"
over "2. Detached  4. Flat" — each line counts up by the number of lines, and the answers go
back into the order of their codes (1, 2, 3, 4, 5)."""

from __future__ import annotations

from fielder.compiler.options import RawOption


def in_code_order(options: list[RawOption]) -> list[RawOption]:
    """`options` in the order of their codes when they were read across columns; as they are
    otherwise."""
    codes = [int(o.code) if o.code and o.code.isdigit() else None for o in options]
    numbers = [c for c in codes if c is not None]
    if len(numbers) != len(options) or len(options) < 4:
        return options
    ordered = sorted(numbers)
    if numbers == ordered or ordered != list(range(ordered[0], ordered[0] + len(ordered))):
        return options
    steps = {b - a for a, b in zip(numbers, numbers[1:], strict=False) if b > a}
    if len(steps) != 1 or steps == {1}:
        return options  # not lines counting up by one same stride: a list out of order
    return sorted(options, key=lambda o: int(o.code or 0))
