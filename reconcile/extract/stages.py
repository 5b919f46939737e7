"""The budget stage a figure is at (draft, approved, revised, executed) and its price basis.

Stage words as budget reporting uses them, mapped onto the claim format's four stages
(docs/claims-format.md): a plan or proposal is a draft; an adopted, passed or signed budget is
approved; an amendment, revision, cut or supplement is revised; spending, outturn and
execution are executed. Statistics are staged the same way: preliminary, provisional or
initial results are a draft, updated or final results a revision. The word nearest the figure
wins, unless another figure stands between them ("from the planned 307 billion to 387
billion": "planned" is 307's stage, not 387's).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reconcile.core.patterns import YEAR

# Words that name a stage; a budget's own stage word ("the draft budget") outranks the verbs
# that only say money was set aside ("allocated"), which count when no stage word is there.
_STAGE_WORDS = {
    "draft": r"draft|drafts|proposed|proposes|proposal|proposing|planned|projected|envisaged"
    r"|envisages|requested|requesting|request|seeks|sought|submitted|preliminary|provisional"
    r"|budget\s+bill"
    r"|initial\s+(?:results?|estimates?|figures?|count|data)",
    "approved": r"approved|approves|adopted|adopts|passed|passes|signed|signs|enacted|enacts"
    r"|budget\s+law"
    r"|budget\s+estimates?",
    "revised": r"amended|amendments?|revised|revises|revision|cut|cuts|reduced|reduction"
    r"|additional|supplementary|updated|final\s+(?:results?|count|figures?|data|estimates?|tally)",
    "executed": r"executed|execution|spent|actual|actually|outturn|implementation|disbursed",
}
# The same stages in Russian, Ukrainian, Polish, German, French and Spanish (stems).
_OTHER_STAGE_WORDS = {
    # "проект" alone is also a project: the draft is of a budget or a law
    "draft": r"проект\w*\s+(?:\w+\s+){0,2}?бюджет\w*|законопроект\w*"
    r"|проєкт\w*\s+(?:\w+\s+){0,2}?бюджет\w*|законопроєкт\w*"
    r"|projekt\w*\s+(?:budżet|ustaw)\w*|\w*entwurf\w*|projet\s+de\s+(?:budget|loi)"
    r"|proyecto\s+de\s+(?:presupuesto|ley)",
    "approved": r"утвержд\w*|утвержден\w*|затвердж\w*|ухвал\w*|uchwal\w*|przyjęt\w*"
    r"|beschl(?:ossen|ießt)|verabschiedet|adopté\w*|aprobad\w*",
    "revised": r"сократ\w*|сокращ\w*|скороч\w*|пересмотр\w*|nowelizacj\w*|gekürzt|révisé\w*"
    r"|recortad\w*",
    "executed": r"исполнен\w*|израсходова\w*|потрачен\w*|виконан\w*|wykonan\w*|ausgegeben"
    r"|dépensé\w*|ejecutad\w*",
}
_STAGE_WORDS = {k: f"{v}|{_OTHER_STAGE_WORDS[k]}" for k, v in _STAGE_WORDS.items()}
# "was budgeted", "the budget provides for": the verbs of an adopted budget in those languages.
_OTHER_WEAK_APPROVED = (
    r"заложен\w*|предусмотрен\w*|предусматрива\w*|передбачен\w*|zakład\w*|przewiduj\w*"
    r"|vorgesehen|prévu\w*|previst\w*"
)
_WEAK_STAGE_WORDS = {
    "draft": r"plans?\s+to|planning|will\s+be\s+spent|will\s+go|to\s+spend|presented",
    "approved": r"allocated|allocates|allotted|set\s+aside|earmarked|budgeted|appropriated"
    r"|in\s+force|" + _OTHER_WEAK_APPROVED,
    # "reached ... as of the end of the year": the appropriation as the year closed
    "revised": r"increased\s+to|raised\s+to|extra"
    r"|(?:as\s+of|by)\s+(?:the\s+)?(?:end\s+of\s+the\s+(?:fiscal\s+)?year|year[-\s]end)",
    # "spending was ...", "expenditure, which was ...": what was spent, in the past tense
    "executed": r"was\s+fully|completed|paid\s+out|amounted\s+to"
    r"|(?:spending|expenditures?)(?:,?\s+which)?\s+(?:was|were|totall?ed|stood\s+at)"
    r"(?!\s+(?:expected|projected|forecast|estimated|set|planned|due|likely|to|not)\b)",
}


# One pass over a sentence finds both: strong words in groups "<stage>", weak in "<stage>_w".
# Matched case-sensitively against lower-cased text: IGNORECASE alternations are slow. The
# word boundary before them all is tested once per position, not once per group.
_STAGE_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            *(rf"(?P<{stage}>(?:{words})\b)" for stage, words in _STAGE_WORDS.items()),
            *(rf"(?P<{stage}_w>(?:{words})\b)" for stage, words in _WEAK_STAGE_WORDS.items()),
        ]
    )
    + ")"
)
_CONSTANT_RE = re.compile(
    rf"\b(?:in\s+)?(?:constant|real)\s*(?:\(?(?P<year>{YEAR})\)?\s*)?(?:prices|dollars|terms|US\$)?"
    rf"|\b(?P<year2>{YEAR})\s+(?:prices|constant\s+dollars)\b",
    re.IGNORECASE,
)
_CURRENT_RE = re.compile(r"\b(?:current|nominal)\s+(?:prices|dollars|terms)\b", re.IGNORECASE)


def find_stage(
    sentence: str,
    start: int,
    end: int,
    figures: tuple[tuple[int, int], ...] = (),
    before: str = "",
) -> str | None:
    """The budget stage of the figure at [start, end) of a sentence, or None.

    A stage word of the sentence's own comes first; then one that `before` (the paragraph up
    to the sentence) names ("The draft budget stipulates ... 136 billion is allocated");
    then the sentence's allocation verbs.
    """
    strong, weak = _stage_words(sentence)
    found = _nearest(strong, start, end, figures, sentence)
    found = found or _against_a_later_stage(sentence, end, strong)
    if found is None and before:
        found = _budget_stage(before[-600:])
    return found or _nearest(weak, start, end, figures, sentence)


# A stage word right before a figure describes that figure ("last year's revised estimate of
# Rs 4.8 lakh crore"), not the budget the text is about.
_BEFORE_A_FIGURE_RE = re.compile(
    r"(?:\s+[^\W\d_]+){0,3}?\s+(?:of\s+|at\s+)?(?:[^\w\s]{1,2}\s?|[A-Za-z]{1,3}\.?\s)?"
    r"(?!(?:19|20)\d\d(?:-\d+)?\b)\d"  # a year is not a figure
)


_BUDGET_NOUN_RE = re.compile(r"\s+(?:[^\W\d_]+\s+)?(?:budget|estimates?|law|bill|plan)\b", re.I)


def text_stage(lead: str) -> str | None:
    """The stage a text's lead gives its budget: the first stage word of a budget ("draft
    budget"), else the last strong stage word that does not describe one figure of its own,
    else the last allocation verb."""
    strong, weak = _stage_words(lead)
    own = [
        w
        for w in strong
        if not _BEFORE_A_FIGURE_RE.match(lead, w[1]) and _of_a_budget(lead, w[0], w[1])
    ]
    found = _named_first(lead, own) or own[-1:] or weak[-1:]
    return found[0][2] if found else None


def _named_first(
    text: str, words: list[tuple[int, int, str]] | tuple[tuple[int, int, str], ...]
) -> list[tuple[int, int, str]]:
    """The first stage word that names a budget's own stage: "the draft budget ... that was
    approved" (the budget's own word says more than the verb of what happened to it); "den
    Entwurf für den Haushalt ... beschlossen", "Haushaltsentwurf" in languages that compound."""
    compound = [
        w
        for w in words
        if _BUDGET_NOUN_NEAR_RE.search(text[w[0] : w[1]])
        and not any(c.isspace() for c in text[w[0] : w[1]])
    ]  # one word: "Haushaltsentwurf", not "budget bill"
    named = [
        w
        for w in words
        if _BUDGET_NOUN_RE.match(text, w[1]) or _OWN_BUDGET_AFTER_RE.match(text, w[1])
    ]
    return compound[:1] or named[:1]


