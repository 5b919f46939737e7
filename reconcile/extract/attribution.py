"""Who a figure is attributed to: named authorities, references and inline citations.

"according to X", "X said", "X reports", "data compiled by X"; the wikitext <ref> that closes the
sentence; the cited work of an infobox field; parenthetical markers such as "(IISS 2007, p. 157)".
"""

from __future__ import annotations

import re

from reconcile.claims.catalogue import Catalogue, normalise_name
from reconcile.core.patterns import WEEKDAYS, YEAR, trie_alternation

from .documents import Citation

_REPORTING_AFTER = re.compile(
    rf"^[\s,]*(?:\([^)]{{1,20}}\)\s*)?(?:{YEAR}\s+)?(?:[A-Z][\w.]*\s+){{0,2}}"
    r"(?:also\s+|has\s+|have\s+|had\s+)?(?:said|says|say|reported|reports|report|suggests?|"
    r"suggested|estimated?|estimates|announced|announces|revealed|reveals|recorded|lists?|"
    r"listed|attributes|attributed|ranked|ranks|stated|states|claimed|claims|noted|notes|"
    r"found|finds|shows|showed|puts|put|gives?|counted|counts|warned|warns)\b"
)
# "the annual Global Fire Power review": a named publication vouches for the figure.
_PUBLICATION_AFTER = re.compile(
    rf"^\s+(?:{YEAR}\s+)?(?:ranking|review|index|report|survey|database|data|estimates?|"
    r"figures|statistics)\b",
    re.IGNORECASE,
)
_ATTRIBUTION_BEFORE = re.compile(
    r"(?:according\s+to|compiled\s+by|reported\s+by|estimated\s+by|cited\s+by|data\s+from|"
    r"figures\s+from|published\s+by)\s+(?:the\s+)?(?:[\w.’']+\s+){0,3}$",
    re.IGNORECASE,
)
_ACCORDING_RE = re.compile(
    r"\baccording\s+to\s+(?:the\s+)?(?:data\s+(?:compiled\s+)?(?:by|from)\s+(?:the\s+)?)?"
    rf"(?P<who>[^,.;:()\n]{{3,80}}?)(?=\s*(?:[,.;:(\n]|$|\s+for\s|\s+in\s{YEAR}))",
    re.IGNORECASE,
)


# "the finance ministry said", "officials said": an unnamed body that reports the figure. The
# body's word is found first (in lower-cased text, case-sensitively: fast), then up to two
# words before it are taken as its name.
_BODY_SAID_RE = re.compile(
    r"\b(?:ministry|government|council|committee|parliament|president|minister|officials|"
    r"spokes(?:man|woman|person)|authorities|department|bureau|commission|press service|"
    r"agency|office|institute|statistics service|police|army|military|hospital|hospitals)\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:said|says|reported|announced|stated|estimated)\b"
)
# "The World Food Programme said", "the Red Cross Society reported": a named organisation.
_ORG_SAID_RE = re.compile(
    r"\b(?:The\s+)?(?P<who>(?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?){0,5}"
    r"(?:Organi[sz]ation|Agency|Institute|Office|Bank|Fund|Ministry|Service|Bureau|Council|"
    r"Commission|Authority|Committee|Union|Association|Federation|Cent(?:er|re)|Foundation|"
    r"Programme|Program|Society|Department))\s+(?:has\s+|had\s+)?"
    r"(?:said|says|reported|reports|announced|stated|estimated|estimates|warned|warns)\b"
)
# "the statistics agency IBGE said", "AFAD reported": an authority known by its acronym.
_ACRONYM_SAID_RE = re.compile(
    r"\b(?P<who>[A-Z][A-Za-z]?[A-Z]{1,6})\s+(?:has\s+|had\s+)?"
    r"(?:said|says|reported|reports|announced|stated|estimated|estimates)\b"
)
_BODY_NAME_RE = re.compile(r"(?:\b(?:the\s+)?(?:[\w’'-]+\s+){0,2})$")


