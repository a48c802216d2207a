"""Progress bars of the launcher's longer commands (seed, retention, imports).

On stderr, so stdout carries the same lines with or without a terminal; nothing shows when
stderr is no terminal (logs, CI, pipes) and `transient` removes the bar when done.
"""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn


def progress() -> Progress:
    console = Console(stderr=True)
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,  # not even a blank line in logs and pipes
    )
