"""Where the templates and their files are: the user's folder first, the packaged defaults last.

Apart from the HTML renderer, so that the process that lays out the PDF from HTML made ahead
(``Renderer.prepare``) finds the stylesheet without importing Jinja and Babel.
"""

from __future__ import annotations

from pathlib import Path

from ..config import Config

PACKAGED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
if not PACKAGED_TEMPLATES.is_dir():  # an editable install: the repository's own templates/ folder
    PACKAGED_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


def template_dirs(config: Config) -> list[Path]:
    """Folders searched for templates, in order: the user's, then the packaged defaults."""
    dirs = []
    user = config.resolve(config.templates)
    if user and user.is_dir() and user.resolve() != PACKAGED_TEMPLATES.resolve():
        dirs.append(user.resolve())
    dirs.append(PACKAGED_TEMPLATES)
    return dirs
