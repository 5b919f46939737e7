"""Articles as inputs beside claim files: tell them apart, draft them, write one file each.

`reconcile report` and `reconcile eval` accept articles (text, HTML, wikitext; folders are read
recursively) in any mix with claim files. Articles are drafted on the fly into claim YAML (the
same text `reconcile extract --out FOLDER` writes), so drafted and reviewed claims go through
one loader, one validation and one reconciliation; drafted rows are marked unreviewed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reconcile.claims.catalogue import Catalogue, load_catalogue
from reconcile.claims.files import DRAFT_MARKER
from reconcile.core.errors import InputError
from reconcile.core.periods import UNDATED

from .claim_yaml import render_claim_yaml
from .companies import companies_in
from .documents import Document
from .drafts import Draft, document_slug, draft_claims
from .inputs import DOCUMENT_SUFFIXES, Inputs, split_inputs
from .readers import read_document

__all__ = [
    "DOCUMENT_SUFFIXES",
    "DraftedDocument",
    "Inputs",
    "catalogue_for",
    "date_undated",
    "draft_documents",
    "split_inputs",
    "write_draft_folder",
]


def catalogue_for(claim_paths: Sequence[Path]) -> Catalogue:
    """The catalogue drafts are written against: the first claim folder's, else the packaged."""
    for path in claim_paths:
        return load_catalogue(path if path.is_dir() else path.parent)
    return load_catalogue(None)


@dataclass(slots=True)
class DraftedDocument:
    """One article, its drafts, and the claim YAML they make."""

    path: Path
    document: Document
    drafts: list[Draft]
    text: str

    @property
    def file_name(self) -> str:
        """The claim file this document's drafts are written to."""
        return f"{document_slug(self.path.name)}.yaml"


def draft_documents(
    paths: Iterable[Path],
    catalogue: Catalogue,
    *,
    entity: str | None = None,
    published: date | None = None,
    source: str | None = None,
    progress: Callable[[list[Path]], Iterable[Path]] = list,
) -> list[DraftedDocument]:
    """Read and draft every article; each gets its own claim YAML text.

    A figure no date in its article places (no year in the text, no publication date) takes
    the period the other articles give the same entity and metric, when they all give one.
    """
    documents = [(path, read_document(path, name=str(path))) for path in progress(list(paths))]
    # A company one article writes with its legal form ("Acme Corp") is known to the others
    # by its short name ("Acme's sales").
    companies = tuple({c.name: c for _, d in documents for c in companies_in(d.text)}.values())
    read = []
    for path, document in documents:
        drafts = draft_claims(
            document, catalogue, entity=entity, published=published, source=source,
            companies=companies,
        )  # fmt: skip
        read.append((path, document, drafts))
    for number, (path, document, drafts) in enumerate(read):
        anchor = _anchor(drafts, [d for n, item in enumerate(read) if n != number for d in item[2]])
        if anchor is not None:
            drafts = draft_claims(
                document, catalogue, entity=entity, published=published, source=source,
                anchor=anchor, companies=companies,
            )  # fmt: skip
            for draft in drafts:
                draft.period_basis += f" (document dated {anchor} by its figures)"
            read[number] = (path, document, drafts)
    date_undated([drafts for _, _, drafts in read])
    out = [
        DraftedDocument(path, document, drafts, render_claim_yaml([document], drafts, catalogue))
        for path, document, drafts in read
    ]
    _unique_file_names(out)
    return out


def _anchor(drafts: list[Draft], others: list[Draft]) -> str | None:
    """The period an undated document is about: the one period of other documents' figures
    that its own undated figures repeat (same entity, metric, unit and amount within 0.5 %)."""
    undated = [d for d in drafts if d.period == UNDATED and d.amount]
    if not undated or len(undated) < len(drafts) / 2:
        return None
    found: dict[str, int] = {}
    for draft in undated:
        amount = float(draft.amount or 0.0)
        periods = {
            o.period
            for o in others
            if o.period != UNDATED
            and (o.entity, o.metric, o.unit) == (draft.entity, draft.metric, draft.unit)
            and abs(float(o.amount or 0.0) - amount) <= 0.005 * abs(amount)
        }
        for period in periods:
            found[period] = found.get(period, 0) + 1
    return next(iter(found)) if len(found) == 1 else None


def date_undated(drafts_by_document: list[list[Draft]]) -> None:
    """Give an undated draft the one period other documents give its entity and metric."""
    periods: dict[tuple[str, str], dict[int, set[str]]] = {}
    for number, drafts in enumerate(drafts_by_document):
        for draft in drafts:
            if draft.period != UNDATED:
                key = (draft.entity, draft.metric)
                periods.setdefault(key, {}).setdefault(number, set()).add(draft.period)
    for number, drafts in enumerate(drafts_by_document):
        for draft in drafts:
            if draft.period != UNDATED:
                continue
            others = periods.get((draft.entity, draft.metric), {})
            found = set().union(*(p for n, p in others.items() if n != number))
            if len(found) == 1:
                draft.period = found.pop()
                draft.period_basis = "the other documents (this one gives no date)"
    for drafts in drafts_by_document:
        _date_with_the_document(drafts)


def _date_with_the_document(drafts: list[Draft]) -> None:
    """The figures of an undated document that no other document dates take the one year its
    other figures were dated to: an article is about one time ("2,750 tons of ammonium
    nitrate" in a text whose tolls the other articles date to 2020)."""
    dated = {d.period[:4] for d in drafts if d.period != UNDATED}
    if len(dated) != 1 or not any(d.period_basis.startswith("the other") for d in drafts):
        return
    year = dated.pop()
    for draft in drafts:
        if draft.period == UNDATED:
            draft.period = year
            draft.period_basis = "the year the other documents date this one's figures to"


def _unique_file_names(drafted: list[DraftedDocument]) -> None:
    seen: set[str] = set()
    for item in drafted:
        name = item.file_name
        if name in seen:
            raise InputError(
                f"two articles would write the same draft file {name}",
                path=str(item.path),
                hint="rename one of them, or extract them into different folders",
            )
        seen.add(name)


@dataclass(slots=True)
class FolderWrite:
    """What `write_draft_folder` did with each file."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # existing drafts, kept without --force
    reviewed: list[Path] = field(default_factory=list)  # reviewed claim files, never touched


def write_draft_folder(
    folder: Path, drafted: Sequence[DraftedDocument], *, force: bool = False
) -> FolderWrite:
    """One claim file per article in `folder`; a reviewed claim file is never overwritten,
    and an earlier draft only with `force`."""
    from reconcile.core.writing import write_text_atomic

    if folder.exists() and not folder.is_dir():
        raise InputError("--out must be a folder when articles are drafted", path=str(folder))
    result = FolderWrite()
    for item in drafted:
        path = folder / item.file_name
        if path.exists():
            head = path.read_text(encoding="utf-8", errors="replace")[:200]
            if not head.startswith(DRAFT_MARKER):
                result.reviewed.append(path)
                continue
            if not force:
                result.kept.append(path)
                continue
        write_text_atomic(path, item.text)
        result.written.append(path)
    return result
