"""Long fuzzing campaigns for `make fuzz`: atheris (coverage-guided libFuzzer) on the figure
parser and the claim loader, with the invariants of tests/fuzzing.py.

    python scripts/fuzz.py parser -runs=1000000 build/fuzz/parser
    python scripts/fuzz.py claims -runs=10000 build/fuzz/claims

The first argument picks the target; the rest go to libFuzzer (a corpus folder, -runs, ...).
The corpus folders start from the regression seeds in tests/data/fuzz/ (copied by make fuzz);
a crash or a broken invariant stops the run and leaves the input as crash-* (see
-artifact_prefix): add it to tests/data/fuzz/ once fixed, so it stays fixed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# Coverage guidance needs reconcile's modules imported (and so instrumented) here, before the
# harness imports them lazily.
with atheris.instrument_imports(include=["reconcile"]):
    import reconcile.compare.reconciliation
    import reconcile.figures.grammar
    import reconcile.normalize.parsing
    import reconcile.report.writer  # noqa: F401
    from tests.fuzzing import fuzz_claim_files, fuzz_figure

_DOCUMENT = "document: {id: d, file: d.txt}\nclaims: []\n"


def parser_input(data: bytes) -> None:
    """One figure: a year (or none) and the text."""
    provider = atheris.FuzzedDataProvider(data)
    year_byte = provider.ConsumeIntInRange(0, 255)
    year = None if year_byte < 64 else 1800 + year_byte
    fuzz_figure(provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes()), year)


def claims_input(data: bytes) -> None:
    """One claim file, as bytes: CSV when its first line looks like a header, else YAML."""
    first_line = data.split(b"\n", 1)[0]
    if b"," in first_line and b":" not in first_line:
        fuzz_claim_files({"d.yaml": _DOCUMENT, "c.csv": data})
    else:
        fuzz_claim_files({"c.yaml": data})


TARGETS = {"parser": parser_input, "claims": claims_input}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{'|'.join(TARGETS)}}} [libFuzzer options] [CORPUS]")
    target = TARGETS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
