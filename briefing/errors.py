"""Errors a user can cause, each printed as one clear line (no traceback)."""

from __future__ import annotations


class BriefingError(Exception):
    """A mistake in the user's input or environment; the CLI prints it and exits with ``exit_code``."""

    exit_code = 1


class ConfigError(BriefingError):
    """config.yaml is wrong: every problem is listed, each naming the key and the line."""

    exit_code = 2

    def __init__(self, problems: list[str], path: str = "config.yaml") -> None:
        self.problems = problems
        self.path = path
        super().__init__("; ".join(problems))

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return f"{self.path}: {self.problems[0]}"
        lines = [f"{self.path}: {len(self.problems)} problems"] + [f"  {p}" for p in self.problems]
        return "\n".join(lines)


class UsageError(BriefingError):
    """A command-line value is wrong."""

    exit_code = 2


class NoSourcesError(BriefingError):
    """No seed could be used, so there is nothing to build from."""


class RenderError(BriefingError):
    """An output could not be produced (template missing, renderer failed)."""
