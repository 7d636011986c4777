"""Models that take long to make and little to read back, kept as pickles in the state folder.

SoMaJo's tokenizer runs and compiles some thousand regular expressions when it is made, a fifth of
a cold build's annotation of one article; pickled with its compiled expressions (the ``regex``
module pickles their code), it reads back in milliseconds. Each model is one file,
``<folder>/<name>.pickle``, holding the key it was made under (its library versions, the
arguments, Python's version): a file made under another key is made again and replaced.

The folder is the state folder's ``models/``, set by the build before it annotates (``keep_in``);
without one (the ``inspect`` command, a unit test) every model is made afresh. Like the annotation cache, the
files are pickles: the state folder must be as trusted as the code.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

_folder: Path | None = None


def keep_in(folder: Path | None) -> None:
    """Keep models in ``folder`` from now on in this process and those it forks (None: keep none)."""
    global _folder
    _folder = folder


def folder() -> Path | None:
    """The folder models are kept in by this process (None: none)."""
    return _folder


def kept(name: str, key: tuple[str, ...], make: Callable[[], T], where: Path | None = None) -> T:
    """The model ``name`` read back from the folder (``where``, else this process's) when it was made
    under ``key``; else ``make()``, stored for the next process."""
    where = where or _folder
    if where is None:
        return make()
    model = found(name, key, where)
    if model is None:
        model = make()
        _store(where / f"{name}.pickle", (_digest(key), model))
    return model


def found(name: str, key: tuple[str, ...], where: Path) -> object | None:
    """The model ``name`` read back from ``where`` when it was made under ``key``, else None."""
    path = where / f"{name}.pickle"
    try:
        with open(path, "rb") as f, _collector_paused():
            made_under, model = pickle.load(f)
        if made_under == _digest(key):
            return model
    except FileNotFoundError:
        pass
    except Exception as e:  # noqa: BLE001 - a damaged or foreign file is only a miss
        log.info("model cache: %s cannot be read back (%s); making it again", path.name, e)
    return None


def keep(name: str, key: tuple[str, ...], model: object, where: Path) -> None:
    """``model`` stored in ``where`` as ``kept`` reads it back: for a model that grows as it is used."""
    _store(where / f"{name}.pickle", (_digest(key), model))


def _digest(key: tuple[str, ...]) -> str:
    return hashlib.sha256(repr((key, sys.version_info[:2], pickle.HIGHEST_PROTOCOL)).encode()).hexdigest()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a model is read back: it makes hundreds of thousands of
    objects, none of them garbage, and the collector would walk the growing heap again and again
    (a third of the tagger's reading)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def files_key(*paths: str | Path) -> tuple[str, ...]:
    """A key for a model made from ``paths`` (its data and the code that reads it): each file's path,
    size and modification time, so a changed or reinstalled file makes the model again."""
    out = []
    for path in paths:
        st = os.stat(path)
        out.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
    return tuple(out)


def _store(path: Path, value: object) -> None:
    try:
        write_pickle(path, value)
    except OSError as e:  # a state folder we may not write to costs speed, not the build
        log.warning("model cache: cannot write %s (%s)", path, e.strerror or e)


def write_pickle(path: Path, value: object) -> None:
    """``value`` pickled to ``path`` atomically: a temporary file in the same folder, then a rename.
    Raises OSError when the folder cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
