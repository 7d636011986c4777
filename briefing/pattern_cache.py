"""Regular expressions compiled once per state folder and read back, compiled, by the next process.

Reading and assembling the sources compiles some 230 patterns of Python's ``re`` in every build (the
modules' own, and the temporal lexicon's, made from its word lists): about 70 ms of annotating the
seed with an emptied annotation cache, on the path to the PDF. ``re`` compiles in Python (a parser,
then a code generator) and pickles a pattern as its text, to be compiled again. What is kept here is
what the compiler makes of the text: the code and group tables from which ``_sre.compile`` makes the
pattern object at once. They are ``re``'s internals, so the table is keyed by the Python build and
its ``_sre`` version, and a pattern enters it only when the code made here gives the very pattern
that ``re`` makes (patterns compare by their code): a Python whose compiler works otherwise just
compiles as before.

Inside ``patterns_kept()`` every pattern ``re`` compiles goes through the table; at the end the table
is written back (model_cache.py: ``models/re-<name>.pickle``) when the patterns added to it took longer
to compile than writing it takes: not for the one or two that a process writes in its own order (the
alternatives of a set joined). It holds at most MAX_PATTERNS: past that, only the patterns of the
last process are kept, so patterns made from an article's own words cannot fill it. What a function
marked ``remembered`` reads from a pattern's text (the characters a match can begin with,
``nlp/first_chars.py``) is kept in the same table.
"""

from __future__ import annotations

import _sre
import logging
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial, wraps
from pathlib import Path
from re import _compiler, _parser  # re's compiler: the module is internal, hence the checks below
from typing import Any, TypeVar

from . import model_cache

log = logging.getLogger(__name__)

MAX_PATTERNS = 4000
"""Patterns a table keeps."""
WRITE_FROM = 0.005
"""Seconds of compiling added to a table from which it is written back."""

T = TypeVar("T")

Made = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]
"""``_sre.compile``'s arguments after the text: flags, code, number of groups, group index, index group."""

_lock = threading.Lock()


class _Table:
    """The patterns of a block, and what ``remembered`` functions said of them, by key."""

    def __init__(self, known: dict[tuple, Any]) -> None:
        self.known = known
        self.used: set[tuple] = set()
        self.added = 0.0
        """Seconds it took to make what was added."""

    def get(self, key: tuple) -> Any:
        self.used.add(key)
        return self.known.get(key, _MISSING)

    def add(self, key: tuple, value: object, took: float) -> None:
        self.known[key] = value
        self.added += took

    def to_keep(self) -> dict[tuple, Any]:
        # Copies first: a build in another thread of the scheduler may still be compiling through the
        # table. dict() and set() of a dict or set copy in one step under the interpreter lock.
        known, used = dict(self.known), set(self.used)
        return known if len(known) <= MAX_PATTERNS else {key: known[key] for key in used if key in known}


_MISSING = object()
_table: _Table | None = None
"""The table of the block this process is in, if any."""


def _key() -> tuple[str, ...]:
    return (sys.version, str(_sre.MAGIC), str(_sre.CODESIZE))


@contextmanager
def patterns_kept(name: str, where: Path | None) -> Iterator[None]:
    """While inside, ``re`` compiles each pattern from the table ``name`` in ``where`` (a model folder)
    when it holds it, else as usual, adding it. Nothing changes without a folder, or inside another
    such block (only one table is used at a time in a process)."""
    global _table
    table = None
    with _lock:
        if _table is None and where is not None:
            table = _table = _Table(model_cache.found(f"re-{name}", _key(), where) or {})  # type: ignore[arg-type]
    if table is None:
        yield
        return
    compile_ = _compiler.compile
    _compiler.compile = partial(_compile_kept, table, compile_)
    try:
        yield
    finally:
        _compiler.compile = compile_
        with _lock:
            _table = None
        if table.added >= WRITE_FROM:
            model_cache.keep(f"re-{name}", _key(), table.to_keep(), where)  # type: ignore[arg-type]


def _compile_kept(table: _Table, compile_: Callable[[Any, int], re.Pattern], pattern: Any,
                  flags: int = 0) -> re.Pattern:
    """``re._compiler.compile`` through ``table``."""
    if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
        return compile_(pattern, flags)
    made = table.get((pattern, flags))
    if made is not _MISSING:
        return _sre.compile(pattern, *made)
    start = time.perf_counter()
    compiled = compile_(pattern, flags)
    took = time.perf_counter() - start
    made = _made(pattern, flags)
    if made is not None and _same(_sre.compile(pattern, *made), compiled):
        table.add((pattern, flags), made, took)
    return compiled


def remembered(function: Callable[[str, int], T]) -> Callable[[str, int], T]:
    """``function(pattern, flags)``, which reads the text of a pattern (it parses it), remembered in the
    table of the block it is called in: a process that reads the table back parses a pattern for it no
    more than it compiles it. Outside a block it is called as it is."""
    name = f"{function.__module__}.{function.__qualname__}"

    @wraps(function)
    def kept(pattern: str, flags: int = 0) -> T:
        table = _table
        if table is None:
            return function(pattern, flags)
        key = (name, pattern, flags)
        value = table.get(key)
        if value is _MISSING:
            start = time.perf_counter()
            value = function(pattern, flags)
            table.add(key, value, time.perf_counter() - start)
        return value

    return kept


def _made(pattern: str | bytes, flags: int) -> Made | None:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for ``pattern`` (None when that cannot be made here)."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(c) for c in _compiler._code(parsed, flags)]  # its opcodes are named ints, which do not pickle
        groupindex = parsed.state.groupdict
        indexgroup: list[Any] = [None] * parsed.state.groups
        for group, index in groupindex.items():
            indexgroup[index] = group
        return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)
    except Exception as e:  # noqa: BLE001 - another Python's compiler: compile as usual
        log.debug("pattern cache: %r not kept (%s)", pattern, e)
        return None


def _same(made: re.Pattern, compiled: re.Pattern) -> bool:
    """Patterns are equal when their text, flags and code are; the groups are compared besides."""
    return made == compiled and made.groups == compiled.groups and made.groupindex == compiled.groupindex
