"""Which company a text is about: a name written with its legal form, and its short name.

"Acme Corp", "Globex Holdings", "Initech Ltd", "Contoso AG": a capitalised name followed by a
legal form or a group word is a company; the name without that word ("Acme") is how the text
goes on naming it. The company a text is about is the one it names most often; its short name
alone ("Acme's 2023 sales") identifies it in texts that never write the legal form, once
another text has. A company's figures (revenue, operating profit, employees) are about the
company (entity `acme`), not the country the text also names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Legal forms and group words written after a company's name.
_FORMS = (
    r"Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|[Pp]lc|PLC|LLC|L\.L\.C\.|GmbH|AG|SE|"
    r"S\.?A\.?|N\.?V\.?|B\.?V\.?|S\.p\.A\.|A/S|AB|ASA|Oyj|K\.K\.|Co\.|Company|Group|Holdings?"
)
_NAME = r"[A-Z][\w&'’.-]*[\w&]"
# The name's first capital opens the pattern, and the word boundary before it is tested after
# it: a pattern that opens with a letter class is scanned twice as fast as one with a test.
_COMPANY_RE = re.compile(
    rf"(?P<name>[A-Z](?<!\w[A-Z]){_NAME.removeprefix('[A-Z]')}(?:\s+{_NAME}){{0,2}}?)"
    rf"\s+(?P<form>{_FORMS})(?![\w])"
)
# Capitalised words that start a sentence or name no company.
_NOT_NAMES = frozenset(
    {
        "The", "A", "An", "This", "That", "These", "Those", "Its", "It", "In", "On", "At", "For",
        "By", "From", "With", "And", "Or", "But", "Of", "As", "State", "National", "Central",
        "Federal", "Ministry", "Government", "Bank",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Company:
    """A company a text names: its short name (without the legal form), its entity id, and
    the first word of a longer name, which texts also use ("Northwind" for "Northwind
    Traders")."""

    name: str
    slug: str

    @property
    def names(self) -> tuple[str, ...]:
        """The name, and its first word when the name has several and that word is long."""
        first = self.name.split()[0]
        return (self.name, first) if first != self.name and len(first) >= 4 else (self.name,)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def companies_in(text: str) -> list[Company]:
    """The companies a text writes with a legal form, in order of first mention."""
    found: dict[str, Company] = {}
    for match in _COMPANY_RE.finditer(text):
        words = [w for w in match.group("name").split() if w not in _NOT_NAMES]
        if not words:
            continue
        name = " ".join(words)
        found.setdefault(name, Company(name, _slug(name)))
    return list(found.values())


# A name at the start of a line, up to three capitalised words: "Siemens Energy swings to ...".
_OPENING_NAME_RE = re.compile(rf"\s*(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}}?)(?=\s+[a-z]|['’]s\s)")
# A lead sentence whose subject reports results: "Siemens Energy reported a net profit".
_REPORTS_RE = re.compile(
    r"(?:['’]s\s+)?\s*(?:\w+\s+)?(?:reported|posted|said|announced|swung|booked|recorded|raised|"
    r"cut|lowered|forecast|expects|beat|missed|made|warned|delivered|sold|shipped)\b"
)
# Where a lead sentence starts after its dateline: "MUNICH, Nov 12 (Reuters) - ".
_DATELINE_END_RE = re.compile(r"^[^\n]{0,80}?\s[-–—]\s")


def headline_company(text: str) -> Company | None:
    """The company a text's headline and lead sentence both open with, when the lead says it
    reported something ("Siemens Energy swings to profit" / "Siemens Energy reported ..."):
    most companies are written without their legal form. Places and other capitalised
    openings ("Romania's government ...") are no company."""
    from .entities import is_place_name

    lines = [line for line in text.lstrip().split("\n") if line.strip()]
    if len(lines) < 2:
        return None
    opened = _OPENING_NAME_RE.match(lines[0])
    if opened is None:
        return None
    name = opened.group("name")
    words = name.split()
    if words[0] in _NOT_NAMES or any(is_place_name(w) for w in words):
        return None
    lead = lines[1][_dateline_end(lines[1]) :]
    if not lead.startswith(name) or not _REPORTS_RE.match(lead, len(name)):
        return None
    return Company(name, _slug(name))


def _dateline_end(line: str) -> int:
    found = _DATELINE_END_RE.match(line)
    return found.end() if found else 0


def main_company(text: str, known: Iterable[Company] = ()) -> Company | None:
    """The company a text names most often (by its short name): one it writes with a legal
    form, or one another text did (`known`) whose short name this text uses; else the one its
    headline and lead open with."""
    candidates = {c.name: c for c in known}
    candidates.update({c.name: c for c in companies_in(text)})
    counts = {
        name: sum(
            len(re.findall(rf"(?<![\w-]){re.escape(written)}(?![\w-])", text))
            for written in candidates[name].names
        )
        for name in candidates
    }
    counts = {name: n for name, n in counts.items() if n}
    if not counts:
        return headline_company(text)
    return candidates[max(counts, key=lambda name: (counts[name], -len(name)))]
