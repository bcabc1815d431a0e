"""Rewrites that join a line with the one after it (a label over its question, a note wrapped
in two): the walk they share, so each rule says only when and how a pair joins."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from fielder.compiler.lines import Line

#: join(line, following) -> the lines standing for the pair, or None to keep `line` as it is
PairJoin = Callable[[Line, Line], Sequence[Line] | None]


def join_with_next(lines: list[Line], join: PairJoin) -> list[Line]:
    """The lines with each pair `join` takes replaced by what it gives (the pair's second line is
    then consumed: it never starts another pair)."""
    out: list[Line] = []
    place = 0
    while place < len(lines):
        joined = join(lines[place], lines[place + 1]) if place + 1 < len(lines) else None
        if joined is None:
            out.append(lines[place])
            place += 1
        else:
            out.extend(joined)
            place += 2
    return out
