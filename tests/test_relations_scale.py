"""The vectorised scale-slip test agrees with the one-ratio version it replaces in the hot path."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from reconcile.compare.causes import near_power, power_word

RATIOS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e3, 1.02e3, 0.98e-6, 1e9, 1.0, 0.0, 1.031e3, 1e5, 0.99e-7]),
)


@given(st.lists(RATIOS, max_size=20))
def test_near_power_is_power_word_for_every_ratio(ratios: list[float]) -> None:
    with np.errstate(all="ignore"):
        expected = [bool(power_word(r)) for r in ratios]
    assert near_power(np.array(ratios, dtype=float)).tolist() == expected
