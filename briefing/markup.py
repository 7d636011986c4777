"""Markup inside a text source is text to strip, not to show.

A .txt or .md article copied from a web page may carry HTML: tags are removed, the content of
script, style and similar elements is dropped, comments vanish, and block elements (p, br, li,
h1…) become line breaks, so the sentence splitter sees paragraphs, never a tag.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9-]*|/[a-zA-Z][a-zA-Z0-9-]*|!--)[^>]*>?")
DROPPED = {"script", "style", "noscript", "template", "iframe", "object", "svg", "head", "title"}
BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
          "article", "header", "footer", "blockquote", "hr", "pre", "figure", "figcaption", "nav", "aside"}


def has_markup(text: str) -> bool:
    return TAG.search(text) is not None


def strip_markup(text: str) -> str:
    """The text without tags, with script/style content dropped; text without markup is returned as it is."""
    if not has_markup(text):
        return text
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    out = "".join(parser.parts)
    out = re.sub(r"[ \t]+\n", "\n", out)
    return re.sub(r"\n{3,}", "\n\n", out).strip() + "\n"


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # entities stay as written: the source is text
        self.parts: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in DROPPED:
            self.dropping += 1
        elif tag in BLOCKS:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in BLOCKS and not self.dropping:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED:
            self.dropping = max(0, self.dropping - 1)
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data)

    def handle_entityref(self, name: str) -> None:
        if not self.dropping:
            self.parts.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if not self.dropping:
            self.parts.append(f"&#{name};")
