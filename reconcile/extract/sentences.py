"""Split text into sentences; a newline always ends one."""

from __future__ import annotations

import re

# The stop is matched, not looked behind for: a pattern that starts with a character class is
# scanned several times faster. The sentence ends after the stop.
_BOUNDARY_RE = re.compile(r"(?P<stop>[.!?])[\"”’')\]]*\s+(?=[\"“'(]?[A-Z0-9])|\n+")
_ABBREVIATIONS = {
    "dr", "gen", "lt", "col", "mr", "mrs", "ms", "st", "no", "p", "pp", "vol", "approx", "e.g",
    "i.e", "u.s", "jr", "sr", "maj", "capt", "sgt", "inc", "ltd", "co", "eff", "c", "ca", "vs",
    "etc", "fig", "nos", "u.k", "mt", "ft", "sen", "rep", "gov", "prof", "adm", "cmdr",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip


_LAST_WORD_RE = re.compile(r"([\w.]+)\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of a text; newlines always end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        cut = match.start() + 1 if match.group("stop") else match.start()
        if text[cut] != "\n":
            word = _LAST_WORD_RE.search(text, max(start, cut - 12), cut)
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        if text[start:cut].strip():
            spans.append(_trim(text, start, cut))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
