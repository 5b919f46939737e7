"""A provisional metric for a figure no catalogue cue decides: what it measures, as an id.

The head noun phrase next to the figure ("2,750 tons of ammonium nitrate" -> ammonium_nitrate,
"the total funding of the sector amounted to X" -> total_funding_sector), lower-cased, without
function words, with a plural "s" dropped, so that the same phrase in two documents gives the
same id. The id is prefixed `unreviewed_<kind>_` until a person maps it to a catalogue metric.
"""

from __future__ import annotations

import re
from functools import cache

from reconcile.core.patterns import MONTH_NAMES, WEEKDAYS, fold_accents

PREFIX = "unreviewed_"
_STOP_WORDS = """a an the of in on for to at by from with and or as is are was were be been
being has have
    had will would shall should may might can could this that these those its their his her our
    it they he she we which who whom whose than then more less about around some nearly almost
    over under up down out into per also only just such other another each every all both any
    said says say according including included include includes while when where after before
    during since until between among against amounted amount amounts total reached reach reaches
    stood stands stand was set there here new last next year years month months week day today
    compared increase increased decrease decreased rise rose fell grew much many most least
    approximately estimated estimate some what how not no yes if so but do does did made make
    across above below beyond far them us you me him onto upon within without via through
    throughout still currently again already away back nearly roughly just earlier later ago"""
# The same kind of words in the languages of the metric cues (metric_cues.yaml): "W 2024 roku
# było to 159 mld zł" names no measure either.
_OTHER_STOP_WORDS = """w we na i z do od że to jest było była był są rok roku lat
    в во на и с со к до от что это был была было были год году года лет
    у і з до від що це був була було були рік року років
    im in der die das den dem des und mit von zu ist war sind jahr jahre jahres
    el la los las de del en y con por para que es fue son año años
    le la les de du des en et avec pour que est était sont an ans année
    ve ile bir bu da de yıl yılı yılında"""
# Days and months date a figure; they never say what it measures.
_STOP = (
    frozenset(_STOP_WORDS.split())
    | frozenset(WEEKDAYS)
    | frozenset(MONTH_NAMES)
    | frozenset(_OTHER_STOP_WORDS.split())
)
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_SCALE_WORDS = """thousand thousands million millions billion billions trillion trillions
mln bn mn bln tn
    lakh crore percent per cent percentage points point dollars dollar euros euro pounds"""
_SCALE_OR_UNIT = frozenset(_SCALE_WORDS.split())


@cache
def _currency_words() -> frozenset[str]:
    """Currency names and codes: what a figure is counted in, not what it measures."""
    from reconcile.reference.currencies import load_currencies

    currencies = load_currencies()
    return frozenset({n.lower() for n in currencies.names} | {c.lower() for c in currencies.codes})


def _content_words(text: str, limit: int = 3) -> list[str]:
    from .entities import is_place_name

    words: list[str] = []
    for match in _WORD_RE.finditer(text):
        word = match.group(0).lower().replace("’", "'").split("'")[0]
        if (
            word in _SCALE_OR_UNIT
            or any(c.isdigit() for c in word)  # "Rs2" of "Rs2.12 trillion": the next figure
            or word in _currency_words()
            or len(word) < 2
            or is_place_name(match.group(0))
            or (len(match.group(0)) == 3 and match.group(0).isupper())  # a currency code
        ):
            continue
        if word in _STOP or (words and word.endswith("ed")):
            if words:
                break  # the phrase ends at the first function word or participle after it
            continue
        words.append(_singular(word))
        if len(words) == limit:
            break
    return words


def content_words(text: str) -> set[str]:
    """Every word of a text that names something, as provisional phrases write it."""
    words = (m.group(0).lower().replace("’", "'").split("'")[0] for m in _WORD_RE.finditer(text))
    return {_singular(w) for w in words if w not in _STOP and len(w) > 1}


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]  # "losses", "branches", "taxes"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def is_function_word(word: str) -> bool:
    """A word that names nothing ("were", "on", "for"): the words provisional phrases skip."""
    return word.lower() in _STOP


# Nouns that name where a figure is or who gives it, not what it measures ("the city of X
# counted 1.1 million", "the finance ministry will approve 60 trillion").
_PLACE_NOUNS = frozenset(
    [
        "city",
        "town",
        "village",
        "state",
        "province",
        "region",
        "country",
        "nation",
        "county",
        "district",
        "municipality",
        "capital",
        "area",
        "island",
        "republic",
        "ministry",
        "government",
        "parliament",
        "council",
        "committee",
        "agency",
        "office",
        "department",
        "finance",
        "defence",
        "defense",
        "interior",
    ]
)


