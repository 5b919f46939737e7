"""Read a claims folder as one parsed frame: an import's tables directly, other folders parsed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from reconcile.claims.tables import TABLE_SUFFIXES, read_table


def read_claims_folder(folder: Path) -> pd.DataFrame:
    """Every claim of a folder with its provenance columns.

    A folder of claim tables (an import) is read directly, which is fast; any other claims
    folder goes through load_claims (valid claims only), and its figures are parsed here.
    """
    from reconcile.claims.files import claim_files

    files, _ = claim_files([folder])
    tables = [p for p in files if p.suffix in TABLE_SUFFIXES]
    if tables and len(tables) == len(files):
        frames = [read_table(p) for p in tables]
        if all("amount" in f.columns for f in frames):
            frame = pd.concat(frames, ignore_index=True)
            for column in ("amount", "amount_low", "amount_high"):
                frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
            return frame
    return _parsed_claims(folder)


def _parsed_claims(folder: Path) -> pd.DataFrame:
    from reconcile.claims.files import load_claims

    from .claim_values import parse_claim_values

    claims = load_claims([folder])
    frame = claims.frame[claims.frame["valid"].astype(bool)]
    parsed, _ = parse_claim_values(frame)
    out = frame.copy()
    out["amount"] = parsed["amount"].to_numpy(dtype=float)
    out["amount_low"] = parsed["low"].to_numpy(dtype=float)
    out["amount_high"] = parsed["high"].to_numpy(dtype=float)
    out["amount_unit"] = parsed["unit"].to_numpy(dtype=object)
    return out
