"""Reading and validating claim files: every problem with file, line and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.claims.files import load_claims
from reconcile.core.errors import InputError
from reconcile.normalize.validation import validate

BAD = Path("tests/data/bad/claims")
GOLDEN = Path("tests/data/golden/claims")


def test_every_bad_row_is_reported_with_file_line_and_fix() -> None:
    result = validate([BAD])
    lines = {
        f"{f.get('path')}:{f.get('line')}: {f.get('level', 'error')} {f['code']}: {f['message']}"
        for f in result["findings"]
    }
    rows = "tests/data/bad/claims/bad_rows.yaml"
    assert lines == {
        f"{rows}:37: warning unknown-field: unknown claim field 'qoute' (did you mean 'quote'?)",
        "tests/data/bad/claims/broken.yaml:9: error bad-yaml: invalid YAML: found unexpected "
        "end of stream",
        f"{rows}:6: error unknown-metric: unknown metric 'military_expenditures' "
        "(did you mean 'military_expenditure'?)",
        f"{rows}:12: error unknown-source: unknown source 'SIPRl' (did you mean 'SIPRI'?); "
        "add it to sources.yaml",
        f"{rows}:12: error bad-entity: entity 'aze' looks like an ISO 3166 code written in "
        "lower case (did you mean 'AZE'?)",
        f"{rows}:18: error bad-period: unknown period 'FY2009': write a year (\"2009\"), a span "
        '("2009-2016"), a half or quarter ("2024-H1", "2024-Q2"), months ("2023-01..2023-05"), '
        'or "undated"',
        f"{rows}:24: error duplicate-id: claim id 'b-3' is already used at {rows}:18; give this "
        "claim a new id",
        f"{rows}:30: error bad-stage: stage 'planned' is not one of draft, approved, revised, "
        "executed",
        f"{rows}:24: error unparseable: no number found in 'lots of money': write the figure "
        "with digits or number words",
        f"{rows}:30: error unit-mismatch: value '126,000 troops' reads as count (count) but "
        "metric 'military_expenditure' is money (USD); fix the value's unit or the metric",
    } | {  # a bare "$" says which dollar it assumed (issue 9)
        f"{rows}:{line}: warning assumed-currency: a bare '$' is written for many dollars; "
        "read as USD: write 'US$', 'C$', 'A$' or the ISO code (e.g. 'CAD 100') to say which"
        for line in (6, 12, 18, 38)
    }
    assert result["errors"] == 9


def test_bad_rows_are_kept_not_dropped() -> None:
    claims = load_claims([BAD])
    assert list(claims.frame["id"]) == ["b-1", "b-2", "b-3", "b-3", "b-5", "b-6"]
    assert list(claims.frame["valid"]) == [False, False, False, False, False, True]


def test_source_aliases_resolve_to_ids() -> None:
    claims = load_claims([GOLDEN])
    assert claims.frame.set_index("id").loc["g-2", "source"] == "SIPRI"


def test_missing_folder_is_bad_input() -> None:
    with pytest.raises(InputError) as caught:
        load_claims([Path("no/such/folder")])
    assert str(caught.value) == "no/such/folder: no such file or folder"
    assert caught.value.hint == "give the claims folder, e.g. claims/"


def test_csv_claims_are_read_with_line_numbers(tmp_path: Path) -> None:
    for name in ("metrics.yaml", "sources.yaml"):
        (tmp_path / name).write_text((GOLDEN / name).read_text())
    (tmp_path / "documents.yaml").write_text(
        "documents:\n  - id: sheet\n    file: sheet.csv\n    kind: other\n"
    )
    (tmp_path / "bulk.csv").write_text(
        "id,document,entity,metric,period,value,source,quote,line\n"
        "c-1,sheet,AZE,military_expenditure,2009,$1.5 billion,IISS,q,2\n"
        "c-2,nowhere,AZE,military_expenditure,2009,$1.4 billion,IISS,q,3\n"
    )
    claims = load_claims([tmp_path])
    assert list(claims.frame["valid"]) == [True, False]
    [finding] = claims.findings
    assert finding.located() == (
        f"{tmp_path}/bulk.csv:3: error unknown-document: unknown document 'nowhere'; declare "
        "it in a YAML claim file or in documents.yaml"
    )
