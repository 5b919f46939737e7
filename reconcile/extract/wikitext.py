"""Read Wikipedia wikitext into clean text with citations, infobox fields and a line map.

Wikitext comes bare or as the JSON pair `[title, wikitext]`; its mangled markup (`< ref >`,
`< /ref >`, `& nbsp;`) is repaired before mwparserfromhell reads it. References become
`Citation` records at the offset where they close the text they support; infobox fields become
`name = value` lines with their own spans and citations.
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from typing import Any

from reconcile.core.patterns import MONTHS, YEAR

from .documents import Citation, Document, InfoboxField, find_published_date

_TAG_NAMES = (
    "ref|references|br|small|big|sup|sub|span|div|center|nowiki|blockquote|poem|gallery|u|s|"
    "abbr|code|math|includeonly|noinclude|onlyinclude|syntaxhighlight|source|p|i|b"
)
_MANGLED_TAG_RE = re.compile(rf"<[ \t]*(/?)[ \t]*({_TAG_NAMES})\b([^<>\n]*?)[ \t]*(/?)[ \t]*>")
_MANGLED_ATTR_RE = re.compile(r"[ \t]*=[ \t]*\"[ \t]*([^\"]*?)[ \t]*\"")
_MANGLED_COMMENT_RE = re.compile(r"<[ \t]*!--(.*?)--[ \t]*>", re.DOTALL)
_MANGLED_ENTITY_RE = re.compile(r"&[ \t]+([a-zA-Z]+|#\d+);")
_FILE_OPTION_RE = re.compile(
    r"^(?:thumb|thumbnail|frame|frameless|border|right|left|center|none|upright(?:=.*)?|"
    r"\d*x?\d+px|alt=.*|link=.*|class=.*|lang=.*|page=.*)$",
    re.IGNORECASE,
)
# A year in a picture's file name, not part of a longer number ("Parade 2013.jpg").
_FILE_YEAR_RE = re.compile(rf"(?<![\d])({YEAR})(?![\d])")
_REVISION_DATE_RE = re.compile(
    rf"\{{\{{\s*use (?:dmy|mdy) dates\s*\|[^}}]*?date\s*=\s*(\w+)\s+({YEAR})", re.IGNORECASE
)


def repair_wikitext(text: str) -> str:
    """Undo mangled markup (`< ref name= " x " >`, `< /ref >`, `& nbsp;`) without moving lines."""

    def tag(match: re.Match[str]) -> str:
        closing, name, attrs, self_closing = match.groups()
        attrs = _MANGLED_ATTR_RE.sub(lambda m: f'="{m.group(1)}"', attrs).rstrip()
        attrs = re.sub(r"[ \t]*=[ \t]*", "=", attrs)
        if attrs.endswith("/"):
            attrs, self_closing = attrs[:-1].rstrip(), "/"
        attrs = f" {attrs.strip()}" if attrs.strip() else ""
        return f"<{closing}{name}{attrs}{' /' if self_closing else ''}>"

    text = _MANGLED_COMMENT_RE.sub(lambda m: f"<!--{m.group(1)}-->", text)
    text = _MANGLED_TAG_RE.sub(tag, text)
    return _MANGLED_ENTITY_RE.sub(lambda m: f"&{m.group(1)};", text)


class _WikiBuilder:
    """Render wikitext nodes to clean text, recording citations, infobox fields and anchors."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
        self.parts: list[str] = []
        self.length = 0
        self.anchors: list[tuple[int, int]] = []
        self.cursor = 0
        self.citations: list[Citation] = []
        self.named: dict[str, Citation] = {}
        self.fields: list[InfoboxField] = []
        self.notes: list[str] = []
        self.dated: list[tuple[int, int, str]] = []
        self.header: list[str] = []  # the column names of the table being read
        self.row: list[tuple[str, int, int]] = []  # (tag, start, end) of its row's cells

    def add(self, text: str, source_hint: str | None = None) -> None:
        if not text:
            return
        if source_hint:
            position = self.source.find(source_hint, self.cursor)
            if position >= 0:
                self.cursor = position + len(source_hint)
                self.anchors.append((self.length, self._line_of(position)))
        self.parts.append(text)
        self.length += len(text)

    def _line_of(self, position: int) -> int:
        return bisect.bisect_right(self.line_starts, position)

    def render(self, nodes: Any) -> None:
        """Render a node list (a Wikicode) into the text."""
        for node in nodes.nodes:
            self.render_node(node)

    def render_node(self, node: Any) -> None:
        import mwparserfromhell.nodes as n

        if isinstance(node, n.Text):
            self.add(node.value, node.value)
        elif isinstance(node, n.Wikilink):
            self._render_link(node)
        elif isinstance(node, n.Template):
            self._render_template(node)
        elif isinstance(node, n.Tag):
            self._render_tag(node)
        elif isinstance(node, n.HTMLEntity):
            self.add(" " if node.value in {"nbsp", "#160"} else node.normalize())
        elif isinstance(node, n.Heading):
            self.add("\n")
            self.render(node.title)
            self.add("\n")
        elif isinstance(node, n.ExternalLink) and node.title is not None:
            self.render(node.title)

    def _render_link(self, node: Any) -> None:
        title = str(node.title).strip()
        prefix = title.split(":", 1)[0].strip().lower() if ":" in title else ""
        if prefix in {"file", "image"}:
            caption = _file_caption(node.text)
            if caption and not _FILE_OPTION_RE.match(caption.strip()):
                # The caption is a statement of its own: give it its own paragraph.
                import mwparserfromhell

                self.add("\n")
                start = self.length
                self.render(mwparserfromhell.parse(caption))
                year = _FILE_YEAR_RE.search(title)
                if year:
                    self.dated.append((start, self.length, year.group(1)))
                self.add("\n")
            return
        if prefix in {"category"} or re.match(r"^[a-z]{2,3}$", prefix):
            return
        if node.text is not None:
            self.render(node.text)
        else:
            self.add(title.lstrip(":"), title)

    def _render_template(self, node: Any) -> None:
        name = str(node.name).strip().lower()
        if name.startswith("infobox"):
            self._render_infobox(node)
        elif name in {"convert", "cvt"}:
            self.add(expand_convert([str(p.value).strip() for p in node.params]))
        elif name.startswith("lang-") and node.params:
            self.render(node.params[-1].value)
        elif name in {"nowrap", "nobr", "small", "big"} and node.params:
            self.render(node.params[0].value)
        elif name in {"nbsp", "spaces"}:
            self.add(" ")
        elif name in {"ndash", "snd", "en dash"}:
            self.add("–")
        elif name == "!":
            self.add("|")

    def _render_infobox(self, node: Any) -> None:
        import mwparserfromhell.nodes as n

        for param in node.params:
            key = str(param.name).strip()
            value = param.value
            refs = [t for t in value.nodes if isinstance(t, n.Tag) and str(t.tag) == "ref"]
            rendered = _WikiBuilder(self.source)
            rendered.named = self.named
            rendered.render(value)
            text = " ".join("".join(rendered.parts).split())
            if not text or key.lower() in {"image", "image_size", "alt", "caption", "website"}:
                continue
            self.add("\n")
            start = self.length + len(key) + 3
            self.add(f"{key} = {text}", str(param.name))
            citation = None
            for ref in refs:
                citation = self._citation_of(ref, self.length)
            self.fields.append(InfoboxField(key, start, self.length, citation))
            if citation:
                self.citations.append(citation)
        self.add("\n")

    def _render_tag(self, node: Any) -> None:
        tag = str(node.tag).lower()
        if tag == "ref":
            citation = self._citation_of(node, self.length)
            if citation:
                self.citations.append(citation)
            return
        if tag in {"references", "gallery", "math", "nowiki", "syntaxhighlight", "source"}:
            return
        if tag == "br":
            self.add("\n")
            return
        if tag == "table":
            self.header = []
        elif tag == "tr" and self.row:
            self._close_row()  # the header row before the first "|-" has no row of its own
        start = self.length
        if node.contents is not None:
            self.render(node.contents)
        if tag in {"td", "th"}:
            self.row.append((tag, start, self.length))
        elif tag == "tr":
            self._close_row()

    def _close_row(self) -> None:
        """A table row: a row of headers names the columns; each data cell below is a field
        named by its column ("Share of GDP"), as an infobox field is by its key."""
        row, self.row = self.row, []
        text = "".join(self.parts)
        names = [" ".join(text[a:b].split()) for _, a, b in row]
        if row and (all(kind == "th" for kind, _, _ in row) or not self.header):
            self.header = names
            return
        for index, (_, a, b) in enumerate(row):
            if 0 < index < len(self.header) and self.header[index]:
                self.fields.append(InfoboxField(self.header[index], a, b))

    def _citation_of(self, node: Any, offset: int) -> Citation | None:
        name = None
        if node.has("name"):
            name = " ".join(str(node.get("name").value).split()).strip("\"' ")
        if node.contents is None or not str(node.contents).strip():
            first = self.named.get(name or "")
            # A reused named ref points to the first definition of that name.
            return Citation(offset, name, first.fields, first.text) if first else None
        citation = _read_citation(node.contents, offset, name, self)
        if name and name not in self.named:
            self.named[name] = citation
        return citation


