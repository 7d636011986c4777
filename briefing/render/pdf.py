"""The briefing as PDF: the HTML rendered by WeasyPrint, fetching only the template folders' files."""

from __future__ import annotations

import logging
import mimetypes
import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..config import Config
from ..model import Briefing
from .folders import template_dirs

log = logging.getLogger(__name__)

MAX_ASSET_BYTES = 5 * 1024 * 1024


class AssetFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves files under the template folders and refuses the rest.

    Nothing else is fetched: no network, no file:// path outside those folders, no file over
    MAX_ASSET_BYTES. Every refused URL is kept in ``refused``, every served one in ``served`` (the tests read them).
    """

    def __init__(self, folders: list[Path]) -> None:
        super().__init__(allowed_protocols=("file",))
        self.folders = [f.resolve() for f in folders]
        self.refused: list[str] = []
        self.served: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        parsed = urlparse(url)
        path = self._find(Path(unquote(parsed.path))) if parsed.scheme == "file" else None
        if path is not None:
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self.served.append(url)
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
        self.refused.append(url)
        log.info("refused to fetch %s", url)
        raise ValueError(f"refused to fetch {url}: only the template folders' own files are served")

    def _find(self, asked: Path) -> Path | None:
        """The file under a template folder, searched like the templates are: a relative path the
        user's folder lacks (its briefing.css, say) is taken from the next folder."""
        asked = Path(os.path.normpath(asked))  # no ".." left to climb out with
        for folder in self.folders:
            if asked.is_relative_to(folder):
                relative = asked.relative_to(folder)
                break
        else:
            return None
        for folder in self.folders:
            path = (folder / relative).resolve()  # symlinks followed, then checked again
            if path.is_relative_to(folder) and path.is_file() and path.stat().st_size <= MAX_ASSET_BYTES:
                return path
        return None


def write_pdf(briefing: Briefing, config: Config, html: str | None = None) -> tuple[bytes, AssetFetcher]:
    """The PDF and the fetcher that served it (its ``refused`` list says what was kept out); ``html``
    is the briefing's HTML when it was made ahead (``render_html_text``).

    Tagged PDF/UA-1 by default; with ``pdf_attach_json`` a tagged PDF/A-3 (level A) carrying the
    briefing's JSON as an attachment, since PDF/A-3 is the variant that allows embedded files.
    """
    import weasyprint

    folders = template_dirs(config)
    fetcher = AssetFetcher(folders)
    if html is None:
        html = html_of(briefing, config)
    document_html = weasyprint.HTML(string=html, base_url=folders[0].as_uri() + "/", url_fetcher=fetcher)
    options: dict = {"pdf_variant": _variant(config), "uncompressed_pdf": False}
    if config.pdf_attach_json:
        from .json_file import render_json

        options["attachments"] = [weasyprint.Attachment(
            string=render_json(briefing, config), name="briefing.json", url_fetcher=fetcher,
            description="The briefing as JSON", relationship="Data")]
    document = document_html.render()
    data = document.write_pdf(**options)
    log.info("PDF: %d pages, %d bytes", len(document.pages), len(data))
    return data, fetcher


def html_of(briefing: Briefing, config: Config) -> str:
    """The briefing's HTML, when it was not made ahead: the HTML renderer is imported only then, so the
    process that lays out HTML made ahead imports neither Jinja nor Babel."""
    from .html import render_html_text

    return render_html_text(briefing, config)


def render_pdf(briefing: Briefing, config: Config, html: str | None = None) -> bytes:
    return write_pdf(briefing, config, html)[0]


def _variant(config: Config) -> str:
    return "pdf/a-3a" if config.pdf_attach_json else "pdf/ua-1"


WARM_UP_HTML = ('<html lang="de"><head><link rel="stylesheet" href="briefing.css"></head>'
                "<body><h1>Lage</h1><p>Ein Satz, <b>fett</b> und <i>kursiv</i>.</p></body></html>")
"""A few words under the templates' stylesheet: enough to set up what WeasyPrint sets up once per process."""


def warm_up(config: Config) -> None:
    """What the first PDF of a process costs whatever the briefing, done ahead (``Renderer.warm``): a few
    words laid out and written with the templates' stylesheet (fonts found and read, the text shaper's
    and the font subsetter's first calls), the PDF thrown away. The template is not compiled here: the
    worker that assembles the briefing renders its HTML (``Renderer.prepare``)."""
    import weasyprint

    folders = template_dirs(config)
    document = weasyprint.HTML(string=WARM_UP_HTML, base_url=folders[0].as_uri() + "/",
                               url_fetcher=AssetFetcher(folders)).render()
    document.write_pdf(pdf_variant=_variant(config), uncompressed_pdf=False)
