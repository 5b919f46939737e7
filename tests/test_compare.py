"""The vectorised comparison against a brute-force one (hypothesis), and fingerprints."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.compare.groups import add_fingerprints, compare_claims, fingerprint

intervals = st.lists(
    st.tuples(
        st.integers(0, 3),  # group
        st.integers(0, 3),  # source
        st.integers(0, 50),  # low
        st.integers(0, 10),  # width
    ),
    min_size=1,
    max_size=25,
)


def frame_of(rows: list[tuple[int, int, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [f"c{i}" for i in range(len(rows))],
            "entity": "AZE",
            "metric": "m",
            "period": [str(2000 + g) for g, *_ in rows],
            "source": [f"S{s}" for _, s, _, _ in rows],
            "document": "d",
            "valid": True,
            "normalized_low": [float(lo) for _, _, lo, _ in rows],
            "normalized_high": [float(lo + w) for _, _, lo, w in rows],
            "normalized_amount": [lo + w / 2 for _, _, lo, w in rows],
        }
    )


@settings(max_examples=200, deadline=None)
@given(intervals)
def test_matches_brute_force(rows: list[tuple[int, int, int, int]]) -> None:
    comparison = compare_claims(frame_of(rows))
    claims = comparison.claims
    active = claims[claims["repeat_of"].isna()]
    expected_pairs = set()
    for _, group in active.groupby("period"):
        members = list(group.itertuples())
        for a, b in itertools.permutations(members, 2):
            if b.normalized_low > a.normalized_high:
                expected_pairs.add((a.id, b.id))
        # Clusters are the connected components of the overlap graph.
        parent = {m.id: m.id for m in members}

        def root(x: str, parent: dict[str, str] = parent) -> str:
            while parent[x] != x:
                x = parent[x]
            return x

        for a, b in itertools.combinations(members, 2):
            if a.normalized_low <= b.normalized_high and b.normalized_low <= a.normalized_high:
                parent[root(a.id)] = root(b.id)
        cluster_of = dict(zip(group["id"], group["cluster"], strict=True))
        for a, b in itertools.combinations(members, 2):
            assert (root(a.id) == root(b.id)) == (cluster_of[a.id] == cluster_of[b.id])
    got = set(zip(comparison.conflicts["id_a"], comparison.conflicts["id_b"], strict=True))
    assert got == expected_pairs
    verdicts = dict(zip(comparison.groups["period"], comparison.groups["verdict"], strict=True))
    for period, group in active.groupby("period"):
        conflicting = any(a in set(group["id"]) for a, _ in expected_pairs)
        if conflicting:
            assert verdicts[period] == "conflict"
        else:
            assert verdicts[period] == ("consistent" if len(group) > 1 else "single")


def test_repeats_by_the_same_source_count_once() -> None:
    rows = [(0, 0, 10, 1), (0, 0, 10, 1), (0, 1, 30, 1)]
    comparison = compare_claims(frame_of(rows))
    repeat_of = comparison.claims["repeat_of"]
    assert list(repeat_of.isna()) == [True, False, True]
    assert repeat_of.iloc[1] == "c0"
    assert len(comparison.conflicts) == 1


def test_tolerance_widens_intervals() -> None:
    frame = frame_of([(0, 0, 100, 0), (0, 1, 104, 0)])
    assert compare_claims(frame).groups["verdict"].iloc[0] == "conflict"
    tolerant = compare_claims(frame, pd.Series({"m": 0.05}))
    assert tolerant.groups["verdict"].iloc[0] == "consistent"


def test_fingerprint_ignores_source_order_and_values() -> None:
    assert fingerprint("AZE", "m", "2009", "SIPRI", "AzerNEWS") == fingerprint(
        "AZE", "m", "2009", "AzerNEWS", "SIPRI"
    )
    assert fingerprint("AZE", "m", "2009", "SIPRI", "IISS") != fingerprint(
        "AZE", "m", "2010", "SIPRI", "IISS"
    )
    frame = frame_of([(0, 0, 10, 1), (0, 1, 30, 1)])
    [vectorised] = add_fingerprints(compare_claims(frame).conflicts)["fingerprint"]
    assert vectorised == fingerprint("AZE", "m", "2000", "S0", "S1")


def test_invalid_claims_do_not_take_part() -> None:
    frame = frame_of([(0, 0, 10, 1), (0, 1, 30, 1)])
    frame.loc[1, "valid"] = False
    comparison = compare_claims(frame)
    assert comparison.groups["verdict"].iloc[0] == "single"
    assert np.array_equal(comparison.claims["cluster"].to_numpy(), [0, -1])


def test_pair_sides_keep_texts_as_texts_and_missing_sides_as_before() -> None:
    frame = frame_of([(0, 0, 10, 1), (0, 1, 30, 1), (0, 2, 50, 1)])
    frame["derived"] = pd.Series([None, None, None], dtype="str")  # a text column, all missing
    frame["value"] = None
    frame["unit"] = pd.Series(["USD", None, "AZN"], dtype="str")
    pairs = compare_claims(frame).conflicts
    assert pairs[["id_a", "id_b"]].to_numpy().tolist() == [["c0", "c1"], ["c0", "c2"], ["c1", "c2"]]
    assert pairs["id_a"].dtype == frame["id"].dtype  # taken in Arrow, not through objects
    assert pairs["unit_b"].isna().tolist() == [True, False, False]
    # A side with no text at all comes out as objects, the dtype it had before.
    assert pairs["derived_a"].dtype == object and pairs["derived_a"].isna().all()


def test_severity_bins_each_gap_as_the_bounds_say() -> None:
    # gap = (lo_b - hi_a) / |hi_a|: just under 5 % is low, 5 % up to 25 % medium, 25 % and
    # beyond (and a gap that is no number) high
    from reconcile.compare.groups import _severity

    gaps = np.array([0.0, 0.0499, 0.05, 0.2499, 0.25, 3.0, np.inf, np.nan])
    labels = ["low", "low", "medium", "medium", "high", "high", "high", "high"]
    assert list(_severity(gaps)) == labels
    assert len(_severity(np.array([]))) == 0


def test_conflict_severity_is_a_text_column() -> None:
    pairs = compare_claims(frame_of([(0, 0, 10, 1), (0, 1, 12, 1), (0, 2, 50, 1)])).conflicts
    assert pairs["severity"].dtype == pd.Series(["text"]).dtype
    assert pairs["severity"].tolist() == ["medium", "high", "high"]
