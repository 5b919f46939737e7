"""Read documents into clean text with a map back to source lines: the data model and plain text.

The kind of a document is sniffed from its name and content; HTML is read in html_text.py and
Wikipedia wikitext (bare or as the JSON pair `[title, wikitext]`) in wikitext.py.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from reconcile.core.patterns import MONTH, MONTHS, YEAR

_DATE_PATTERNS = (
    re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{MONTH}),?\s+(?P<y>{YEAR})\b"),
    re.compile(rf"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>{YEAR})\b"),
    re.compile(rf"\b(?P<y>{YEAR})-(?P<mm>\d\d)-(?P<d>\d\d)\b"),
)
_UPDATE_LINE_RE = re.compile(r"\b(?:updated?|modified|edited)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference in a document: where it closes the text it supports, and what it cites."""

    offset: int
    name: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    text: str = ""


@dataclass(frozen=True, slots=True)
class InfoboxField:
    """One filled infobox field: its name, the span of its value, and the reference on it."""

    name: str
    start: int
    end: int
    citation: Citation | None = None


@dataclass(slots=True)
class Document:
    """A document as clean text, with its metadata and a map from text offsets to lines."""

    name: str
    kind: str
    text: str
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    url: str | None = None
    # Where the text proper starts: figures in a header of `key: value` lines are not drafted.
    body_start: int = 0
    citations: list[Citation] = field(default_factory=list)
    fields: list[InfoboxField] = field(default_factory=list)
    anchors: list[tuple[int, int]] = field(default_factory=list)
    # Spans the document itself dates: (start, end, year), e.g. a picture's caption by the year
    # in the picture's file name ("parade in Baku, 2013.JPG").
    dated: list[tuple[int, int, str]] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def line_at(self, offset: int) -> int:
        """The 1-based source line of a text offset."""
        if not self.anchors:
            if not self._line_starts:
                self._line_starts = [m.end() for m in re.finditer("\n", self.text)]
            return bisect.bisect_right(self._line_starts, offset) + 1
        index = bisect.bisect_right(self.anchors, (offset, 1 << 60)) - 1
        if index < 0:
            return 1
        clean, line = self.anchors[index]
        return line + self.text.count("\n", clean, offset)


# A saved article may open with `key: value` lines (url:, published:, outlet:, ...).
_HEADER_LINE_RE = re.compile(
    r"(?P<key>url|published|date|outlet|publisher|source|title|author):[ \t]*(?P<value>[^\n]*)\n",
    re.IGNORECASE,
)


def parse_text(name: str, raw: str) -> Document:
    """Plain text: the text is the source itself; the date is read from the first lines.

    A header of `url:`, `published:`, `outlet:` (or `publisher:`) and `title:` lines, as saved
    articles often carry, gives the document's address, date and outlet.
    """
    header, body_start = read_header(raw)
    published = find_published_date(header.get("published") or header.get("date") or "")
    return Document(
        name=name,
        kind="text",
        text=raw,
        title=header.get("title"),
        published=published or find_published_date(raw[body_start:]),
        publisher=header.get("outlet") or header.get("publisher") or header.get("source"),
        url=header.get("url"),
        body_start=body_start,
    )


def read_header(raw: str) -> tuple[dict[str, str], int]:
    """The `key: value` lines at the top of a text, and the offset after them."""
    header: dict[str, str] = {}
    at = 0
    while match := _HEADER_LINE_RE.match(raw, at):
        value = match.group("value").strip()
        if value and value.lower() not in {"unknown", "n/a", "none", "-"}:
            header[match.group("key").lower()] = value
        at = match.end()
    return header, at


def find_published_date(text: str) -> date | None:
    """The first date in the head of a text, skipping 'Last update' lines (bylines win)."""
    for line in text[:1500].splitlines()[:15]:
        if _UPDATE_LINE_RE.search(line):
            continue
        for pattern in _DATE_PATTERNS:
            match = pattern.search(line)
            if match:
                found = _date_of(match)
                if found:
                    return found
    return None


def _date_of(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = int(groups["mm"]) if groups.get("mm") else MONTHS.get(groups["m"].lower().rstrip("."))
    try:
        return date(int(groups["y"]), month or 1, int(groups["d"]))
    except ValueError:
        return None
