"""Regular expressions that skip, in one character test, the positions where they cannot start.

A lexicon pattern that opens with a long alternation of words ("[Vv]iereinhalb|[Ff]ünfeinhalb|...")
is tried word by word at every character of an article: Python's engine skips ahead quickly only
when a pattern begins with a literal or one character class. ``compile_fast`` puts a look-ahead for
the characters that can begin a match in front of the pattern. The look-ahead only refuses
positions where no match can start, so every match, its span and its groups are those of the
pattern as written; a pattern whose first characters cannot be told (a negated class, ``.``, an
empty match, case-insensitive matching) is compiled as it is.
"""

from __future__ import annotations

import re
import re._constants as sre  # the parser's own names; the module is internal, so nothing here is required
import re._parser as sre_parse
from typing import Any

from ..pattern_cache import remembered

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_SPACE: r"\s"}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)

First = tuple[list[str], bool]
"""The character-class items that can begin a match, and whether it can also be empty there."""


def compile_fast(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with a look-ahead for its possible first characters when they are known."""
    ahead = first_chars(pattern, flags)
    return re.compile(ahead + pattern if ahead else pattern, flags)


@remembered  # it parses the pattern: a build reads what it found back with the compiled patterns
def first_chars(pattern: str, flags: int = 0) -> str | None:
    """``(?=[...])`` for the characters a match of ``pattern`` can begin with; None when any could."""
    if flags & re.IGNORECASE:
        return None
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = _sequence(list(parsed))
    if found is None or found[1] or not found[0]:
        return None
    return "(?=[" + "".join(dict.fromkeys(found[0])) + "])"


def _sequence(items: list[tuple[Any, Any]]) -> First | None:
    """The first characters of a sequence: its items' up to the first that cannot be empty."""
    chars: list[str] = []
    for op, av in items:
        first = _item(op, av)
        if first is None:
            return None
        chars += first[0]
        if not first[1]:
            return chars, False
    return chars, True


def _item(op: Any, av: Any) -> First | None:
    if op == sre.LITERAL:
        return [_char(av)], False
    if op == sre.IN:
        return _charset(av)
    if op == sre.BRANCH:
        chars: list[str] = []
        empty = False
        for alternative in av[1]:
            first = _sequence(list(alternative))
            if first is None:
                return None
            chars += first[0]
            empty = empty or first[1]
        return chars, empty
    if op == sre.SUBPATTERN:
        _group, add_flags, _del_flags, inner = av
        return None if add_flags & re.IGNORECASE else _sequence(list(inner))
    if op in _REPEATS:
        low, _high, inner = av
        first = _sequence(list(inner))
        return None if first is None else (first[0], first[1] or low == 0)
    if op == sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op in _ZERO_WIDTH:
        return [], True  # a look-around or \b narrows where a match starts; leaving it out only admits more
    return None


def _charset(items: list[tuple[Any, Any]]) -> First | None:
    out = []
    for op, av in items:
        if op == sre.LITERAL:
            out.append(_char(av))
        elif op == sre.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op == sre.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            return None  # a negated class, another category: any character may begin it
    return out, False


def _char(code: int) -> str:
    return f"\\U{code:08x}"