# "Entwurf für den Bundeshaushalt", "проект федерального бюджета": a draft of a budget.
_OWN_BUDGET_AFTER_RE = re.compile(
    r"\s+(?:(?:für|of|for|de|du|del|des)\s+)?(?:[^\W\d_]+\s+){0,2}?"
    r"(?:\w*haushalt\w*|budget\w*|бюджет\w*|budżet\w*|presupuesto\w*|bütçe\w*)",
    re.IGNORECASE,
)


def _budget_stage(before: str) -> str | None:
    """The stage a paragraph so far gives its budget: a budget's own stage word, else the last."""
    strong = list(_stage_words(before)[0])
    found = _named_first(before, strong) or strong[-1:]
    return found[0][2] if found else None


# The nouns of a budget, in the languages of the stage words: a stage word of a lead counts when
# one is in its clause ("the definition adopted by each ministry" stages no budget).
_BUDGET_NOUN_NEAR_RE = re.compile(
    r"budget|\bbill\b|\blaw\b|\bestimates?\b|spending|expenditure|allocation|outlay"
    r"|appropriation|бюджет|budżet|haushalt|presupuesto|bütçe",
    re.IGNORECASE,
)
_CLAUSE_STOP_RE = re.compile(r"[.;!?](?=\s|$)|\n")


