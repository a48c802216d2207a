"""Size limits the code keeps (docs/CONVENTIONS.md): modules and functions small enough to read.

`python -m services.tooling.code_shape` lists what exceeds them; `make lint` runs it.
Migrations are exempt from the function limit: a schema is one long, linear statement list.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

MAX_MODULE_LINES = 350
MAX_FUNCTION_LINES = 60
ROOT = Path(__file__).resolve().parents[1]


def oversized(root: Path = ROOT) -> list[str]:
    """One line per module or function over its limit, as `path:line: what`."""
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent)
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n") + 1
        if lines > MAX_MODULE_LINES:
            found.append(f"{rel}:1: module has {lines} lines (limit {MAX_MODULE_LINES})")
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(
                        f"{rel}:{node.lineno}: function {node.name} has {length} lines"
                        f" (limit {MAX_FUNCTION_LINES})"
                    )
    return found


def main() -> int:
    found = oversized()
    for line in found:
        print(line)  # noqa: T201 - a command's report
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
