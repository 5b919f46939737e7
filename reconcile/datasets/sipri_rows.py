"""One country row of a SIPRI sheet -> claims: entity, currency, period, value and notes."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconcile.core.errors import Finding

from .entities import currency_of, entity_of, parser_currencies
from .fiscal import financial_year_periods
from .workbook import Sheet, cell_name

SOURCE = "SIPRI"
BLUE, RED = "FF0000FF", "FFFF0000"
SYMBOLS = "†‡§¶‖"
# Short forms of the Footnotes sheet's special notes, for claim notes.
SHORT_NOTES = {
    "†": "excludes military pensions",
    "‡": "current spending only (excludes capital spending)",
    "§": "adopted budget, not actual expenditure",
    "¶": "excludes paramilitary forces",
    "‖": "currency changed; all figures in the latest currency",
}
_NOTE_RE = re.compile(rf"^(?P<symbols>[{SYMBOLS}]*)\s*(?P<number>\d*)$")


@dataclass(frozen=True, slots=True)
class SheetSpec:
    """What one SIPRI sheet holds: metric, unit, price basis, scale and display decimals."""

    series: str
    metric: str
    unit: str  # "LCU" (the country's currency), "USD" or "percent"
    basis: str | None
    scale: float
    decimals: int
    label: str


def warning(code: str, message: str, path: Path) -> Finding:
    return Finding(code, message, str(path), level="warning")


def format_figure(amount: float, decimals: int) -> str:
    """The figure as the sheet displays it, keeping at least 3 significant digits."""
    if amount != 0 and abs(amount) < 10 ** (2 - decimals):
        decimals = 2 - math.floor(math.log10(abs(amount)))
    return f"{amount:,.{decimals}f}"


class RowContext:
    """One country row of a sheet: entity, currency, period rule and notes."""

    def __init__(
        self,
        path: Path,
        sheet: Sheet,
        spec: SheetSpec,
        index: int,
        name: str,
        footnotes: dict[str, str],
        columns: dict[str, int],
        last_year: int,
    ) -> None:
        self.path, self.sheet, self.spec, self.index, self.name = path, sheet, spec, index, name
        self.entity = entity_of(name)
        self.skip_reason = ""
        self.unsupported_currency = ""
        self.currency = "USD" if spec.unit == "USD" else None
        self.periods: dict[int, str] | None = None
        note_column = columns.get("Notes")
        note = str(sheet.value(index, note_column)).strip() if note_column is not None else ""
        self.stage, self.note = describe_notes(note, footnotes)
        if self.entity and spec.unit == "LCU":
            self.currency = currency_of(self.entity, last_year)
            if self.currency is None or self.currency not in parser_currencies():
                self.unsupported_currency = f"{name} ({self.currency or 'unknown'})"
                self.skip_reason = "currency"
        fy_column = next((i for n, i in columns.items() if n.startswith("Fiscal Year")), None)
        if self.entity and fy_column is not None and not self.skip_reason:
            text = str(sheet.value(index, fy_column)).strip()
            self.fy_text = text or "Jan-Dec"
            self.periods = financial_year_periods(self.fy_text, range(1900, last_year + 1))
            if self.periods is None:
                self.skip_reason = (
                    f"financial-year figures for {name} not imported: financial year "
                    f"{text!r} is not one the importer can turn into periods; the calendar-year "
                    "sheet covers it"
                )

    def skipped(self) -> Finding:
        """The warning for a row that is not imported."""
        where = f"sheet '{self.sheet.name}', cell {cell_name(self.index, 0)}"
        if self.entity is None:
            message = (
                f"{where}: country {self.name!r} has no ISO 3166 code; its figures are not "
                "imported (add it to reconcile/data/sipri_entities.csv)"
            )
            return warning("unknown-country", message, self.path)
        return warning("not-imported", f"{where}: {self.skip_reason}", self.path)

    def claim(
        self, column: int, year: int, raw: float, colour: str | None
    ) -> dict[str, Any] | None:
        """The claim record for one figure."""
        spec = self.spec
        unit = self.currency if spec.unit == "LCU" else spec.unit
        shown = raw * (100 if spec.unit == "percent" else 1)
        text = format_figure(shown, spec.decimals)
        if spec.unit == "percent":
            value = f"{text}%"
        elif spec.scale == 1e6:
            value = f"{text} million {unit}"
        else:
            value = f"{text} {unit}"
        decimals = len(text.partition(".")[2])
        half = 0.5 * 10.0**-decimals * (spec.scale if spec.scale == 1e6 else 1)
        amount = shown * (1e6 if spec.scale == 1e6 else 1)
        period = self.periods[year] if self.periods is not None else str(year)
        flags = "estimate" if colour == BLUE else "uncertain" if colour == RED else ""
        note_parts = [f"SIPRI {spec.label}"]
        if self.periods is not None:
            note_parts.append(f"financial year {self.fy_text}")
        if flags:
            note_parts.append("SIPRI estimate" if flags == "estimate" else "highly uncertain")
        if self.note:
            note_parts.append(self.note)
        cell = cell_name(self.index, column)
        return {
            "id": f"{spec.series}-{self.entity}-{period}",
            "entity": self.entity,
            "metric": spec.metric,
            "period": period,
            "value": value,
            "source": SOURCE,
            "quote": f"'{self.sheet.name}'!{cell} = {raw!r} ({self.name}, {year})",
            "line": self.index + 1,
            "basis": spec.basis,
            "stage": self.stage,
            "note": "; ".join(note_parts),
            "amount": amount,
            "amount_low": amount - half,
            "amount_high": amount + half,
            "amount_unit": unit,
            "flags": flags,
            "series": spec.series,
            "sheet": self.sheet.name,
            "cell": cell,
        }


def describe_notes(note: str, footnotes: dict[str, str]) -> tuple[str | None, str]:
    """(stage, note text) for a Notes cell like '§‖7'; § marks the adopted budget."""
    match = _NOTE_RE.match(note)
    if not note or match is None:
        return None, f"notes {note!r}" if note else ""
    symbols, number = match.group("symbols"), match.group("number")
    parts = [f"{s} {SHORT_NOTES.get(s) or footnotes.get(s, 'special note')}" for s in symbols]
    if number:
        parts.append(f"footnote {number}")
    stage = "approved" if "§" in symbols else None
    return stage, "; ".join(parts)
