"""Where the renderers' native libraries are, remembered in the state folder.

WeasyPrint and cairocffi find Pango, HarfBuzz, fontconfig and cairo by trying several names for each
library with ``ctypes.util.find_library``, which on Linux runs ``ldconfig -p`` and, for a name that
is not there, ``gcc`` and ``ld``: some 25 look-ups per build, most of them for names only other
systems use, about 0.3 s of WeasyPrint's import before the first page can be laid out. The answers
change only when the system's libraries do, so they are kept in the model cache (``models/``),
keyed by the dynamic linker's cache (``/etc/ld.so.cache``, which ``ldconfig`` rewrites whenever
libraries are installed or removed) and the variables that add library folders. A name not asked
before is looked up as usual and added.
"""

from __future__ import annotations

import ctypes.util
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .. import model_cache
from ..config import Config

LINKER_CACHE = Path("/etc/ld.so.cache")
SEARCH_VARIABLES = ("LD_LIBRARY_PATH", "LIBRARY_PATH")
NAME = "native-libraries"


@contextmanager
def libraries_remembered(config: Config) -> Iterator[None]:
    """While inside, ``ctypes.util.find_library`` answers from the config's state folder what it
    answered before. Where there is no linker cache to key the answers by (not Linux with glibc),
    nothing changes."""
    if not LINKER_CACHE.is_file():
        yield
        return
    where = config.resolve(config.state) / "models"
    key = model_cache.files_key(LINKER_CACHE) + tuple(f"{v}={os.environ.get(v, '')}" for v in SEARCH_VARIABLES)
    known: dict[str, str | None] = model_cache.kept(NAME, key, dict, where)
    asked = len(known)
    find_library = ctypes.util.find_library

    def remembered(name: str) -> str | None:
        if name not in known:
            known[name] = find_library(name)
        return known[name]

    ctypes.util.find_library = remembered
    try:
        yield
    finally:
        ctypes.util.find_library = find_library
        if len(known) > asked:
            model_cache.keep(NAME, key, known, where)
