"""Read a document file of any kind: the kind is sniffed from its name and content."""

from __future__ import annotations

import json
import re
from pathlib import Path

from reconcile.core.errors import InputError

from .documents import Document, parse_text
from .html import parse_html
from .wikitext import parse_wikitext

# Undecodable bytes allowed in a text document before it counts as binary (a stray Latin-1
# byte in a scraped page is read with a replacement character; a PDF or an image is not text).
MAX_UNDECODABLE_SHARE = 0.01


def read_document(path: Path, *, name: str | None = None) -> Document:
    """Read a document file (text, HTML or wikitext, sniffed from name and content).

    PDF and other binary files are refused: drafting from their bytes gives garbage claims.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=str(path)) from error
    check_text_document(data, str(path))
    raw = data.decode("utf-8", errors="replace")
    if path.suffix.lower() == ".json":
        _check_json(raw, str(path))
    return parse_document(name or path.name, raw, suffix=path.suffix.lower())


def check_text_document(data: bytes, where: str) -> None:
    """Refuse PDF and binary content (NUL bytes, mostly undecodable bytes) with a clear error."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        raise InputError(
            "a PDF, not a text document",
            path=where,
            hint="save its text first (e.g. pdftotext FILE.pdf FILE.txt) and extract from that",
        )
    if b"\0" in data[:65536]:
        raise InputError(
            "binary content (NUL bytes), not a text document",
            path=where,
            hint="extract reads text, HTML, wikitext and [title, wikitext] JSON",
        )
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") > MAX_UNDECODABLE_SHARE * max(len(text), 1):
        raise InputError(
            "not UTF-8 text (too many undecodable bytes)",
            path=where,
            hint="save the document as UTF-8 text",
        )


def _check_json(raw: str, where: str) -> None:
    try:
        value = json.loads(raw)
    except ValueError as error:
        line = getattr(error, "lineno", None)
        raise InputError(
            f"malformed JSON: {getattr(error, 'msg', error)}",
            path=where,
            line=line,
            hint='a JSON document is a pair ["title", "wikitext"]',
        ) from error
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise InputError(
            'a JSON document must be a pair ["title", "wikitext"]',
            path=where,
            hint="save other documents as text or HTML",
        )


def parse_document(name: str, raw: str, *, suffix: str = "") -> Document:
    """Turn raw document content into a Document; the kind is sniffed from suffix and content."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    stripped = raw.lstrip()
    if stripped.startswith("[") and suffix in {"", ".txt", ".json"}:
        pair = _json_pair(stripped)
        if pair is not None:
            return parse_wikitext(name, pair[1], title=pair[0])
    if suffix in {".html", ".htm"} or re.match(r"(?is)<!doctype html|<html", stripped[:200]):
        return parse_html(name, raw)
    if suffix in {".wiki", ".wikitext", ".mediawiki"} or _looks_like_wikitext(stripped[:3000]):
        return parse_wikitext(name, raw)
    return parse_text(name, raw)


def _json_pair(text: str) -> tuple[str, str] | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return value[0], value[1]
    return None


def _looks_like_wikitext(head: str) -> bool:
    return head.startswith("{{") or (head.count("[[") >= 3 and "{{" in head)
