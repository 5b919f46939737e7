"""Pause Python's cyclic garbage collector while building many objects that all stay alive.

Reading 200,000 claims from YAML builds millions of dicts, lists and marks, and each full
collection walks every live one: with the collector on, loading took twice as long (110 full
collections for nothing, since none of it is garbage). Reference counting still frees what is
dropped; cycles made meanwhile are collected when the collector resumes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block (nested blocks are fine)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
