"""Where the renderers' C libraries are, and what their declarations say, remembered in the state folder.

WeasyPrint and cairocffi find Pango, HarfBuzz, fontconfig and cairo by trying several names for each
library with ``ctypes.util.find_library``, which on Linux runs ``ldconfig -p`` and, for a name that
is not there, ``gcc`` and ``ld``: some 25 look-ups per build, most of them for names only other
systems use, about 0.3 s of WeasyPrint's import before the first page can be laid out. The answers
change only when the system's libraries do, so they are kept in the model cache (``models/``),
keyed by the dynamic linker's cache (``/etc/ld.so.cache``, which ``ldconfig`` rewrites whenever
libraries are installed or removed) and the variables that add library folders. A name not asked
before is looked up as usual and added.

Then cffi parses the libraries' C declarations (some 70 KB of header text) with pycparser, in pure
Python: about 0.1 s per build. The syntax tree depends on the text alone, so it is kept too, one
file per text, keyed by the text and the versions of cffi and pycparser. Only declarations are
kept: the type names cffi parses later (``char[4]``, an array of as many glyphs as a line holds)
are short, many and cheap, and would fill the folder.
"""

from __future__ import annotations

import ctypes.util
import hashlib
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from .. import model_cache
from ..config import Config

LINKER_CACHE = Path("/etc/ld.so.cache")
SEARCH_VARIABLES = ("LD_LIBRARY_PATH", "LIBRARY_PATH")
NAME = "native-libraries"
DECLARATIONS_FROM = 4096
"""Characters of C text from which a parse is kept: a library's declarations (cffi's ``cdef``), not the
type names cffi parses one by one (``ffi.new("char[]")``: a short name after a few hundred typedefs)."""


@contextmanager
def libraries_remembered(config: Config) -> Iterator[None]:
    """While inside, ``ctypes.util.find_library`` answers, and cffi's parser of C declarations parses,
    from the config's state folder what they answered and parsed before."""
    where = config.resolve(config.state) / "models"
    with ExitStack() as stack:
        stack.enter_context(_found_remembered(where))
        stack.enter_context(_declarations_remembered(where))
        yield


@contextmanager
def _found_remembered(where: Path) -> Iterator[None]:
    """Where there is no linker cache to key the answers by (not Linux with glibc), nothing changes."""
    if not LINKER_CACHE.is_file():
        yield
        return
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


@contextmanager
def _declarations_remembered(where: Path) -> Iterator[None]:
    import cffi
    from pycparser import __version__ as pycparser_version
    from pycparser.c_parser import CParser

    parse = CParser.parse

    def remembered(parser: CParser, text: str, filename: str = "", *args: object, **kwargs: object) -> object:
        if len(text) < DECLARATIONS_FROM or "__dummy(" in text:  # cffi's wrapper around a type name
            return parse(parser, text, filename, *args, **kwargs)
        digest = hashlib.sha256(f"{filename}\0{text}".encode()).hexdigest()[:32]
        return model_cache.kept(f"c-declarations-{digest}", (cffi.__version__, pycparser_version),
                                lambda: parse(parser, text, filename, *args, **kwargs), where)

    CParser.parse = remembered  # type: ignore[method-assign]
    try:
        yield
    finally:
        CParser.parse = parse  # type: ignore[method-assign]
