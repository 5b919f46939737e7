"""The stated relations checked on a second thread while the claims are compared give the
same comparison as checking them after it, in order."""

from __future__ import annotations

import threading

import pandas as pd
import pytest

from benchmarks.bench_relations import add_relations
from benchmarks.run import claims_frame
from reconcile.claims.catalogue import Metric
from reconcile.compare import reconciliation
from reconcile.compare.reconciliation import reconcile_frame
from reconcile.compare.relations import check_stated_relations
from reconcile.reference.rates import load_rate_table


@pytest.mark.parametrize("consistent", [True, False])
def test_relations_checked_beside_the_comparison_are_those_checked_after(
    monkeypatch: pytest.MonkeyPatch, consistent: bool
) -> None:
    frame, metrics = claims_frame(20_000)
    metrics = {**metrics, "growth": Metric("growth", "Growth", "ratio", "percent", 0.0)}
    related = add_relations(frame, 3_000, consistent=consistent)
    rates = load_rate_table()
    threads: list[str] = []

    def recorded(claims: pd.DataFrame, table: object) -> list[pd.DataFrame]:
        threads.append(threading.current_thread().name)
        return check_stated_relations(claims, rates)

    monkeypatch.setattr(reconciliation, "check_stated_relations", recorded)
    monkeypatch.setattr(reconciliation, "PARALLEL_ROWS", 10**9)
    after, _, findings_after = reconcile_frame(related, metrics, rates)
    assert threads == []  # below the line: checked after the comparison, in check_relations
    monkeypatch.setattr(reconciliation, "PARALLEL_ROWS", 0)
    beside, _, findings_beside = reconcile_frame(related, metrics, rates)
    assert len(threads) == 1 and threads[0].startswith("relations")
    assert len(beside.relations) > 1000
    for name in ("claims", "groups", "conflicts", "relations"):
        pd.testing.assert_frame_equal(getattr(after, name), getattr(beside, name))
    assert [f.message for f in findings_after] == [f.message for f in findings_beside]


def test_claims_without_relations_are_compared_without_a_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frame, metrics = claims_frame(2_000)
    monkeypatch.setattr(reconciliation, "PARALLEL_ROWS", 0)
    started = threading.active_count()
    monkeypatch.setattr(
        reconciliation, "ThreadPoolExecutor", lambda **_: pytest.fail("a thread was started")
    )
    comparison, _, _ = reconcile_frame(frame, metrics, load_rate_table())
    assert comparison.relations.empty and threading.active_count() == started