def _file_caption(text: Any) -> str:
    """The caption of a file link: what follows its last top-level `|`."""
    import mwparserfromhell.nodes as n

    caption = ""
    for node in text.nodes if text is not None else []:
        value = str(node)
        if isinstance(node, n.Text) and "|" in value:
            caption = value.rsplit("|", 1)[1]
        else:
            caption += value
    return caption


def _read_citation(contents: Any, offset: int, name: str | None, builder: _WikiBuilder) -> Citation:
    """The cited work's fields (from cite templates and links) and the ref's own prose."""
    import mwparserfromhell.nodes as n

    fields: dict[str, str] = {}
    prose: list[str] = []
    for node in contents.nodes:
        if isinstance(node, n.Template):
            template = str(node.name).strip().lower()
            if template.startswith(("cite", "citation")):
                written = find_published_date("".join(prose)) if not fields else None
                if written:
                    # "Jane's ..., dated 18 June 2009, and {{cite journal|year=2008}}": the
                    # work the ref names first, in its own words, is the one it cites first.
                    fields["prose-date"] = written.isoformat()
                for param in node.params:
                    key = str(param.name).strip().lower()
                    value = " ".join(_plain(param.value).split())
                    if value and key not in fields:
                        fields[key] = value
        elif isinstance(node, n.ExternalLink):
            fields.setdefault("url", str(node.url))
            if node.title is not None:
                fields.setdefault("title", " ".join(_plain(node.title).split()))
        elif isinstance(node, (n.Text, n.Wikilink, n.HTMLEntity, n.Tag)):
            prose.append(_plain_node(node))
    text = " ".join("".join(prose).split())
    if len(re.findall(r"[A-Za-z]{2,}", text)) >= 5:
        # An explanatory footnote after the citation: its figures belong to the cited work.
        builder.notes.append(text)
    return Citation(offset, name, fields, text)


