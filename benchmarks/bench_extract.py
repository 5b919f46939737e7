"""Benchmark: megabytes of plain text per second through document reading and claim drafting."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from reconcile.claims.catalogue import load_catalogue
from reconcile.extract.drafts import draft_claims
from reconcile.extract.readers import parse_document

ROOT = Path(__file__).resolve().parents[1]

_SENTENCES = [
    "According to government sources, the country produced equipment worth about {n} million "
    "manat last year.",
    "The {y} state budget allocates {n}.{d} billion manat to defense, a {p} percent increase.",
    "The army has {n},{m:03d} active personnel and {k} main battle tanks, the ministry said.",
    "However, in {y} Global Firepower ranked the country {k}th among 140 countries.",
    "Officials argue that such investment is essential to maintain operational readiness.",
    "The 1st Army Corps paraded on 26 June {y} with MiG-29 jets and 300mm rockets.",
    "From January through May {y}, it imported over {k} million tons of oil.",
]
# Prose without figures: seed articles carry about one or two figures per kilobyte.
_PROSE = [
    "Officials argue that such investment is essential to maintain operational readiness.",
    "Cooperation with international partners has also played an important role in technology "
    "transfer and modernization, allowing manufacturers to adopt global best practices.",
    "Analysts highlight that a robust domestic defense industry is not only a strategic asset "
    "but also a driver of broader industrial development and innovation in the country.",
    "The development of the defense industry carries both strategic and economic significance.",
]


def generate_text(size: int, seed: int = 5) -> str:
    """Newspaper-like text with figures, dates and decoys, about `size` characters long."""
    rng = random.Random(seed)
    parts = ["13 March 2026\n\n"]
    length = len(parts[0])
    while length < size:
        paragraph = " ".join(
            rng.choice(_SENTENCES if rng.random() < 0.25 else _PROSE).format(
                n=rng.randint(2, 999),
                d=rng.randint(0, 9),
                y=rng.randint(1995, 2025),
                p=rng.randint(2, 40),
                m=rng.randint(0, 999),
                k=rng.randint(2, 99),
            )
            for _ in range(rng.randint(2, 6))
        )
        parts.append(paragraph + "\n\n")
        length += len(paragraph) + 2
    return "".join(parts)


def bench_extract(size: int = 2_000_000, runs: int = 3) -> dict[str, Any]:
    """Draft claims from generated plain text; returns MB/s (the best of `runs`) and counts.

    Each run is a fresh process: within one process, the second run finds every figure
    already parsed (the parse cache), which new text would not, so repeating in-process would
    measure the cache. The machine is shared, and one run can take half as long again as the
    next; the best of fresh runs is the machine's speed, not its neighbours'.
    """
    command = [sys.executable, "-m", "benchmarks.bench_extract", "--once", str(size)]
    results = []
    for _ in range(runs):
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    best = min(results, key=lambda r: float(r["seconds"]))
    return {**best, "seconds_each": [r["seconds"] for r in results]}


def extract_once(size: int) -> dict[str, float]:
    """One timed drafting of `size` characters of generated text, in this process."""
    catalogue = load_catalogue(ROOT / "claims")
    text = generate_text(size)
    draft_claims(parse_document("warmup.txt", text[:5000]), catalogue)  # compile regexes
    started = time.perf_counter()
    drafts = draft_claims(parse_document("bench.txt", text), catalogue, entity="AZE")
    seconds = time.perf_counter() - started
    megabytes = len(text.encode("utf-8")) / 1e6
    return {
        "megabytes": round(megabytes, 2),
        "seconds": round(seconds, 3),
        "mb_per_second": round(megabytes / seconds, 2),
        "drafts": float(len(drafts)),
    }


def bench_corpus(corpus: Path = ROOT.parent / "shared" / "corpus") -> list[dict[str, Any]]:
    """Issue 10: drafts of the real-news corpus scored against expected.yaml, per cluster."""
    from reconcile.extract.corpus_eval import evaluate_corpus

    if not (corpus / "expected.yaml").is_file():
        return []
    clusters = evaluate_corpus(corpus).clusters()
    keys = ("figures", "value", "value_entity_period", "entity", "period", "grouping", "stage")
    return [
        {"name": f"corpus {name}", **{k: row[k] for k in keys}} for name, row in clusters.items()
    ]


def bench_verdicts(corpus: Path = ROOT.parent / "shared" / "corpus") -> list[dict[str, Any]]:
    """Issue 12: `reconcile eval` on the corpus (pairs matched per verdict class, against the
    acceptance line) and `reconcile report` on its 25 articles, start-up included (< 3 s)."""
    import statistics

    from reconcile.report.evaluate import evaluate

    if not (corpus / "expected.yaml").is_file():
        return []
    result = evaluate(corpus / "expected.yaml", [corpus / "docs"]).to_dict()
    pairs = result["pairs"]
    targets = {"conflict": 0.8, "agree": 0.9, "not_a_conflict": 0.8}
    shares = {k: round(pairs[k]["matched"] / pairs[k]["total"], 3) for k in targets}
    rows: list[dict[str, Any]] = [
        {
            "name": "eval corpus verdicts",
            "figures": f"{result['figures']['found']}/{result['figures']['total']}",
            **{k: f"{pairs[k]['matched']}/{pairs[k]['total']}" for k in targets},
            **{f"{k}_share": v for k, v in shares.items()},
            "ok": all(shares[k] >= targets[k] for k in targets),
        }
    ]
    command = [str(ROOT / ".venv" / "bin" / "reconcile"), "report", str(corpus / "docs")]
    if not Path(command[0]).exists():
        command = [sys.executable, "-m", "reconcile", "report", str(corpus / "docs")]
    times = []
    for _ in range(3):
        began = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
        times.append(time.perf_counter() - began)
    rows.append(
        {
            "name": "report-corpus-articles-cli",
            "seconds_median": round(statistics.median(times), 3),
            "target_seconds": 3.0,
            "ok": statistics.median(times) < 3.0,
        }
    )
    return rows


if __name__ == "__main__":
    if sys.argv[1:2] == ["--once"]:
        print(json.dumps(extract_once(int(sys.argv[2]))))
    else:
        print(bench_extract())