def _bodies_said(text: str) -> list[tuple[int, str]]:
    """(offset, name) of each unnamed body said to report something in a text."""
    lowered = text.lower()
    if len(lowered) != len(text) or ("said" not in lowered and "s " not in lowered):
        return []
    found = []
    for match in _BODY_SAID_RE.finditer(lowered):
        before = _BODY_NAME_RE.search(text, max(0, match.start() - 40), match.start())
        start = before.start() if before else match.start()
        word_end = text.find(" ", match.start())
        found.append((start, text[start:word_end].strip()))
    return found


def _source_regex(catalogue: Catalogue) -> tuple[re.Pattern[str], dict[str, str]]:
    index: dict[str, str] = {}
    for source in catalogue.sources.values():
        for name in (source.id, *source.names):
            key = normalise_name(name)
            if len(key) >= 3:
                index.setdefault(key, source.id)
    # A prefix tree: hundreds of names tried one by one at every position are slow.
    pattern = trie_alternation(index, flexible_space=True)
    return re.compile(rf"(?<![\w.])(?:{pattern})(?![\w])", re.IGNORECASE), index


def resolve_source(text: str, catalogue: Catalogue) -> str | None:
    """The catalogue id of the first source named in a text (longest name wins), if any."""
    regex, index = catalogue.prepared("sources", _source_regex)
    match = regex.search(text.replace("’", "'").replace("www.", ""))
    return index.get(normalise_name(match.group(0))) if match else None


def source_of_citation(citation: Citation, catalogue: Catalogue) -> str | None:
    """The authority of a cited work: publisher, work, author, title, site, then the ref text."""
    fields = citation.fields
    for key in ("publisher", "work", "newspaper", "agency", "journal", "last", "author",
                "last1", "title", "website", "url"):  # fmt: skip
        value = fields.get(key, "")
        if key == "url":
            value = re.sub(r"^https?://(?:www\d*\.)?", "", value).split("/")[0]
        found = resolve_source(value, catalogue) if value else None
        if found:
            return found
    found = resolve_source(citation.text, catalogue)
    if found:
        return found
    raw = fields.get("publisher") or fields.get("work") or fields.get("website")
    return raw or None


def find_named_source(sentence: str, position: int, catalogue: Catalogue) -> str | None:
    """An authority named in the sentence ("according to X", "X said"), nearest the figure.

    Pass only the part of the sentence between citations: a ref closes the claim it supports.
    """
    memo: dict[str, list[tuple[int, int, str]]] = catalogue.prepared("named-sources", lambda c: {})
    if sentence not in memo:
        if len(memo) > 256:
            memo.clear()
        # The sentence's other figures need the same names: find them once per sentence.
        memo[sentence] = _named_sources(sentence, catalogue)
    named = memo[sentence]
    candidates = [(abs(at - position) + bias, who) for at, bias, who in named]
    return min(candidates)[1] if candidates else None


def _named_sources(sentence: str, catalogue: Catalogue) -> list[tuple[int, int, str]]:
    """Where a sentence names an authority: (offset, tie-breaker, source id or "?name")."""
    regex, index = catalogue.prepared("sources", _source_regex)
    text = sentence.replace("’", "'")
    found: list[tuple[int, int, str]] = []
    for match in regex.finditer(text):
        named = _ATTRIBUTION_BEFORE.search(text[max(0, match.start() - 60) : match.start()])
        after = text[match.end() : match.end() + 60]
        if named or _REPORTING_AFTER.match(after) or _PUBLICATION_AFTER.match(after):
            found.append((match.start(), 0, index[normalise_name(match.group(0))]))
    named_at = [at for at, _, _ in found]
    mentions = [(m.start(), m.start("who"), m.group("who")) for m in _ACCORDING_RE.finditer(text)]
    mentions += [(at, at, who) for at, who in _bodies_said(text)]
    for said in (_ACRONYM_SAID_RE, _ORG_SAID_RE):
        mentions += [(m.start(), m.start(), m.group("who")) for m in said.finditer(text)]
    for at, who_at, who in mentions:
        who = who.strip()
        if not any(abs(who_at - named) < 5 for named in named_at):
            resolved = resolve_source(who, catalogue)
            found.append((at, 1, resolved or f"?{who}"))
    return found