# Nouns that count people in general: "3,000 people" may be the headline's toll.
PEOPLE_NOUNS = frozenset(
    {
        "people", "persons", "person", "individuals", "residents", "civilians", "citizens",
        "inhabitants", "victims", "lives", "casualties", "passengers", "children", "women", "men",
        "migrants", "refugees", "villagers", "pilgrims", "students", "tourists", "miners",
        "patients", "others",
    }
)  # fmt: skip
_NOUN_AFTER_RE = re.compile(r"\s+([^\W\d_]+)")


def counts_own_things(sentence: str, end: int) -> bool:
    """ "235,000 homes": a plural noun right after a count that is neither people nor a
    function word says what it counts."""
    word = _NOUN_AFTER_RE.match(sentence, end)
    if word is None:
        return False
    noun = word.group(1).lower()
    return noun.endswith("s") and noun not in PEOPLE_NOUNS and not is_function_word(noun)


# The subject a figure is said of: "the median age is 21", "officials put losses at 40 million".
_BOUND = r"(?:between\s+|(?:about|around|some|nearly|almost|roughly)\s+)?$"
_SUBJECT_BEFORE_RES = (
    re.compile(
        r"\b(?:put|puts|estimated|estimates|valued|values|pegged|pegs|placed|places|set|sets)\s+"
        rf"(?:the\s+|its\s+|their\s+)?(?P<np>(?:[^\W\d_][\w'’-]*\s+){{1,4}}?)at\s+{_BOUND}",
        re.IGNORECASE,
    ),
    re.compile(  # "the deficit is forecast at 6.6%", "growth is expected to reach 2%"
        r"(?P<np>(?:[^\W\d_][\w'’-]*\s+){1,2})(?:is|was|are|were|will\s+be)\s+(?:forecast|"
        r"projected|expected|seen|estimated|put|set|likely)\s+(?:to\s+(?:be|reach|hit|stand\s+at)"
        rf"\s+|at\s+)?{_BOUND}",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<np>(?:[^\W\d_][\w'’-]*\s+){1,2})(?:is|was|are|were|stood\s+at|stands\s+at|"
        rf"totall?ed|reached|at)\s+{_BOUND}",
        re.IGNORECASE,
    ),
)
_SUBJECT_END_RE = re.compile(
    r"\b(?:is|was|are|were|be|at|reached|totall?ed|between|about|around|some|nearly|almost|"
    r"roughly|forecast|projected|expected|seen|estimated|put|set|likely|reach|hit)\s+$",
    re.IGNORECASE,
)
# Words that name a figure without saying of what: the headline says it.
_GENERIC_SUBJECTS = frozenset(
    {"figure", "number", "total", "tally", "count", "sum", "level", "allocation", "budget"}
    | {"outlay"}
)


def subject_before(sentence: str, start: int) -> str:
    """The content words of the subject the figure at `start` is said of ("median age"), or ""
    when the words before it are no such subject or name nothing in particular."""
    if not _SUBJECT_END_RE.search(sentence, max(0, start - 12), start):
        return ""  # the patterns below all end so: most figures are not said "of" a subject
    found = next(
        (f for r in _SUBJECT_BEFORE_RES if (f := r.search(sentence, max(0, start - 60), start))),
        None,
    )
    if found is None:
        return ""
    words = _content_words(found.group("np"))
    if not words or set(words) <= _GENERIC_SUBJECTS or words[-1] + "s" in PEOPLE_NOUNS:
        return ""
    phrase = " ".join(words)
    return phrase if names_a_measure(phrase) else ""


# The whole a percentage is of: "99% of precincts", "51 percent of the total".
_WHOLE_AFTER_RE = re.compile(
    r"\s+of\s+((?:the\s+|its\s+|all\s+)?[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)", re.I
)


def whole_after(sentence: str, end: int) -> str:
    """The content words of the whole a percentage at `end` is "of" ("precinct"), or ""."""
    found = _WHOLE_AFTER_RE.match(sentence, end)
    return " ".join(_content_words(found.group(1))) if found else ""


def names_a_measure(phrase: str) -> bool:
    """True when a provisional phrase says what is measured ("order"), not only where."""
    words = phrase.split()
    return bool(words) and phrase != "figure" and not all(w in _PLACE_NOUNS for w in words)


def is_provisional(metric: str) -> bool:
    """True for a metric drafted from the figure's own words, not from the catalogue."""
    return metric.startswith(PREFIX)


def provisional_metric(
    sentence: str, start: int, end: int, unit: str | None = None
) -> tuple[str, str]:
    """(id, phrase): the provisional metric of the figure at [start, end) of its sentence.

    The id names the figure's kind too ("unreviewed_money_defence"), so figures of different
    kinds described by the same words never share a metric.
    """
    after = re.split(r"[,;:()\"“”]|\s[-–—]\s", sentence[end : end + 80], maxsplit=1)[0]
    if _NEW_CLAUSE_RE.match(after):
        after = ""  # "pledges $2 billion as damage estimates rise": the next clause's words
    words = _content_words(after)
    if not words:  # "officials put losses at X": the subject said of it, else the words before
        before = re.split(r"[,;:()\"“”]|\s[-–—]\s", sentence[max(0, start - 80) : start])[-1]
        words = subject_before(sentence, start).split() or _content_words(before)
    if unit in (None, "count") and len(words) == 1:
        # "destroyed 2,310 homes", "2,310 homes were destroyed", "and damaged a further 9,800":
        # what was done to them
        done = done_to(sentence, start, end)
        if done:
            return provisional_id(f"{words[0]} {done}", unit)
    return provisional_of(" ".join(words), unit)


# Words that open another clause right after a figure.
_NEW_CLAUSE_RE = re.compile(
    r"\s+(?:as|while|whereas|but|after|when|because|since|although|though)\s", re.IGNORECASE
)


# The verb of what was done to the things counted: before the count ("destroyed 2,310 homes",
# "damaged a further 9,800") or after its noun ("2,310 homes were destroyed").
_DONE_BEFORE_RE = re.compile(
    r"\b([a-z]{3,}(?:ed|t))\s+(?:(?:an?|the|some|about|around|nearly|almost|over|more\s+than|at\s+least)"
    r"\s+)?(?:(?:further|additional|estimated|other|total\s+of)\s+)?$"
)
_DONE_AFTER_RE = re.compile(
    r"\s+[^\W\d_]+\s+(?:(?:were|was|are|is|have\s+been|had\s+been|has\s+been|been)\s+)?"
    r"([a-z]{3,}(?:ed|t))\b"
)
# The verbs of what happens to counted things that tell two counts of one noun apart ("2,310
# homes destroyed", "9,800 damaged"); a verb of counting ("counted", "recorded") says nothing.
_DONE_VERBS = frozenset(
    {"destroyed", "damaged", "flooded", "burned", "burnt", "collapsed", "razed", "demolished",
    "evacuated", "displaced", "killed", "injured", "wounded", "arrested", "detained",
    "rescued", "hired", "fired", "dismissed", "sold", "built", "deployed", "captured",
    "seized", "lost", "affected", "closed", "opened", "repaired", "rebuilt"}
)  # fmt: skip


def done_to(sentence: str, start: int, end: int) -> str:
    """The participle of what was done to a counted noun ("destroyed"), or ""."""
    for found in (
        _DONE_BEFORE_RE.search(sentence, max(0, start - 40), start),
        _DONE_AFTER_RE.match(sentence, end),
    ):
        if found and found.group(1) in _DONE_VERBS:
            return found.group(1)
    return ""


def provisional_of(text: str, unit: str | None = None) -> tuple[str, str]:
    """(id, phrase): the provisional metric named by the content words of `text` ("on new
    ships" -> "new ship")."""
    return provisional_id(" ".join(_content_words(text)) or "figure", unit)


def provisional_id(phrase: str, unit: str | None = None) -> tuple[str, str]:
    """(id, phrase) of a provisional phrase as it is ("home destroyed")."""
    slug = re.sub(r"[^a-z0-9]+", "_", _ascii(phrase)).strip("_")
    return f"{PREFIX}{metric_kind(unit)[0]}_{slug}", phrase


def metric_kind(unit: str | None) -> tuple[str, str]:
    """The kind and canonical unit of a provisional metric for a figure in `unit`."""
    if unit is None or unit == "count":
        return "count", "count"
    if unit == "percent":
        return "ratio", "percent"
    if unit == "rank":
        return "rank", "rank"
    if len(unit) == 3 and unit.isupper():
        return "money", "USD"
    return "quantity", unit


def _ascii(text: str) -> str:
    """Latin letters as plain ASCII where they have a base letter; other scripts kept as-is."""
    plain = fold_accents(text)
    if plain.isascii():
        return plain.lower()
    return "".join(c if c.isascii() else f"u{ord(c):04x}" for c in plain.lower())
