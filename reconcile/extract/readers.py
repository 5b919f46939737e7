"""Read a document file of any kind: the kind is sniffed from its name and content."""

from __future__ import annotations

import json
import re
from pathlib import Path

from reconcile.core.errors import InputError

from .documents import Document, parse_text
from .html import parse_html
from .wikitext import parse_wikitext


def read_document(path: Path, *, name: str | None = None) -> Document:
    """Read a document file (text, HTML or wikitext, sniffed from name and content)."""
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=str(path)) from error
    return parse_document(name or path.name, raw, suffix=path.suffix.lower())


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
