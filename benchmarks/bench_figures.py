"""Score `reconcile parse` on the converted public test suites (../shared/benchmarks/figures).

The rule is the one in that folder's README: a figure is read right when the value is within
0.5 % (both ends for a range), the unit matches and the interval has the right shape. Every case
falls in exactly one outcome:

- right: read right;
- wrong-with-finding: read (ok) but wrong, and the result carries at least one finding;
- silent-wrong: read (ok), wrong, and no finding at all (the worst outcome);
- unread: ok is false (the parser said it could not read the figure).

Some inputs appear twice with different expected readings, taken from different sentences
("45" is a count in "45 and 50 cases" and milligrams in "45 and 50 mg"): no reading of the
input alone gets both. Each input is therefore read in its sentence, as the tool reads a figure
in a document: a bare number before "and 50 mg" takes the unit written once for the pair
(reconcile/figures/context.py). They are scored like every other case and also listed as
`context-dependent`, so a silent misreading among them is told apart from a grammar bug.

"less than N" is read as [0, N] for a positive N (DESIGN.md: figures are counts, amounts and
sizes, which are not negative), so an open lower end in the expected answer is matched by 0 as
well as by minus infinity when N is positive.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

OUTCOMES = ("right", "wrong-with-finding", "silent-wrong", "unread")
TOLERANCE = 0.005


def load_cases(path: Path) -> list[dict[str, Any]]:
    """The cases of a JSON-lines file, one object a line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _close(got: float | None, expected: float) -> bool:
    if got is None or not math.isfinite(got):
        return False
    if expected == 0:
        return abs(got) < 1e-9
    return abs(got - expected) <= TOLERANCE * abs(expected)


@cache
def _registry() -> Any:
    from reconcile.reference.units import unit_registry

    return unit_registry()


@cache
def _same_pint_unit(got: str, expected: str) -> bool:
    if got.replace(" ", "") == expected.replace(" ", ""):
        return True
    registry = _registry()
    try:
        ours, theirs = registry.Unit(got), registry.Unit(expected)
        if ours == theirs:
            return True
        return bool(abs(registry.Quantity(1.0, ours).to(theirs).magnitude - 1.0) < 1e-9)
    except Exception:  # any pint failure means the units are not the same
        return False


def unit_matches(got: str | None, expected: Any) -> bool:
    """Whether the parsed unit is one the case accepts."""
    if got is None:
        return False
    if expected == "ANY-CURRENCY":
        return len(got) == 3 and got.isupper()
    if isinstance(expected, list):
        return got in expected
    if isinstance(expected, dict):
        return _same_pint_unit(got, str(expected["pint"]))
    return bool(got == expected)


def _end(value: float | None, infinite: float) -> float:
    return infinite if value is None else float(value)


def value_matches(record: dict[str, Any], expected: dict[str, Any]) -> bool:
    """Whether the parsed interval has the expected value and shape."""
    factor = float(expected.get("factor") or 1)
    low = _end(record.get("low"), -math.inf)
    high = _end(record.get("high"), math.inf)
    if expected["kind"] == "point":
        amount = record.get("amount")
        return (
            math.isfinite(low)
            and math.isfinite(high)
            and _close(amount, expected["value"] * factor)
        )
    want_low, want_high = expected.get("low"), expected.get("high")
    if want_high is None:
        high_ok = math.isinf(high) and high > 0
    else:
        high_ok = _close(high, want_high * factor)
    if want_low is None:
        positive_top = want_high is not None and want_high > 0
        low_ok = (math.isinf(low) and low < 0) or (positive_top and low == 0)
    else:
        low_ok = _close(low, want_low * factor)
    return high_ok and low_ok


def score_record(record: dict[str, Any], expected: dict[str, Any]) -> str:
    """The outcome of one parsed record against its expected reading."""
    if not record.get("ok"):
        return "unread"
    if unit_matches(record.get("unit"), expected["unit"]) and value_matches(record, expected):
        return "right"
    return "wrong-with-finding" if record.get("findings") else "silent-wrong"


