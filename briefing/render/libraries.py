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
are short and many, and would fill the folder. Each new one still costs a parse of a few
milliseconds (pycparser reads a typedef line for each of the hundreds of types declared), and
subsetting the fonts of every PDF asks for a dozen new arrays: an array of a named type is made
from that type instead (``_arrays_of_named_types``).
"""

from __future__ import annotations

import ctypes.util
import hashlib
import os
import re
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
        stack.enter_context(_arrays_of_named_types())
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


ARRAY_TYPE = re.compile(r"\s*([A-Za-z_]\w*)\s*\[\s*([1-9][0-9]*|0)\s*\]\s*")
"""``hb_codepoint_t[412]``: a type's name and a decimal length (as cffi reads a constant that starts with
a digit other than 0), the array type WeasyPrint asks for when it subsets a font."""


@contextmanager
def _arrays_of_named_types() -> Iterator[None]:
    """While inside, cffi makes the type ``T[N]`` as pycparser's reading would: the array of N of the
    type ``T`` (parsed once per parser), without a parse of its own. Any other type name is parsed
    as before."""
    from cffi import model
    from cffi.cparser import Parser

    parse_type = Parser.parse_type

    def array_or_parsed(parser: Parser, cdecl: str) -> object:
        found = ARRAY_TYPE.fullmatch(cdecl) if isinstance(cdecl, str) else None
        if found is None:
            return parse_type(parser, cdecl)
        items = parser.__dict__.setdefault("_named_items", {})
        if found[1] not in items:
            items[found[1]] = parse_type(parser, found[1])
        return model.ArrayType(items[found[1]], int(found[2]))

    Parser.parse_type = array_or_parsed  # type: ignore[method-assign]
    try:
        yield
    finally:
        Parser.parse_type = parse_type  # type: ignore[method-assign]