def _plain(code: Any) -> str:
    return "".join(_plain_node(node) for node in code.nodes)


def _plain_node(node: Any) -> str:
    import mwparserfromhell.nodes as n

    if isinstance(node, n.Text):
        return str(node.value)
    if isinstance(node, n.Wikilink):
        return _plain(node.text) if node.text is not None else str(node.title)
    if isinstance(node, n.HTMLEntity):
        return " " if node.value in {"nbsp", "#160"} else str(node.normalize())
    if isinstance(node, n.ExternalLink):
        return str(node.url)
    if isinstance(node, n.Tag) and node.contents is not None and str(node.tag) != "ref":
        return _plain(node.contents)
    return ""


def expand_convert(params: list[str]) -> str:
    """{{convert|6000|km|mi}} -> "6000 km"; {{convert|70|to|90|km}} -> "70–90 km"."""
    if len(params) >= 4 and params[1] in {"-", "–", "to", "and", "or"}:
        joiner = "–" if params[1] in {"-", "–"} else f" {params[1]} "
        return f"{params[0]}{joiner}{params[2]} {params[3]}"
    if len(params) >= 2:
        return f"{params[0]} {params[1]}"
    return params[0] if params else ""


def _paragraphs(source: str) -> list[str]:
    """Split at blank lines, keeping templates and refs that span a blank line together."""
    chunks: list[str] = []
    pending = ""
    for piece in re.split(r"(?<=\n)(?=[ \t]*\n)", source):
        pending += piece
        if pending.count("{{") <= pending.count("}}") and pending.count("<ref") <= (
            pending.count("</ref>") + pending.count("/>")
        ):
            chunks.append(pending)
            pending = ""
    if pending:
        chunks.append(pending)
    return chunks


def parse_wikitext(name: str, wikitext: str, *, title: str | None = None) -> Document:
    """Wikitext: repaired, parsed with mwparserfromhell, rendered to text with citations."""
    import mwparserfromhell

    source = repair_wikitext(wikitext)
    builder = _WikiBuilder(source)
    for tag in mwparserfromhell.parse(source).filter_tags(matches=lambda t: t.tag == "ref"):
        # Named refs may be reused before their definition: read every definition first.
        if tag.has("name") and tag.contents is not None and str(tag.contents).strip():
            ref_name = " ".join(str(tag.get("name").value).split()).strip("\"' ")
            if ref_name not in builder.named:
                builder.named[ref_name] = _read_citation(
                    tag.contents, 0, ref_name, _WikiBuilder("")
                )
    for chunk in _paragraphs(source):
        builder.notes = []
        builder.render(mwparserfromhell.parse(chunk))
        for note in builder.notes:
            # Footnote prose goes right after its paragraph, citing the same work.
            builder.add("\n")
            builder.add(note, note[:40])
            cited = [c for c in builder.citations if c.text == note]
            if cited:
                builder.citations.append(Citation(builder.length, cited[-1].name, cited[-1].fields))
            builder.add("\n")
    text = "".join(builder.parts)
    revision = _REVISION_DATE_RE.search(source)
    published = None
    if revision:
        published = date(int(revision.group(2)), MONTHS.get(revision.group(1).lower(), 1), 1)
    return Document(
        name=name,
        kind="wikitext",
        text=text,
        title=title,
        published=published,
        publisher="Wikipedia",
        citations=sorted(builder.citations, key=lambda c: c.offset),
        fields=builder.fields,
        anchors=builder.anchors,
        dated=builder.dated,
    )
