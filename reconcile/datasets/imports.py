"""Import a reference dataset file into a claims folder (the `reconcile import` commands)."""

from __future__ import annotations

from pathlib import Path

from reconcile.core.errors import InputError

from .sipri import Import

KINDS = ("sipri", "wdi")


def read_dataset(kind: str, path: Path) -> Import:
    """Parse a dataset file of the given kind into claims (no writing)."""
    if not path.is_file():
        raise InputError("no such file", path=str(path), hint="give the downloaded dataset file")
    if kind == "sipri":
        from .sipri import import_sipri

        return import_sipri(path)
    if kind == "wdi":
        from .wdi import import_wdi

        return import_wdi(path)
    raise InputError(f"unknown dataset kind {kind!r}", hint="use one of " + ", ".join(KINDS))


def import_dataset(
    kind: str, path: Path, out: Path, fmt: str = "parquet", force: bool = False
) -> tuple[Import, list[Path]]:
    """Parse a dataset file and write it as a claims folder; nothing is written on error."""
    from reconcile.claims.tables import write_claims_folder

    result = read_dataset(kind, path)
    if result.frame.empty:
        raise InputError("the file holds no figures", path=str(path))
    written = write_claims_folder(
        out,
        result.frame,
        [result.document],
        provenance_text(result, path),
        table_name=str(result.document["id"]),
        fmt=fmt,
        force=force,
    )
    return result, written


def provenance_text(result: Import, path: Path) -> str:
    """PROVENANCE.md for an imported folder: what, from where, how much, and what was left."""
    document = result.document
    lines = [
        f"# {document['title']}",
        "",
        f"Imported by `reconcile import` from `{path.name}` (published {document['published']}).",
        f"Release: {result.release}. {len(result.frame)} figures, one claim each; every claim's",
        "`quote` names its sheet and cell, and `line` its row in the sheet or file.",
        "",
        "| sheet | " + " | ".join(_count_names(result)) + " |",
        "|---|" + "---|" * len(_count_names(result)),
    ]
    for sheet, counts in result.counts.items():
        values = [str(counts.get(name, 0)) for name in _count_names(result)]
        lines.append(f"| {sheet} | " + " | ".join(values) + " |")
    lines += ["", "## Findings", ""]
    lines += [f"- {f.located()}" for f in result.findings] or ["None."]
    return "\n".join(lines) + "\n"


def _count_names(result: Import) -> list[str]:
    names: list[str] = []
    for counts in result.counts.values():
        names += [n for n in counts if n not in names]
    return names