def _of_a_budget(lead: str, start: int, end: int) -> bool:
    """True when a budget noun is within a few words of a stage word, in its own sentence."""
    low, high = max(0, start - 60), min(len(lead), end + 60)
    stops = [m.end() for m in _CLAUSE_STOP_RE.finditer(lead, low, start)]
    low = stops[-1] if stops else low
    after = _CLAUSE_STOP_RE.search(lead, end, high)
    high = after.start() if after else high
    return bool(_BUDGET_NOUN_NEAR_RE.search(lead, low, high))


_NAME_WORD_BEFORE_RE = re.compile(r"[A-Z][\w’'-]*\s+(?:(?:and|of|for|&)\s+)?$")
_NAME_WORD_AFTER_RE = re.compile(r"\s+(?:(?:and|of|for|&)\s+)?[A-Z]")


def _in_a_name(sentence: str, start: int, end: int) -> bool:
    """A capitalised word between two capitalised words: part of an organisation's name."""
    return (
        sentence[start : start + 1].isupper()
        and bool(_NAME_WORD_BEFORE_RE.search(sentence, max(0, start - 30), start))
        and bool(_NAME_WORD_AFTER_RE.match(sentence, end))
    )


_EXCEEDED_RE = re.compile(r"pass(?:ed|es)\s+(?:the\s+)?(?:(?:mark|level)\s+of\s+)?[$€£]?\d")


@lru_cache(maxsize=64)
def _stage_words(sentence: str) -> tuple[tuple[tuple[int, int, str], ...], ...]:
    """The stage words of a sentence, strong and weak, found once for all its figures."""
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a few characters lengthen when lower-cased ("İ")
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    strong, weak = [], []
    for match in _STAGE_RE.finditer(lowered):
        name = match.lastgroup or ""
        if _EXCEEDED_RE.match(lowered, match.start()):
            continue  # "the toll passed 11,000": went beyond, no budget's stage
        if _in_a_name(sentence, match.start(), match.end()):
            continue  # "the Disaster Risk Reduction and Management Council": a name
        if name.endswith("_w"):
            weak.append((match.start(), match.end(), name[:-2]))
        else:
            strong.append((match.start(), match.end(), name))
    return tuple(strong), tuple(weak)


_AGAINST_RE = re.compile(r"\b(?:as\s+against|compared\s+(?:to|with)|against|versus|vs\.?)\s")


def _against_a_later_stage(
    sentence: str, end: int, strong: tuple[tuple[int, int, str], ...]
) -> str | None:
    """ "X as against the revised allocation of Y", "X compared to last year's revised estimate
    of Y": a budget set against a revised or spent one is the budget as adopted."""
    for word_start, _, stage in strong:
        lowered = sentence.lower()
        if (
            stage in {"revised", "executed"}
            and word_start >= end
            and _AGAINST_RE.search(lowered, end, word_start)
        ):
            return "approved"
    return None


# "by" before an increment, in English and Russian/Ukrainian ("на 75 миллионов").
_BY_RE = re.compile(r"(?:\bby|(?<!\w)на)\s+$", re.IGNORECASE)


