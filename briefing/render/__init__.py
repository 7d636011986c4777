"""Output formats as registered entries: each renders a Briefing to bytes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..config import Config
from ..errors import RenderError
from ..model import Briefing


@dataclass
class Renderer:
    name: str
    suffix: str
    media_type: str
    render: Callable[[Briefing, Config], bytes]


RENDERERS: dict[str, Renderer] = {}


def register(name: str, suffix: str, media_type: str):
    """Decorator: register ``func(briefing, config) -> bytes`` as the renderer of ``name``."""
    def wrap(func: Callable[[Briefing, Config], bytes]) -> Callable[[Briefing, Config], bytes]:
        RENDERERS[name] = Renderer(name, suffix, media_type, func)
        return func
    return wrap


def get_renderer(name: str) -> Renderer:
    _load_builtins()
    try:
        return RENDERERS[name]
    except KeyError:
        raise RenderError(f"unknown output format {name!r} (known: {', '.join(sorted(RENDERERS))})") from None


def load_renderers(formats: list[str]) -> None:
    """Import the renderers and what they need (WeasyPrint, python-docx) ahead of rendering."""
    for name in formats:
        get_renderer(name)


def render(briefing: Briefing, formats: list[str], config: Config, stem: str) -> dict[str, bytes]:
    """Every requested format rendered in memory: {file name: bytes}, in the order asked.

    The PDF (the slowest) is rendered here while a worker renders the other formats. A mistake
    in a user's template is reported as one line naming the format and the template.
    """
    from ..parallel import side_by_side

    rest = [f for f in formats if f != "pdf"]
    if "pdf" in formats and rest:
        others, pdf = side_by_side(lambda: _render_each(briefing, rest, config, stem),
                                   meanwhile=lambda: _render_each(briefing, ["pdf"], config, stem))
        files = {**others, **pdf}
    else:
        files = _render_each(briefing, formats, config, stem)
    names = [f"{stem}{get_renderer(name).suffix}" for name in formats]
    return {name: files[name] for name in names}


def _render_each(briefing: Briefing, formats: list[str], config: Config, stem: str) -> dict[str, bytes]:
    import jinja2

    files = {}
    for name in formats:
        renderer = get_renderer(name)
        try:
            files[f"{stem}{renderer.suffix}"] = renderer.render(briefing, config)
        except jinja2.TemplateError as e:
            where = f"{e.filename}:{e.lineno}: " if isinstance(e, jinja2.TemplateSyntaxError) else ""
            raise RenderError(f"{name}: template error: {where}{e.message or e}") from None
    return files


def _load_builtins() -> None:
    # Importing a module registers its renderers.
    from . import docx, html, ics, json_file, pdf  # noqa: F401
