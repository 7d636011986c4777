"""Named entries of one kind — output formats, delivery channels — built in or added alike.

The registry is the only list of what exists: config checks and the CLI's choices ask it. An
entry names its implementation as ``"module:function"`` (or passes the function itself), which is
imported on first use: listing the names does not load WeasyPrint or python-docx.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any, Generic, Protocol, TypeVar

from .errors import BriefingError

Ref = str | Callable[..., Any]
"""A function, or where to find it: ``"package.module:function"``."""


def resolve(ref: Ref) -> Callable[..., Any]:
    """The function a reference names, imported when first needed."""
    if callable(ref):
        return ref
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


class Named(Protocol):
    name: str


E = TypeVar("E", bound=Named)


class Registry(Generic[E]):
    """Entries by name, in the order they were added."""

    def __init__(self, kind: str, error: type[BriefingError], entries: Iterable[E] = ()) -> None:
        self.kind = kind
        """What an entry is, in the user's words ("output format"), for messages."""
        self.error = error
        self._entries: dict[str, E] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: E) -> E:
        """Register ``entry`` (an add-on may replace a built-in of the same name)."""
        self._entries[entry.name] = entry
        return entry

    def remove(self, name: str) -> None:
        self._entries.pop(name, None)

    def get(self, name: str) -> E:
        try:
            return self._entries[name]
        except KeyError:
            raise self.error(f"unknown {self.kind} {name!r} (known: {', '.join(self.names())})") from None

    def names(self) -> list[str]:
        return list(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries
