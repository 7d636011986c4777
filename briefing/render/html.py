"""The briefing as HTML from Jinja2 templates: the user's template folder first, packaged defaults last."""

from __future__ import annotations

import hashlib
import logging
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .. import model_cache
from ..config import Config
from ..errors import RenderError
from ..labels import format_day
from ..model import Briefing
from .folders import PACKAGED_TEMPLATES, template_dirs
from .timeline import build_timeline
from .view import make_view

log = logging.getLogger(__name__)


def css_string(value: object) -> Markup:
    """``value`` as a quoted CSS string in which every character but letters, digits and spaces
    is a hex escape, so no text (a marking from the config, a title) can end the string, the
    rule or the <style> element."""
    out = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in str(value))
    return Markup(f'"{out}"')


OPTIONS = {"autoescape": True, "undefined": jinja2.StrictUndefined, "trim_blocks": True, "lstrip_blocks": True}
"""How the templates are read: part of the key of their compiled code kept in the state folder."""


def environment(config: Config) -> jinja2.Environment:
    """The template environment of the config's template folders: one per process, so each template
    is compiled once (Jinja recompiles one whose file has changed since). In a build, which keeps
    models in the state folder (model_cache), the compiled templates are kept there too: a process
    reads a template's code back instead of compiling it."""
    return _environment(tuple(template_dirs(config)), model_cache.folder())


@lru_cache(maxsize=8)
def _environment(dirs: tuple[Path, ...], models: Path | None) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader([str(d) for d in dirs]),
        jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(PACKAGED_TEMPLATES))}, delimiter=":"),
    ])
    env = jinja2.Environment(loader=loader, bytecode_cache=_compiled_templates(models), **OPTIONS)
    env.filters["day"] = format_day
    env.filters["css_string"] = css_string
    return env


def _compiled_templates(models: Path | None) -> jinja2.BytecodeCache | None:
    """Jinja's cache of compiled templates in the models folder. Jinja keys each file by the template's
    name and path and checks its source's digest when reading it back; the folder's name holds Jinja's
    version and OPTIONS, which the code compiled depends on too."""
    if models is None:
        return None
    key = hashlib.sha256(repr((jinja2.__version__, sorted(OPTIONS.items()))).encode()).hexdigest()[:16]
    folder = models / f"templates-{key}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:  # a state folder we may not write to costs speed, not the build
        log.warning("cannot keep compiled templates in %s (%s)", folder, e.strerror or e)
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def render_html_text(briefing: Briefing, config: Config, template: str = "briefing.html",
                     inline_css: bool = False) -> str:
    """The HTML; with ``inline_css`` the stylesheet is copied in, so the file stands on its own."""
    env = environment(config)
    try:
        tpl = env.get_template(template)
    except jinja2.TemplateNotFound:
        searched = ", ".join(str(d) for d in template_dirs(config))
        raise RenderError(f"template {template!r} not found (searched: {searched})") from None
    view = make_view(briefing, config)
    timeline = build_timeline(briefing.upcoming, briefing.as_of, view.lang, view.labels["timeline_alt"])
    # The SVG is built by our own code with every source text escaped; only it is marked safe.
    svg = Markup(timeline.svg) if timeline else None
    css = _stylesheet(config) if inline_css else None
    return tpl.render(b=briefing, L=view.labels, lang=view.lang, v=view, timeline_svg=svg,
                      timeline_alt=timeline.alt if timeline else "", inline_css=css)


def _stylesheet(config: Config) -> Markup | None:
    """briefing.css from the first template folder that has one (the user's own file: trusted)."""
    for folder in template_dirs(config):
        path = folder / "briefing.css"
        if path.is_file():
            # "</" cannot end the <style> element early; CSS needs no such sequence.
            return Markup(path.read_text(encoding="utf-8").replace("</", "<\\/"))
    return None


def render_html_page(briefing: Briefing, config: Config) -> str:
    """The HTML file's text: the stylesheet copied in (``Renderer.prepare`` of the html format)."""
    return render_html_text(briefing, config, inline_css=True)


def render_html(briefing: Briefing, config: Config, page: str | None = None) -> bytes:
    return (page if page is not None else render_html_page(briefing, config)).encode("utf-8")
