"""YAML as the user wrote it: dates stay text until our own checks read them.

PyYAML turns an unquoted ``2022-02-30`` into a date while parsing, and an impossible one ends in a
ValueError before any check can name the key and its line. This loader leaves timestamps as
strings; config.py and the front-matter reader turn them into dates and say what is wrong.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

TIMESTAMP = "tag:yaml.org,2002:timestamp"


SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it: faster


class PlainLoader(SafeLoader):
    """SafeLoader without the implicit timestamp type."""


PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


BOOL = "tag:yaml.org,2002:bool"
WORD_BOOLS = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class LexiconLoader(SafeLoader):
    """SafeLoader for word lists: only true/false are booleans (as in YAML 1.2). YAML 1.1 also reads
    the bare words on, off, yes and no as booleans, which silently turns the English preposition
    "on" or the negation "no" in a lexicon into True or False."""


LexiconLoader.yaml_implicit_resolvers = {
    first: [(tag, WORD_BOOLS if tag == BOOL else pattern) for tag, pattern in resolvers]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_plain(text: str) -> Any:
    return yaml.load(text, Loader=PlainLoader)  # noqa: S506 - a SafeLoader subclass


def compose_plain(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=PlainLoader)


def error_line(error: yaml.YAMLError) -> int | None:
    """The line where the faulty construct starts (an unclosed quote: where it opens), 1-based."""
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    return mark.line + 1 if mark else None
