"""Output formats as registered entries: each renders a Briefing to bytes.

``RENDERERS`` is the one list of formats; config checks and the CLI's ``--format`` ask it. An
add-on format is one more ``RENDERERS.add(Renderer(...))``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from functools import partial

from ..config import Config
from ..errors import RenderError
from ..model import Briefing
from ..registry import Ref, Registry, resolve


@dataclass
class Renderer:
    name: str
    suffix: str
    media_type: str
    func: Ref
    """``func(briefing, config) -> bytes`` (``func(briefing, config, prepared)`` with ``prepare``), or
    where to find it ("module:function")."""
    warm: Ref | None = None
    """``warm(config)``: work the first rendering in a process would do whatever the briefing (setting
    up fonts), done ahead while the sources are still being read; optional."""
    prepare: Ref | None = None
    """``prepare(briefing, config) -> str``: the part of the rendering that needs none of the renderer's
    own libraries (the HTML: Jinja and Babel, not WeasyPrint), done by the worker that assembled the
    briefing while this process still imports the renderer; ``func`` then gets it as a third
    argument. Optional: without it ``func(briefing, config)`` does everything."""
    native: bool = False
    """It loads C libraries through cffi (WeasyPrint: Pango; the DOCX's timeline: cairo): where they are
    and their declarations are remembered in the state folder (``libraries.py``)."""

    def render(self, briefing: Briefing, config: Config, prepared: str | None = None) -> bytes:
        if prepared is not None:
            return resolve(self.func)(briefing, config, prepared)
        return resolve(self.func)(briefing, config)

    def load(self) -> None:
        """Import the renderer and what it needs (WeasyPrint, python-docx) ahead of rendering."""
        resolve(self.func)


RENDERERS: Registry[Renderer] = Registry("output format", RenderError, [
    Renderer("json", ".json", "application/json", "briefing.render.json_file:render_json"),
    Renderer("html", ".html", "text/html", "briefing.render.html:render_html",
             prepare="briefing.render.html:render_html_page"),
    Renderer("pdf", ".pdf", "application/pdf", "briefing.render.pdf:render_pdf", "briefing.render.pdf:warm_up",
             prepare="briefing.render.html:render_html_text", native=True),
    Renderer("docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "briefing.render.docx:render_docx", native=True),
    Renderer("ics", ".ics", "text/calendar", "briefing.render.ics:render_ics"),
])


def get_renderer(name: str) -> Renderer:
    return RENDERERS.get(name)


def load_renderers(formats: list[str], config: Config) -> None:
    """Import the renderers this process will run, ahead of rendering (see pipeline.build); the regular
    expressions their libraries compile (WeasyPrint's CSS grammar: some 190) kept compiled in the state
    folder (pattern_cache.py)."""
    from ..pattern_cache import patterns_kept

    renderers = [get_renderer(name) for name in _here(formats)]
    with _native_libraries(renderers, config), patterns_kept("renderers", config.resolve(config.state) / "models"):
        for renderer in renderers:
            renderer.load()


def _native_libraries(renderers: list[Renderer], config: Config) -> AbstractContextManager[None]:
    """Where the renderers' C libraries are, remembered (``libraries.py``) while they are imported."""
    if not any(r.native for r in renderers):
        return nullcontext()
    from .libraries import libraries_remembered

    return libraries_remembered(config)


def warm_ups(formats: list[str], config: Config) -> list[Callable[[], object]]:
    """What the renderers this process will run can do ahead of the briefing (``Renderer.warm``), each
    a step for the time spent waiting for it (see pipeline.build)."""
    renderers = [get_renderer(name) for name in _here(formats)]
    return [partial(_warm, r, config) for r in renderers if r.warm is not None]


def _warm(renderer: Renderer, config: Config) -> None:
    resolve(renderer.warm)(config)  # type: ignore[arg-type]  # imported here, not where the steps are listed


def _here(formats: list[str]) -> list[str]:
    """The formats rendered in this process. With a PDF among other formats that is the PDF alone: the
    others are rendered in a worker (see ``render``), which imports python-docx and the rest while the
    PDF is made here."""
    from ..parallel import can_fork

    return ["pdf"] if "pdf" in formats and len(formats) > 1 and can_fork() else formats


def prepare(briefing: Briefing, formats: list[str], config: Config) -> dict[str, str]:
    """What the renderers of ``formats`` can make ahead from the briefing alone (``Renderer.prepare``):
    {format: prepared}. Run by the worker that assembles the briefing (see pipeline.build_many)."""
    prepared = {}
    for name in formats:
        renderer = get_renderer(name)
        if renderer.prepare is not None:
            with _template_errors(name):
                prepared[name] = resolve(renderer.prepare)(briefing, config)
    return prepared


def render(briefing: Briefing, formats: list[str], config: Config, stem: str,
           prepared: dict[str, str] | None = None) -> dict[str, bytes]:
    """Every requested format rendered in memory: {file name: bytes}, in the order asked; a format's
    ``prepared`` part (see ``prepare``) is used instead of being made again.

    The PDF (the slowest) is rendered here while a worker renders the other formats. A mistake
    in a user's template is reported as one line naming the format and the template.
    """
    from ..parallel import side_by_side

    ready = prepared or {}
    rest = [f for f in formats if f != "pdf"]
    if "pdf" in formats and rest:
        others, pdf = side_by_side(lambda: _render_each(briefing, rest, config, stem, ready),
                                   meanwhile=lambda: _render_each(briefing, ["pdf"], config, stem, ready))
        files = {**others, **pdf}
    else:
        files = _render_each(briefing, formats, config, stem, ready)
    names = [f"{stem}{get_renderer(name).suffix}" for name in formats]
    return {name: files[name] for name in names}


def _render_each(briefing: Briefing, formats: list[str], config: Config, stem: str,
                 prepared: dict[str, str]) -> dict[str, bytes]:
    files = {}
    renderers = [get_renderer(name) for name in formats]
    with _native_libraries(renderers, config):  # a renderer may import what it needs only now (the DOCX's cairosvg)
        for renderer in renderers:
            with _template_errors(renderer.name):
                files[f"{stem}{renderer.suffix}"] = renderer.render(briefing, config, prepared.get(renderer.name))
    return files


@contextmanager
def _template_errors(name: str) -> Iterator[None]:
    """A mistake in a user's template as one RenderError naming the format and the template."""
    try:
        yield
    except Exception as e:
        # A template error is Jinja's, so Jinja is imported by then; the PDF's process may never import it.
        jinja2 = sys.modules.get("jinja2")
        if jinja2 is None or not isinstance(e, jinja2.TemplateError):
            raise
        where = f"{e.filename}:{e.lineno}: " if isinstance(e, jinja2.TemplateSyntaxError) else ""
        raise RenderError(f"{name}: template error: {where}{e.message or e}") from None
