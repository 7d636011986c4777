"""Progress of a long build on a terminal: a bar per stage (rich), shown only when stderr is one.

Elsewhere (a scheduled run, a pipe) the pipeline's one log line per stage says the same.
"""

from __future__ import annotations

import sys
from types import TracebackType


class Stage:
    """One stage of a build (dates settled, sources annotated, formats rendered) with ``total`` steps.

    On a terminal a transient bar counts the steps; rich is imported only then, so a build
    without a terminal (and ``briefing --help``) never loads it.
    """

    def __init__(self, name: str, total: int, *, terminal: bool | None = None) -> None:
        self.name, self.total, self.done = name, total, 0
        self.terminal = sys.stderr.isatty() if terminal is None else terminal
        self._bar = None
        self._task = None

    def __enter__(self) -> Stage:
        if self.terminal:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), transient=True, console=Console(stderr=True))
            self._bar.start()
            self._task = self._bar.add_task(self.name, total=self.total)
        return self

    def advance(self, steps: int = 1) -> None:
        self.done += steps
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
