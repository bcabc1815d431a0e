"""`python -m bench [name ...]`: run every bench module's main(), or only the named ones.

Names are module names with or without the `bench_` prefix (`python -m bench api`).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def modules() -> list[str]:
    """The bench module names, sorted (bench_*.py next to this file)."""
    return sorted(path.stem for path in Path(__file__).parent.glob("bench_*.py"))


def run(names: list[str]) -> int:
    """Run the main() of each named module (all when empty); give the exit status."""
    options = [n for n in names if n.startswith("-")]
    if options:
        # Options belong to one module's own command line, which `python -m bench` does not pass on.
        joined = " ".join(options)
        print(f"options ({joined}) go to one module: python -m bench.bench_<name> --help")
        return 2
    available = modules()
    wanted = [n if n.startswith("bench_") else f"bench_{n}" for n in names] or available
    unknown = [n for n in wanted if n not in available]
    if unknown:
        print(f"unknown bench modules: {', '.join(unknown)}; have: {', '.join(available)}")
        return 2
    for name in wanted:
        module = importlib.import_module(f"bench.{name}")
        module.main()
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
