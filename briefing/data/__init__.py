"""Access to the packaged data files (lexicons, aliases, labels) in briefing/data/."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .. import model_cache
from ..plain_yaml import LexiconLoader

DATA_DIR = Path(__file__).parent


DEFAULT_LANGUAGE = "de"
"""The language whose lexicons read a source in a language that has none of its own."""

READ: set[str] = set()
"""The names of the data files read in this process: the annotation cache records what its entries
were made with, so that a changed lexicon invalidates only what read it."""


def load_data(name: str) -> Any:
    """The parsed YAML file ``briefing/data/<name>.yaml`` (cached)."""
    READ.add(name)
    return _load(name)


@cache
def _load(name: str) -> Any:
    """The file parsed, or read back as parsed from the model cache (a build's state folder, see
    model_cache.py) when it has not changed since: a pickle reads back in a fraction of the time even
    libyaml takes (the twenty lexicons a build reads: some 40 ms)."""
    path = DATA_DIR / f"{name}.yaml"
    return model_cache.kept(f"data-{name}", (*model_cache.files_key(path), yaml.__version__), lambda: _parse(path))


def _parse(path: Path) -> Any:
    with open(path, encoding="utf-8") as f:
        # libyaml's parser when PyYAML has it: the same data as safe_load, ten times faster (the
        # lexicons are a good part of a cold build's start-up).
        return yaml.load(f, Loader=LexiconLoader)  # noqa: S506 - a SafeLoader subclass


def lexicon_language(stem: str, language: str) -> str:
    """The language whose ``<stem>_<language>.yaml`` reads text in ``language``: its own, else the default."""
    return language if (DATA_DIR / f"{stem}_{language}.yaml").is_file() else DEFAULT_LANGUAGE


def language_data(stem: str, language: str) -> Any:
    """The lexicon ``briefing/data/<stem>_<language>.yaml``, or the default language's when there is none."""
    return load_data(f"{stem}_{lexicon_language(stem, language)}")


def word_set(section: dict, key: str) -> frozenset[str]:
    """The words a lexicon lists under ``key`` of ``section``, lower-cased; a key not there lists none."""
    return frozenset(str(w).lower() for w in section.get(key) or [])