# "2.1 percent of GDP, that is $50 billion": the same figure said again another way.
_THAT_IS_RE = re.compile(
    r"[^;]{0,24}?(?:,\s*|\s+)(?:or|i\.e\.|that\s+is|czyli|то\s+есть|т\.\s?е\.|тобто|d\.\s?h\.|"
    r"c['’]est-à-dire|es\s+decir)\s+",
    re.IGNORECASE,
)


def _carries(sentence: str, other: int, start: int) -> bool:
    """A figure between a stage word and this one lets the word through: an increment ("cut
    by $2 billion to $40 billion") or the same figure said another way ("2.1 % of GDP, that
    is PLN 50 billion")."""
    if _BY_RE.search(sentence, max(0, other - 6), other):
        return True
    end = _NUMBER_END_RE.match(sentence, other)
    return bool(end and _THAT_IS_RE.fullmatch(sentence, end.end(), start))


_NUMBER_END_RE = re.compile(r"[\d.,\s]*\d")


def _nearest(
    words: tuple[tuple[int, int, str], ...],
    start: int,
    end: int,
    figures: tuple[tuple[int, int], ...],
    sentence: str = "",
) -> str | None:
    best: tuple[int, str] | None = None
    for word_start, word_end, stage in words:
        if word_end <= start:
            distance, between = start - word_end, (word_end, start)
        elif word_start >= end:
            distance, between = word_start - end, (end, word_start)
        else:
            distance, between = 0, (start, start)  # inside the figure ("an additional 5 billion")
        inside = [
            a for a, b in figures if between[0] <= a and b <= between[1] and (a, b) != (start, end)
        ]
        # "cut by $2 billion to $40 billion": the increment between does not keep the stage
        # word from the level it leads to.
        if inside and not (word_end <= start and all(_carries(sentence, a, start) for a in inside)):
            continue
        if (
            word_start >= end
            and any(a > end for a, _ in figures)
            and (
                _BEFORE_A_FIGURE_RE.match(sentence, word_end)
                or any(word_end <= a and a - word_end < distance for a, _ in figures if a > end)
            )
        ):
            continue  # "X compared with last year's revised estimate of Y": Y's stage
        if best is None or distance < best[0]:
            best = (distance, stage)
    return best[1] if best else None


_SCOPE_RE = re.compile(
    r"\s*[,(–—-]?\s*(?P<scope>(?:excluding|including|inclusive\s+of|exclusive\s+of|without|"
    r"net\s+of|not\s+counting)\s+(?:the\s+|its\s+)?(?!all\b|some\b|those\b|these\b)[\w’'-]+(?:\s+(?:and|&)\s+[\w’'-]+)?)",
    re.IGNORECASE,
)


# A sentence that opens with what its figures include or leave out: "Including nuclear weapons
# work at the Energy Department, the total is $895.2 billion."
_OPENING_SCOPE_RE = re.compile(
    r"\s*(?P<scope>(?:including|excluding|without|not\s+counting)\s+(?:the\s+|its\s+)?"
    r"[\w’'-]+(?:\s+[\w’'-]+)?)[^,;]{0,60},(?=[^,;]*$)",
    re.IGNORECASE,
)