def parse_cases(cases: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The `reconcile parse` records of the cases' inputs, each read in its sentence."""
    from reconcile.normalize.parsing import parse_figures

    cases = list(cases)
    sentences = [case.get("sentence") for case in cases]
    return parse_figures([case["input"] for case in cases], sentences=sentences)


def score_cases(path: Path) -> dict[str, Any]:
    """Outcomes per suite and overall, with each case's outcome (for reports and tests)."""
    cases = load_cases(path)
    records = parse_cases(cases)
    readings: dict[str, set[str]] = {}
    for case in cases:
        readings.setdefault(case["input"], set()).add(json.dumps(case["expected"], sort_keys=True))
    suites: dict[str, Counter[str]] = {}
    details = []
    for case, record in zip(cases, records, strict=True):
        outcome = score_record(record, case["expected"])
        suites.setdefault(case["suite"], Counter())[outcome] += 1
        context = len(readings[case["input"]]) > 1
        details.append(
            {
                "suite": case["suite"],
                "input": case["input"],
                "outcome": outcome,
                "context_dependent": context,
            }
        )
    overall: Counter[str] = Counter()
    for counts in suites.values():
        overall.update(counts)
    summary = {name: _summary(counts) for name, counts in sorted(suites.items())}
    silent_in_context = sum(
        1 for d in details if d["outcome"] == "silent-wrong" and d["context_dependent"]
    )
    overall_summary = _summary(overall)
    overall_summary["silent-wrong-context-dependent"] = silent_in_context
    return {"overall": overall_summary, "suites": summary, "cases": details}


def _summary(counts: Counter[str]) -> dict[str, Any]:
    total = sum(counts.values())
    out: dict[str, Any] = {outcome: counts.get(outcome, 0) for outcome in OUTCOMES}
    out["total"] = total
    out["right_share"] = round(counts.get("right", 0) / total, 4) if total else 0.0
    return out


def bench_figures(path: Path) -> dict[str, Any]:
    """The benchmark line for `make bench`: share read right, silent misreadings, per suite."""
    start = time.perf_counter()
    scores = score_cases(path)
    seconds = time.perf_counter() - start
    overall = scores["overall"]
    per_suite = {name: s["right_share"] for name, s in scores["suites"].items()}
    meets = all(
        share >= (0.70 if name == "Q3-ambiguity" else 0.90) for name, share in per_suite.items()
    )
    return {
        "name": "figures-dev",
        "cases": overall["total"],
        "right_share": overall["right_share"],
        "silent_wrong": overall["silent-wrong"],
        "silent_wrong_context_dependent": overall["silent-wrong-context-dependent"],
        "wrong_with_finding": overall["wrong-with-finding"],
        "unread": overall["unread"],
        "per_suite": per_suite,
        "seconds": round(seconds, 3),
        "ok": overall["right_share"] >= 0.90 and meets and overall["silent-wrong"] == 0,
        "ok_but_context_dependent": overall["silent-wrong"]
        == overall["silent-wrong-context-dependent"],
    }


def main() -> None:
    """Print the per-suite scores and each case that was not read right."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    default = Path(__file__).resolve().parents[2] / "shared/benchmarks/figures/cases_dev.jsonl"
    parser.add_argument("cases", nargs="?", type=Path, default=default)
    parser.add_argument("--misses", action="store_true", help="list every case not read right")
    args = parser.parse_args()
    scores = score_cases(args.cases)
    for name, summary in [("overall", scores["overall"]), *scores["suites"].items()]:
        counts = " ".join(f"{k}={summary[k]}" for k in OUTCOMES)
        print(f"{name:16} {summary['right_share']:.1%} of {summary['total']}: {counts}")
    if args.misses:
        for case in scores["cases"]:
            if case["outcome"] != "right":
                context = " (context-dependent)" if case["context_dependent"] else ""
                print(f"{case['outcome']:20} {case['suite']:14} {case['input']!r}{context}")


if __name__ == "__main__":
    main()


_SPEED_SCRIPT = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from reconcile.figures.grammar import parse_value
texts = json.load(open(sys.argv[2], encoding="utf-8"))
for warm_up in ("warm up $1 billion", "3 km", "about 5 countries", "40 tons of steel"):
    parse_value(warm_up)  # loads the tables and pint once, as the first figure of a run does
# One pass in a fresh process: a string met again in the pass is a repeat, as in real claims;
# a second pass would only measure parse_value's memo.
start = time.process_time()
for text in texts:
    parse_value(text)
print(len(texts) / (time.process_time() - start))
"""


def _strings_per_second(root: Path, strings: Path) -> float:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", _SPEED_SCRIPT, str(root), str(strings)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip())


def bench_parse_speed(texts: list[str], root: Path, previous: str = "main") -> dict[str, Any]:
    """Figure strings parsed per CPU second, now and in `previous` (a git ref), in one run.

    CPU time, not wall time: other work on the machine slows both equally. The previous
    release's package is taken with `git archive` into a temporary folder. Measured twice:
    on `texts` as given (with their repeats) and on the distinct texts only (every string
    read from scratch: the speed of the grammar itself).
    """
    given = _compare_speed(texts, root, previous)
    distinct = _compare_speed(sorted(set(texts)), root, previous)
    return {
        "name": "parse-vs-previous",
        "strings": len(texts),
        "per_cpu_second": given["now"],
        "previous_per_cpu_second": given["before"],
        "ratio": round(given["now"] / given["before"], 2),
        "distinct_strings": len(set(texts)),
        "distinct_per_cpu_second": distinct["now"],
        "distinct_previous_per_cpu_second": distinct["before"],
        "distinct_ratio": round(distinct["now"] / distinct["before"], 2),
        "previous": given["ref"],
        "target_per_second": 50_000,
        "ok": given["now"] >= 50_000,
    }


def _compare_speed(texts: list[str], root: Path, previous: str) -> dict[str, Any]:
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        strings = Path(folder) / "strings.json"
        strings.write_text(json.dumps(texts), encoding="utf-8")
        old_root = Path(folder) / "previous"
        old_root.mkdir()
        base = subprocess.run(
            ["git", "merge-base", "HEAD", previous], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        archive = subprocess.run(
            ["git", "archive", base or previous, "reconcile"], cwd=root, capture_output=True
        )
        if archive.returncode != 0:
            raise RuntimeError(f"no git ref {previous}: {archive.stderr.decode()}")
        subprocess.run(["tar", "-x", "-C", str(old_root)], input=archive.stdout, check=True)
        rates = []
        for _ in range(2):  # interleaved, best of each
            rates.append(
                (_strings_per_second(root, strings), _strings_per_second(old_root, strings))
            )
    return {
        "now": round(max(r[0] for r in rates)),
        "before": round(max(r[1] for r in rates)),
        "ref": (base or previous)[:12],
    }
