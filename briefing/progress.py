"""Progress of a long build: a bar per stage on a terminal (rich), one log line per stage otherwise."""

from __future__ import annotations

import logging
import sys
import time
from types import TracebackType

log = logging.getLogger(__name__)


class Stage:
    """One stage of a build (sources read, annotated, rendered) with ``total`` steps.

    On a terminal a transient bar counts the steps (rich, imported only then); elsewhere, when the
    stage ends, one log line says how many steps it took and how long.
    """

    def __init__(self, name: str, total: int, *, terminal: bool | None = None) -> None:
        self.name, self.total, self.done, self.note = name, total, 0, ""
        self.terminal = sys.stderr.isatty() if terminal is None else terminal
        self._bar = None
        self._task = None
        self._started = time.perf_counter()

    def __enter__(self) -> Stage:
        if self.terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), transient=True)
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
        if kind is None:
            note = f" ({self.note})" if self.note else ""
            log.info("%s: %d of %d in %.1f s%s", self.name, self.done, self.total,
                     time.perf_counter() - self._started, note)
