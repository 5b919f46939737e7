"""Draft claims from a sentence written in a test, as `reconcile extract` drafts an article."""

from __future__ import annotations

from pathlib import Path

from reconcile.claims.catalogue import load_catalogue
from reconcile.extract.drafts import Draft, draft_claims
from reconcile.extract.readers import read_document

PACKAGED = load_catalogue(None)


def drafts_by_value(tmp_path: Path, body: str, published: str = "2025-03-01") -> dict[str, Draft]:
    """The drafts of an article with this body, published on that day, by their value."""
    path = tmp_path / "article.txt"
    path.write_text(f"outlet: Example\npublished: {published}\n\n{body}\n", encoding="utf-8")
    return {d.value: d for d in draft_claims(read_document(path), PACKAGED)}


def drafts_of_text(tmp_path: Path, text: str, name: str = "article.txt") -> dict[str, Draft]:
    """The drafts of an article written out whole (its own header lines, if any), by value."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {d.value: d for d in draft_claims(read_document(path), PACKAGED)}
