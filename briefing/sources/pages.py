"""Taking the article out of a news page with trafilatura: text, title, author and publication date.

Navigation, ads, comments and scripts are left behind; nothing on the page is run or fetched.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura

from .fetch import FetchError

log = logging.getLogger(__name__)

MIN_TEXT = 80
"""Fewer characters than this is a page with no article (a cookie wall, an index page)."""


@dataclass
class Article:
    text: str
    title: str | None
    author: str | None
    outlet: str | None
    published: str | None
    """YYYY-MM-DD as the page states it (meta data, markup, URL), or None."""


def extract_article(body: bytes, url: str) -> Article:
    """The page's article; FetchError('no_text') when it has none."""
    found = trafilatura.bare_extraction(body, url=url, with_metadata=True, include_comments=False,
                                        include_tables=False, include_images=False)
    text = (found.text or "").strip() if found else ""
    if len(text) < MIN_TEXT:
        raise FetchError("no_text")
    return Article(text=text, title=found.title or None, author=found.author or None,
                   outlet=found.sitename or None, published=(found.date or None) and found.date[:10])
