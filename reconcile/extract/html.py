"""Read HTML into its article text, with source lines, the date, outlet and address.

trafilatura (the usual article extractor) decides which blocks are the article and reads the
page's metadata; the visible text is collected here so that every offset keeps its source
line. Blocks trafilatura leaves out (menus, footers, related links) are blanked, not removed,
so offsets and lines stay true.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

from .documents import Document, InfoboxField, find_published_date

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "figcaption", "pre",
}  # fmt: skip
_CELL_TAGS = {"td", "th"}
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
        self.tables = _Tables()

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
        elif tag in _CELL_TAGS and not self.skip:
            if self.tables.row:
                self._add(" | ")  # a row is one line: "Estonia | €1.6 billion | 3.4%"
            self.tables.open_cell(tag, self.length)
        elif tag in _BLOCK_TAGS:
            if tag == "tr":
                self.tables.open_row()
            elif tag == "table":
                self.tables.header = []
            self._add("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _CELL_TAGS and not self.skip:
            self.tables.close_cell(self.length, "".join(self.parts))
        elif tag in _BLOCK_TAGS:
            if tag == "tr":
                self.tables.close_row()
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


class _Tables:
    """The cells of the tables read so far: each data cell is a field named by its column's
    header ("Share of GDP"), as an infobox field is named by its key."""

    def __init__(self) -> None:
        self.header: list[str] = []
        self.row: list[tuple[str, int, int]] = []  # (tag, start, end) of the row's cells
        self.kind = ""
        self.start = 0
        self.fields: list[tuple[str, int, int]] = []  # (header, start, end)
        self.texts: list[str] = []

    def open_row(self) -> None:
        self.row, self.texts = [], []

    def open_cell(self, tag: str, at: int) -> None:
        self.kind, self.start = tag, at

    def close_cell(self, at: int, text: str) -> None:
        self.row.append((self.kind, self.start, at))
        self.texts.append(" ".join(text[self.start : at].split()))

    def close_row(self) -> None:
        headed = all(kind == "th" for kind, _, _ in self.row)
        if self.row and (headed or not self.header):
            self.header = list(self.texts)  # the column names: a row of <th>, else the first
        else:
            for index, (_, start, end) in enumerate(self.row):
                if 0 < index < len(self.header) and self.header[index]:
                    self.fields.append((self.header[index], start, end))
        self.row = []


def parse_html(name: str, raw: str) -> Document:
    """HTML: visible text in blocks, the date and publisher from meta tags when present."""
    parser = _HtmlText()
    parser.feed(raw)
    parser.close()
    text = re.sub(r"\n[ \t]*(?=\n)", "\n", "".join(parser.parts))
    # Offsets move when blank runs collapse; rebuild anchors against the collapsed text.
    joined = "".join(parser.parts)
    anchors = _remap_anchors(joined, text, parser.anchors)
    fields = _table_fields(joined, text, parser.tables.fields)
    text = _blank_boilerplate(text, _article_words(raw))
    meta = parser.meta
    found = _page_metadata(raw)
    published = None
    for key in ("article:published_time", "date", "dc.date", "datepublished", "time"):
        if key in meta:
            try:
                published = date.fromisoformat(meta[key][:10])
                break
            except ValueError:
                continue
    if published is None and found.get("date"):
        published = find_published_date(found["date"])
    title = meta.get("og:title") or " ".join("".join(parser.title).split()) or found.get("title")
    return Document(
        name=name,
        kind="html",
        text=text,
        title=title or None,
        published=published or find_published_date(text),
        publisher=meta.get("og:site_name") or found.get("sitename") or None,
        url=meta.get("og:url") or found.get("url") or None,
        anchors=anchors,
        fields=fields,
    )


def _table_fields(before: str, after: str, cells: list[tuple[str, int, int]]) -> list[InfoboxField]:
    """The data cells of the page's tables as fields named by their column headers, at their
    offsets in the collapsed text."""
    if not cells:
        return []
    points = [(start, 0) for _, start, _ in cells] + [(end, 0) for _, _, end in cells]
    mapped = [o for o, _ in _remap_anchors(before, after, points)]
    n = len(cells)
    return [
        InfoboxField(header, mapped[i], mapped[n + i]) for i, (header, _, _) in enumerate(cells)
    ]


def _article_words(raw: str) -> set[str] | None:
    """The words of the page's main text as trafilatura extracts it (None: keep every block)."""
    try:
        import trafilatura
    except ImportError:  # an optional speed-up of the install; every block is then kept
        return None
    main = trafilatura.extract(raw, favor_recall=True, include_tables=True)
    return set(re.findall(r"\w+", main.lower())) if main and len(main) > 200 else None


def _blank_boilerplate(text: str, words: set[str] | None) -> str:
    """Blank the lines whose words are mostly not in the article (same length, same lines)."""
    if not words:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        tokens = re.findall(r"\w+", line.lower())
        if tokens and sum(t in words for t in tokens) < len(tokens) / 2:
            lines[index] = " " * len(line)
    return "\n".join(lines)


def _page_metadata(raw: str) -> dict[str, str]:
    """Title, date, site name and address from trafilatura's metadata reader, if installed."""
    try:
        import trafilatura
    except ImportError:
        return {}
    found = trafilatura.extract_metadata(raw)
    if found is None:
        return {}
    return {k: str(v) for k, v in found.as_dict().items() if isinstance(v, str) and v}


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
