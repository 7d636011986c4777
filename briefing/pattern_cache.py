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
last process are kept, so patterns made from an article's own words cannot fill it.
"""

from __future__ import annotations

import _sre
import logging
import re
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from re import _compiler, _parser  # re's compiler: the module is internal, hence the checks below
from typing import Any

from . import model_cache

log = logging.getLogger(__name__)

MAX_PATTERNS = 4000
"""Patterns a table keeps."""
WRITE_FROM = 0.005
"""Seconds of compiling added to a table from which it is written back."""

Made = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]
"""``_sre.compile``'s arguments after the text: flags, code, number of groups, group index, index group."""

_lock = threading.Lock()
_active = False


def _key() -> tuple[str, ...]:
    return (sys.version, str(_sre.MAGIC), str(_sre.CODESIZE))


@contextmanager
def patterns_kept(name: str, where: Path | None) -> Iterator[None]:
    """While inside, ``re`` compiles each pattern from the table ``name`` in ``where`` (a model folder)
    when it holds it, else as usual, adding it. Nothing changes without a folder, or inside another
    such block (only one table is used at a time in a process)."""
    global _active
    with _lock:
        mine = not _active and where is not None
        _active = _active or mine
    if not mine:
        yield
        return
    table: dict[tuple[str | bytes, int], Made] = model_cache.found(f"re-{name}", _key(), where) or {}  # type: ignore[assignment]
    used: set[tuple[str | bytes, int]] = set()
    compile_ = _compiler.compile
    added = 0.0

    def compile_kept(pattern: Any, flags: int = 0) -> re.Pattern:
        nonlocal added
        if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
            return compile_(pattern, flags)
        key = (pattern, flags)
        used.add(key)
        made = table.get(key)
        if made is not None:
            return _sre.compile(pattern, *made)
        start = time.perf_counter()
        compiled = compile_(pattern, flags)
        took = time.perf_counter() - start
        made = _made(pattern, flags)
        if made is not None and _same(_sre.compile(pattern, *made), compiled):
            table[key] = made
            added += took
        return compiled

    _compiler.compile = compile_kept
    try:
        yield
    finally:
        _compiler.compile = compile_
        with _lock:
            _active = False
        if added >= WRITE_FROM:
            # Copies first: a build in another thread may still be compiling through the table.
            # dict() and set() of a dict or set copy in one step under the interpreter lock.
            now, last = dict(table), set(used)
            kept = now if len(now) <= MAX_PATTERNS else {k: now[k] for k in last if k in now}
            model_cache.keep(f"re-{name}", _key(), kept, where)


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
