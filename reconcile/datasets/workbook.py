"""Read an xlsx workbook fast: cell values through python-calamine, font colours from the XML.

openpyxl takes several seconds for the SIPRI workbook (about 130,000 cells) and more with styles;
calamine reads the values in well under a second. Calamine does not expose fonts, so the one
style fact SIPRI encodes (blue figures are estimates, red ones highly uncertain) is read from the
sheet XML: the `s` (style) attribute of each cell, resolved through styles.xml.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from reconcile.core.errors import InputError

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_RE = re.compile(rb"<c\b([^>]*?)/?>")
_REF_RE = re.compile(rb'\br="([A-Z]+)(\d+)"')
_STYLE_RE = re.compile(rb'\bs="(\d+)"')


@dataclass(slots=True)
class Sheet:
    """One worksheet: values by (0-based row, column) position and font colours of cells."""

    name: str
    rows: list[list[Any]]
    colours: dict[tuple[int, int], str] = field(default_factory=dict)

    def value(self, row: int, column: int) -> Any:
        """The value at a 0-based position ('' when outside the used range)."""
        if row < len(self.rows) and column < len(self.rows[row]):
            return self.rows[row][column]
        return ""


def column_letter(index: int) -> str:
    """'A' for 0, 'Z' for 25, 'AA' for 26."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    """The A1-style name of a 0-based (row, column) position."""
    return f"{column_letter(column)}{row + 1}"


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


def read_workbook(path: Path, names: list[str] | None = None) -> dict[str, Sheet]:
    """Every sheet (or the named ones) with values and font colours; InputError if unreadable."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own error types for every failure
        raise InputError(
            f"cannot read the workbook: {error}",
            path=str(path),
            hint="give the .xlsx file as downloaded from the publisher",
        ) from error
    wanted = [n for n in book.sheet_names if names is None or n in names]
    sheets: dict[str, Sheet] = {}
    for name in wanted:
        sheet = book.get_sheet_by_name(name)
        rows = [list(row) for row in sheet.to_python(skip_empty_area=False)]
        sheets[name] = Sheet(name, rows)
    try:
        _add_colours(path, sheets)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError) as error:
        raise InputError(
            f"cannot read the cell styles: {error}", path=str(path), hint="is it an .xlsx file?"
        ) from error
    return sheets


def _add_colours(path: Path, sheets: dict[str, Sheet]) -> None:
    """Fill each sheet's `colours` with the RGB font colour of styled cells."""
    with zipfile.ZipFile(path) as archive:
        style_colours = _style_colours(archive.read("xl/styles.xml"))
        targets = _sheet_targets(archive)
        for name, sheet in sheets.items():
            if name not in targets:
                continue
            data = archive.read(targets[name])
            for match in _CELL_RE.finditer(data):
                attributes = match.group(1)
                style = _STYLE_RE.search(attributes)
                if style is None:
                    continue
                colour = style_colours.get(int(style.group(1)))
                reference = _REF_RE.search(attributes)
                if colour is None or reference is None:
                    continue
                position = (int(reference.group(2)) - 1, _column_index(reference.group(1)))
                sheet.colours[position] = colour


def _style_colours(styles: bytes) -> dict[int, str]:
    """Cell style index -> font colour (ARGB hex), for styles whose font has a colour."""
    root = ElementTree.fromstring(styles)
    fonts = []
    for font in root.iter(f"{_MAIN}font"):
        colour = font.find(f"{_MAIN}color")
        fonts.append(colour.get("rgb", "").upper() if colour is not None else "")
    cell_xfs = root.find(f"{_MAIN}cellXfs")
    result: dict[int, str] = {}
    for index, xf in enumerate(cell_xfs if cell_xfs is not None else []):
        font_id = int(xf.get("fontId", "0"))
        if font_id < len(fonts) and fonts[font_id]:
            result[index] = fonts[font_id]
    return result


def _sheet_targets(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> path of its XML part inside the archive."""
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    by_id = {
        rel.get("Id"): rel.get("Target", "")
        for rel in relations.iter(f"{_PACKAGE_REL}Relationship")
    }
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    targets = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = by_id.get(sheet.get(f"{_REL}id"), "")
        target = target.lstrip("/")
        targets[str(sheet.get("name"))] = target if target.startswith("xl/") else f"xl/{target}"
    return targets


def workbook_modified(path: Path) -> str | None:
    """The workbook's last-modified date (docProps/core.xml), ISO yyyy-mm-dd, or None."""
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    match = re.search(rb"<dcterms:modified[^>]*>(\d{4}-\d{2}-\d{2})", core)
    return match.group(1).decode() if match else None
