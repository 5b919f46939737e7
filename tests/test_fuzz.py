"""Property tests (hypothesis) for the figure parser and the claim loader; `make fuzz` runs the
same checks for longer through atheris (scripts/fuzz.py). Invariants are in tests/fuzzing.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.normalize.parsing import parse_figures

from .fuzzing import (
    InvariantError,
    check_parsed,
    fuzz_claim_files,
    fuzz_figure,
    seed_claim_files,
    seed_figures,
)

TOKENS = [
    "$", "US$", "€", "₼", "AZN", "manat", "dollars", "about", "nearly", "more than", "up to",
    "between", "and", "to", "-", "–", "%", "per cent", "of", "th", "59th", "of 127", "among",
    "thousand", "million", "billion", "trillion", "bn", "mln", "k", "m", "one", "twenty",
    "hundred", "dozen", "half", "a", "(", ")", ",", ".", "1,473", "22,7", "2.46", "0", "00",
    "1e5", "1e400", "9" * 40, "²", "½", "km", "tonnes", "countries", "troops", "(2009)",
    "\x1b[2J", "[/]", "\u200b", "\x00",
]  # fmt: skip
FIGURES = st.one_of(
    st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8).map(" ".join),
    st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8).map("".join),
    st.text(max_size=40),
    st.builds(
        lambda a, b, op: f"{a}{op}{b}",
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.integers(min_value=-(10**400), max_value=10**400).map(str),
        st.sampled_from(["-", " to ", "–", " of ", "th of ", " trillion "]),
    ),
)
FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(FIGURES, st.one_of(st.none(), st.integers(min_value=1000, max_value=2100)))
def test_parse_value_keeps_its_invariants(text: str, year: int | None) -> None:
    fuzz_figure(text, year)


@settings(max_examples=40, deadline=None)
@given(st.lists(FIGURES, min_size=1, max_size=6))
def test_parse_figures_keeps_its_invariants_after_normalising(texts: list[str]) -> None:
    for record in parse_figures(texts, year=2020):
        normalized = record["normalized"]
        if record["ok"] is False and normalized is None:
            assert record["amount"] is None
        if normalized and None not in (normalized["low"], normalized["high"]):
            assert normalized["low"] <= normalized["high"]


@pytest.mark.parametrize("text", seed_figures())
def test_parser_regression_seeds(text: str) -> None:
    fuzz_figure(text)


def test_the_invariants_catch_a_wrong_answer() -> None:
    from reconcile.core.parsed_value import ParsedValue

    with pytest.raises(InvariantError, match="amount outside"):
        check_parsed(ParsedValue("x", True, amount=4555.0, low=4599.0, high=5110.0))
    with pytest.raises(InvariantError, match="with numbers"):
        check_parsed(ParsedValue("x", False, amount=1.0))


FIELD_VALUES = st.one_of(
    st.none(),
    st.text(max_size=20),
    FIGURES,
    st.integers(),
    st.floats(),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sampled_from(["AZE", "military_expenditure", "2009", "SIPRI", "IISS", "²", "five", "0th"]),
)
FIELDS = ["id", "entity", "metric", "period", "value", "source", "line", "stage", "basis", "quote"]
CLAIM = st.one_of(
    st.dictionaries(st.sampled_from([*FIELDS, "qoute", "x"]), FIELD_VALUES, max_size=10),
    st.fixed_dictionaries(  # whole claims, so that figures reach normalising and comparing
        {
            "id": st.text(min_size=1, max_size=6),
            "entity": st.sampled_from(["AZE", "ARM", "ISR-AZE", "x-y"]),
            "metric": st.sampled_from(["military_expenditure", "gfp_rank", "active_personnel"]),
            "period": st.sampled_from(["2009", "2017", "2024-H1", "2009-2016", "undated"]),
            "value": FIGURES,
            "source": st.sampled_from(["SIPRI", "IISS", "Gazette", "GlobalFirepower"]),
        },
        optional={"line": FIELD_VALUES, "stage": FIELD_VALUES, "basis": FIELD_VALUES},
    ),
)


def _claim_file(claims: list[dict[str, object]], mutation: tuple[int, str]) -> str:
    text = yaml.safe_dump(
        {"document": {"id": "d", "file": "d.txt"}, "claims": claims}, allow_unicode=True
    )
    at, insert = mutation
    at = at % (len(text) + 1)
    return text[:at] + insert + text[at:]


MUTATIONS = st.tuples(
    st.integers(min_value=0), st.sampled_from(["", "", "", ":", "-", "&a ", "*a", "'", "\t", "{"])
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(CLAIM, max_size=5), MUTATIONS)
def test_random_claim_files_never_crash(claims: list[dict[str, object]], mutation: object) -> None:
    fuzz_claim_files({"c.yaml": _claim_file(claims, mutation)})  # type: ignore[arg-type]


CSV_CELL = st.one_of(st.text(max_size=12), FIGURES, st.sampled_from(['"', '""', ",", "\r", "="]))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(CSV_CELL, max_size=9), max_size=4))
def test_random_csv_claims_never_crash(rows: list[list[str]]) -> None:
    header = "id,document,entity,metric,period,value,source"
    body = "\n".join(",".join(row) for row in rows)
    fuzz_claim_files(
        {"d.yaml": "document: {id: d, file: d.txt}\nclaims: []\n", "c.csv": f"{header}\n{body}\n"}
    )


@pytest.mark.parametrize("path", seed_claim_files(), ids=lambda p: Path(p).name)
def test_claim_file_regression_seeds(path: Path) -> None:
    files: dict[str, str | bytes] = {path.name: path.read_bytes()}
    if path.suffix == ".csv":
        files["d.yaml"] = "document: {id: d, file: d.txt}\nclaims: []\n"
    fuzz_claim_files(files)