# Words that make the figure after them a change, not a level: "rose by $2 billion", "an
# additional 5 billion", "cut by 12 million".
_INCREMENT_RE = re.compile(
    r"\b(?:(?:increased|increases?|rises?|rose|risen|grows?|grew|grown|surged|jumped|climbed"
    r"|raised|boosted|cut|reduced|decreased|falls?|fell|fallen|drops?|dropped|slashed|lowered"
    r"|trimmed)\s+(?:it\s+)?by|"
    r"an?\s+(?:additional|extra|further)|additional|extra|(?<!\w)(?:um|o)"
    # "an increase of $900 million", "the increase is worth about $950 million"
    r"|(?:an?\s+)?(?:increase|rise|hike|boost|cut|reduction|decrease|drop|fall|decline)\s+of"
    r"|the\s+(?:increase|rise|hike|cut|reduction|decrease)\s+(?:is|was|will\s+be|would\s+be)"
    r"(?:\s+worth)?"
    # "the increase, worth about $950 million", "the cut, totalling 2 billion"
    r"|the\s+(?:increase|rise|hike|boost|cut|reduction|decrease),?\s+(?:worth|totall?ing|"
    r"amounting\s+to)"
    # French, Spanish, Italian: "une hausse de 3 milliards", "un aumento de 2.000 millones"
    r"|(?:hausse|baisse|augmentation|diminution|aumento|incremento|disminución|recorte)\s+d[e']"
    r"|(?:augmente\w*|baisse\w*|aumenta\w*)\s+de)\s+"
    r"(?:(?:almost|nearly|about|around|some|more\s+than|over|less\s+than|up\s+to)\s+)?$",
    re.IGNORECASE,
)
# "844,000 fewer people than in 2011", "$2 billion more than planned", "hire 3,000 more": a
# difference.
_DIFFERENCE_AFTER_RE = re.compile(
    r"\s+(?:[^\W\d_]+\s+){0,2}?(?:more|fewer|less|higher|lower)\s+(?:[^\W\d_]+\s+){0,3}?than\b"
    r"|\s+(?:more|fewer|extra|additional)\b(?!\s+or\s+less)(?!\s+(?:[^\W\d_]+\s+){0,3}?than\b)"
    # "4.9 billion crowns added during budget talks", "2 billion euros were added"
    r"|\s+(?:(?:was|were|has\s+been|have\s+been)\s+)?added\b"
    # "на 3 трлн рублей больше", "o 5 mld zł więcej", "um 2 Mrd. Euro mehr"
    r"|\s+(?:больше|меньше|більше|менше|więcej|mniej|mehr|weniger)\b",
    re.IGNORECASE,
)
# "raised the proposal it received in May by 1.2 trillion": the change verb further back.
_BY_AFTER_A_CHANGE_RE = re.compile(
    r"\b(?:rais|increas|cut|reduc|lower|boost|trimm|slash|expand)\w*\b[^.;,]{0,60}?\bby\s+[^\W\d_]{0,3}$",
    re.IGNORECASE,
)
INCREMENT = "the increment only"
MULTI_YEAR = "a total over several years"
_YEAR_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
_YEARS_BEFORE_RE = re.compile(
    rf"\b(?:{_YEAR_COUNT}-year|multi-?year),?\s+(?:[a-z]+\s+)?$", re.IGNORECASE
)
_YEARS_AFTER_RE = re.compile(
    rf"\s+(?:[a-z]+\s+){{0,3}}?(?:over|across|during|within)\s+(?:the\s+)?(?:next\s+|coming\s+"
    rf"|past\s+)?{_YEAR_COUNT}\s+years\b",
    re.IGNORECASE,
)


def find_scope(sentence: str, start: int, end: int) -> str | None:
    """What a figure says it includes or leaves out, right after it ("X, excluding pensions"),
    or `INCREMENT` for a money or quantity figure that is a change ("an additional 5 billion",
    "rose by $2 billion"): compared with a level, it measures something else."""
    found = _SCOPE_RE.match(sentence, end) or _OPENING_SCOPE_RE.match(sentence[:start])
    if found:
        return " ".join(found.group("scope").lower().split())
    if _YEARS_BEFORE_RE.search(sentence, max(0, start - 30), start) or _YEARS_AFTER_RE.match(
        sentence, end
    ):
        return MULTI_YEAR  # "a five-year 43 trillion yen buildup", "$50 billion over 10 years"
    lead = re.match(r"[^\W\d_]*(?:\s+[^\W\d_]+)*\s*", sentence[start:end])
    before = sentence[max(0, start - 60) : start + (lead.end() if lead else 0)]
    if (
        _INCREMENT_RE.search(before)
        or _BY_AFTER_A_CHANGE_RE.search(before)
        or _DIFFERENCE_AFTER_RE.match(sentence, end)
    ):
        return INCREMENT
    return None


@lru_cache(maxsize=64)
def find_basis(sentence: str) -> str | None:
    """'constant-YEAR' or 'current' when the sentence states the price basis."""
    constant = _CONSTANT_RE.search(sentence)
    if constant and (constant.group("year") or constant.group("year2")):
        return f"constant-{constant.group('year') or constant.group('year2')}"
    if _CURRENT_RE.search(sentence):
        return "current"
    return None