_INLINE_CITATION_RE = re.compile(
    rf"\((?P<who>[^()\n]{{2,60}}?)[\s,]+(?P<year>{YEAR})(?:,[^()\n]*)?\)"
)


def inline_citations(text: str, catalogue: Catalogue) -> list[Citation]:
    """Parenthetical markers such as "(IISS 2007, p. 157)" cite like a ref."""
    found = []
    for match in _INLINE_CITATION_RE.finditer(text):
        who = match.group("who")
        if resolve_source(who, catalogue):
            found.append(
                Citation(match.end(), None, {"publisher": who, "year": match.group("year")})
            )
    return found


# Words that make an unnamed "according to ..." an authority ("the finance ministry said").
INSTITUTION_RE = re.compile(
    r"\b(?:ministry|ministries|minister|government|council|committee|office|agency|service|"
    r"parliament|assembly|president|presidency|cabinet|treasury|bank|institute|police|army|"
    r"military|officials?|spokes(?:man|woman|person)|authorities|department|bureau|commission|"
    r"organi[sz]ation|press\s+service)\b",
    re.IGNORECASE,
)
# Not authorities: the text's own documents and rules ("according to the report").
_NOT_AUTHORITY_RE = re.compile(
    r"^(?:the\s+)?(?:(?:official|budget|draft|budgeting)\s+)?(?:report|reports|data|documents?|"
    r"figures|statistics|estimates?|rules|budget|bill|plan|law|sources?|analysis|survey)$",
    re.IGNORECASE,
)
# A phrase headed by a document ("budget bill sent to parliament", "draft law approved by").
_DOCUMENT_HEAD_RE = re.compile(
    r"^(?:[\w-]+\s+){0,2}?(?:report|reports|data|documents?|figures|statistics|estimates?|bill"
    r"|law|plan|budget|survey|analysis|draft|papers)\b"
    r"(?!\s+(?:office|committee|ministry|department|agency|service|bureau|commission|council))",
    re.IGNORECASE,
)
_TRAILING_RE = re.compile(
    rf"\s+(?:on|last|this|in|at)\s+(?:{'|'.join(WEEKDAYS)}|"
    r"week|month|year|\d).*$",
    re.IGNORECASE,
)


def name_authority(who: str) -> str | None:
    """The authority an unresolved "according to X" names, cleaned, or None when X is no one.

    "a statement made by the Polish defense ministry on Thursday" -> "Polish defense ministry";
    "official documents" -> None (a document of the text itself, not an authority).
    """
    who = _TRAILING_RE.sub("", who.strip())
    by = re.search(r"\b(?:by|from|of)\s+(?:the\s+)?(?P<who>[^,;]+)$", who)
    if by and INSTITUTION_RE.search(by.group("who")):
        who = by.group("who")
    who = re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.IGNORECASE).strip(" .,'\"")
    if len(who) < 3 or len(who) > 60 or _NOT_AUTHORITY_RE.match(who):
        return None
    if _DOCUMENT_HEAD_RE.match(who) and not who[:1].isupper():
        return (
            None  # "the budget bill sent to parliament": a document ("Statistics Canada" is a name)
        )
    if not (INSTITUTION_RE.search(who) or any(w[:1].isupper() for w in who.split())):
        return None
    return who


def qualify_authority(name: str, entity: str) -> str:
    """An unnamed body is the entity's own: "finance ministry" in an Armenian text is Armenia's."""
    if any(word[:1].isupper() for word in name.split()) or entity in {"", "unknown"}:
        return name
    return f"{name} ({entity})"


def outlet_name(publisher: str | None, url: str | None, fallback: str) -> str:
    """The outlet a document was read in: its publisher's short name, else its web host."""
    if publisher:
        short = re.split(r"\s+\(|,\s|;\s", publisher.strip(), maxsplit=1)[0].strip()
        if short:
            return short
    if url:
        host = re.sub(r"^https?://(?:www\d*\.)?", "", url).split("/")[0]
        if host:
            return host
    return fallback
