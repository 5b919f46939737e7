"""Read HTML into its visible text, with source lines, the date and the publisher from meta tags."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

from .documents import Document, find_published_date

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "figcaption", "td", "th", "pre",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "head", "svg", "nav", "template"}


class _HtmlText(HTMLParser):
    """Collect visible text with the source line of each piece, and the page metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.anchors: list[tuple[int, int]] = []
        self.skip = 0
        self.meta: dict[str, str] = {}
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop")
            if key and values.get("content"):
                self.meta[key.lower()] = values["content"]
        elif tag == "time" and values.get("datetime"):
            self.meta.setdefault("time", values["datetime"])
        elif tag == "title":
            self.in_title = True
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self._add("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self._add("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.skip or not data:
            return
        self.anchors.append((self.length, self.getpos()[0]))
        self._add(re.sub(r"[ \t\n]+", " ", data))

    def _add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)


def parse_html(name: str, raw: str) -> Document:
    """HTML: visible text in blocks, the date and publisher from meta tags when present."""
    parser = _HtmlText()
    parser.feed(raw)
    parser.close()
    text = re.sub(r"\n[ \t]*(?=\n)", "\n", "".join(parser.parts))
    # Offsets move when blank runs collapse; rebuild anchors against the collapsed text.
    joined = "".join(parser.parts)
    anchors = _remap_anchors(joined, text, parser.anchors)
    meta = parser.meta
    published = None
    for key in ("article:published_time", "date", "dc.date", "datepublished", "time"):
        if key in meta:
            try:
                published = date.fromisoformat(meta[key][:10])
                break
            except ValueError:
                continue
    title = meta.get("og:title") or " ".join("".join(parser.title).split()) or None
    return Document(
        name=name,
        kind="html",
        text=text,
        title=title,
        published=published or find_published_date(text),
        publisher=meta.get("og:site_name"),
        anchors=anchors,
    )


def _remap_anchors(
    before: str, after: str, anchors: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    if before == after:
        return anchors
    # Map each offset of `before` to `after` by walking both strings once.
    mapping: list[int] = []
    j = 0
    for char in before:
        mapping.append(j)
        if j < len(after) and after[j] == char:
            j += 1
    return [(mapping[o] if o < len(mapping) else len(after), line) for o, line in anchors]
