"""Output hygiene, one function per format: data never acts as markup, formula or control code.

Claim files and articles are input from anyone (a pull request, a scraped page), and their text
reaches spreadsheets, Markdown viewers and terminals. Each renderer passes data cells through
the function for its format here, and only here:
- CSV: a cell a spreadsheet would run as a formula (OWASP "CSV injection": = + - @ tab CR at the
  start, or at the start of any line inside the cell) is prefixed with ', and line breaks
  become spaces, so no reader can split the cell into a row of its own;
- Markdown: every cell escaped (| \\ < [ ]), line breaks (CR included) become spaces, so raw
  HTML, links and table breaks in the data are shown as text;
- terminal: C0 and C1 control characters and escape sequences (colour, clear-screen, OSC 8
  links, window titles) are removed from data; the tool's own rich styling is kept.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Every line break a reader may honour: CR LF, CR, LF, VT, FF, NEL, LS, PS.
_LINE_BREAK_RE = re.compile(r"\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_MARKDOWN_SPECIAL_RE = re.compile(r"[\\|\[\]<]")
_MARKDOWN_ESCAPES = {"\\": "\\\\", "|": "\\|", "[": "\\[", "]": "\\]", "<": "&lt;"}
# ECMA-48: CSI (ESC [ ... final), OSC/DCS/APC/PM/SOS strings (ended by BEL or ESC \), the
# 8-bit CSI and OSC introducers, and two-character escapes; then any control character left.
_ESCAPE_SEQUENCE_RE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def csv_cell(value: Any) -> str:
    """A CSV cell that no spreadsheet runs as a formula and no reader splits into rows."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    text = "" if value is None else str(value)
    text = _LINE_BREAK_RE.sub(" ", text)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def markdown_cell(value: Any) -> str:
    """Text for a Markdown table cell or list item: shown as written, never as markup."""
    text = "" if value is None else str(value)
    text = terminal_text(_LINE_BREAK_RE.sub(" ", text))
    return _MARKDOWN_SPECIAL_RE.sub(lambda m: _MARKDOWN_ESCAPES[m.group()], text)


def terminal_text(value: Any, *, keep_newlines: bool = True) -> str:
    """Text with escape sequences and control characters removed (tabs become spaces)."""
    text = "" if value is None else str(value)
    if not _CONTROL_RE.search(text) and (keep_newlines or "\n" not in text):
        return text
    text = _ESCAPE_SEQUENCE_RE.sub("", text).replace("\t", " ")
    text = _CONTROL_RE.sub("", text)
    return text if keep_newlines else text.replace("\n", " ")


def terminal_safe(data: Any) -> Any:
    """A copy of report data (dicts, lists, strings) with every string cleaned for a terminal."""
    if isinstance(data, str):
        return terminal_text(data)
    if isinstance(data, dict):
        return {key: terminal_safe(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [terminal_safe(value) for value in data]
    return data


def html_text(value: Any) -> str:
    """Text for HTML: control characters removed, then &, <, >, and quotes escaped."""
    import html

    return html.escape(terminal_text(value))
