"""Split text into sentences; a newline always ends one."""

from __future__ import annotations

import re

# The stop is matched, not looked behind for: a pattern that starts with a character class is
# scanned several times faster (one class for the stop and the newline: ten times faster than
# a group or a choice first). The sentence ends after the stop.
# The next sentence opens with a capital or a digit: Latin, Greek or Cyrillic ("В", "Ł"). The
# class keeps the scan fast; the few lower-case letters it lets through (Latin Extended-A mixes
# cases) are checked in Python.
_CAPITAL = r"[A-Z0-9\u00c0-\u00de\u0100-\u017f\u0391-\u03a9\u0400-\u042f\u0490-\u04ff]"
# A quote that opens the next sentence may follow the stop with no space ('... dollars)."Речь').
_BOUNDARY_RE = re.compile(
    rf"[.!?\n](?:(?<=[.!?])(?:[\"”’')\]]*\s+(?=[\"“'(«„]?{_CAPITAL})|(?=[\"“«„][A-ZА-Я]))"
    r"|(?<=\n)\n*)"
)
_ABBREVIATIONS = {
    "dr", "gen", "lt", "col", "mr", "mrs", "ms", "st", "no", "p", "pp", "vol", "approx", "e.g",
    "i.e", "u.s", "jr", "sr", "maj", "capt", "sgt", "inc", "ltd", "co", "eff", "c", "ca", "vs",
    "etc", "fig", "nos", "u.k", "mt", "ft", "sen", "rep", "gov", "prof", "adm", "cmdr",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    # in other languages: Polish "około", "na przykład", "tak zwany", "numer", "tysiąc",
    # "procent"; Russian "тысяча", "годы", "то есть", "и так далее"; German "zum Beispiel",
    # "beziehungsweise", "und so weiter", "vergleiche"; French "environ"
    "ok", "np", "tzw", "nr", "tys", "proc", "тыс", "гг", "т.е", "т.д", "т.к", "z.b", "bzw",
    "usw", "vgl", "env",
}  # fmt: skip
# "2.1 pct. GDP": an abbreviated unit after a number, then an acronym, is one sentence.
_UNIT_BEFORE_ACRONYM_RE = re.compile(r"\d\s*[^\W\d]{1,5}$")


_LAST_WORD_RE = re.compile(r"([\w.]+)\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of a text; newlines always end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        stop = text[match.start()]  # a full stop, "!", "?", or a newline
        cut = match.start() + 1 if stop != "\n" else match.start()
        if text[cut] != "\n":
            at = match.end() + (not text[match.end()].isalnum())
            opening = text[at]
            if opening.islower():
                continue  # a lower-case letter the class lets through
            word = _LAST_WORD_RE.search(text, max(start, cut - 12), cut)
            if word and (
                word.group(1).lower() in _ABBREVIATIONS
                or (len(word.group(1)) == 1 and not word.group(1).isdigit())
            ):
                continue
            if (
                text[at + 1 : at + 2].isupper()
                and stop == "."
                and _after_number_before_acronym(text, cut, at)
            ):
                continue
        if text[start:cut].strip():
            spans.append(_trim(text, start, cut))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _after_number_before_acronym(text: str, cut: int, after: int) -> bool:
    """ "3 pct. GDP", "2,1 proc. PKB": a unit abbreviated after a number, and an acronym next."""
    if not _UNIT_BEFORE_ACRONYM_RE.search(text, max(0, cut - 8), cut - 1):
        return False
    word = re.match(r"[^\W\d_]+", text[after : after + 12])
    return word is not None and len(word.group(0)) >= 2 and word.group(0).isupper()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
