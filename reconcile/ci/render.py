"""Render a check result for CI: text, GitHub workflow commands, SARIF 2.1.0 and JUnit XML.

Paths are shown relative to `root` (the repository, normally the working directory) so that
GitHub can place annotations on the lines of a pull request.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reconcile.core.json_text import dump_json
from reconcile.core.version import __version__
from reconcile.report.hygiene import terminal_text

from .check import CheckItem, CheckResult

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "reconcile/v1"
SEVERITY_ORDER = ["low", "medium", "high"]
RULES = [
    {
        "id": "contradiction",
        "name": "Contradiction",
        "shortDescription": {"text": "Two sources give figures that do not overlap."},
        "fullDescription": {
            "text": "Two sources give figures for the same entity, metric and period whose "
            "normalised intervals do not overlap. New and updated contradictions fail the "
            "check; accepted ones (in the baseline) are reported as notes."
        },
        "help": {
            "text": "Correct the claim, or accept the discrepancy with: reconcile accept "
            'FINGERPRINT --reason CODE --note "why the figures differ"'
        },
        "defaultConfiguration": {"level": "error"},
    },
    {
        "id": "stale-acceptance",
        "name": "StaleAcceptance",
        "shortDescription": {"text": "An accepted discrepancy is no longer found."},
        "help": {"text": "Remove the entry, or run: reconcile check --prune"},
        "defaultConfiguration": {"level": "warning"},
    },
    {
        "id": "invalid-claim",
        "name": "InvalidClaim",
        "shortDescription": {"text": "A claim could not be read and was left out of the check."},
        "help": {"text": "Fix the claim as the message says; run: reconcile validate"},
        "defaultConfiguration": {"level": "error"},
    },
]
RULE_INDEX = {rule["id"]: index for index, rule in enumerate(RULES)}
TITLES = {
    "new": "New contradiction",
    "updated": "Accepted contradiction changed",
    "unchanged": "Accepted contradiction",
    "absent": "Stale acceptance",
}


def render_check(result: CheckResult, fmt: str, root: Path) -> str:
    """The result in one format: text, github, sarif or junit."""
    renderers = {
        "text": render_text,
        "github": render_github,
        "sarif": render_sarif,
        "junit": render_junit,
    }
    text = renderers[fmt](result, root)
    # Text and annotations are read in terminals and CI logs: no control codes from the data.
    return terminal_text(text) if fmt in {"text", "github"} else text


def relative_path(path: str | None, root: Path) -> str | None:
    """A path relative to root (POSIX separators), or as given when it lies elsewhere."""
    if path is None:
        return None
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(root)
        except ValueError:
            return candidate.as_posix()
    return candidate.as_posix()


def _where(item: CheckItem) -> str:
    return f"{item.entity} {item.metric} {item.period}"


def _figures(claims: Any) -> str:
    return "; ".join(f"{c['source']}: {c['value']} ({c['id']})" for c in claims)


def _accepted_figures(item: CheckItem) -> str:
    assert item.accepted is not None
    return "; ".join(f"{v.source}: {v.value} ({v.claim})" for v in item.accepted.values)


def _gap(item: CheckItem) -> str:
    gap = max(c["gap"] for c in item.conflicts)
    causes = sorted({c["cause"] for c in item.conflicts if c["cause"]})
    cause = f"; likely cause: {', '.join(causes)}" if causes else ""
    return f"{gap:.0%} apart{cause}"


def _accept_command(item: CheckItem) -> str:
    return f'reconcile accept {item.fingerprint} --reason CODE --note "why the figures differ"'


def summary_line(result: CheckResult) -> str:
    """One line: passed or failed, with the count of each state."""
    counts = ", ".join(f"{result.count(state)} {state}" for state in ("new", "updated"))
    counts += f", {result.count('unchanged')} unchanged, {result.count('absent')} absent"
    verdict = "failed" if result.failed or result.errors else "passed"
    bad = f"{len(result.errors)} claims could not be read; " if result.errors else ""
    review = sum(
        1
        for item in result.items
        if item.state == "unchanged" and item.accepted and item.accepted.reason == "under-review"
    )
    pending = f"; {review} accepted as under-review still need a reason" if review else ""
    return f"check {verdict}: {bad}{counts} (baseline {result.baseline.path}){pending}"


def render_text(result: CheckResult, root: Path) -> str:
    """For people: each new, updated and stale item with what to do; unchanged in one line."""
    lines = []
    for item in result.items:
        head = f"{item.state:<9} {item.fingerprint}  {_where(item)}: {' vs '.join(item.sources)}"
        if item.state == "absent":
            assert item.accepted is not None
            where = f"{relative_path(str(result.baseline.path), root)}:{item.accepted.line}"
            lines.append(f"{head}: accepted at {where} but no longer found; remove the entry")
            continue
        if item.state == "unchanged":
            assert item.accepted is not None
            lines.append(f"{head} (accepted: {item.accepted.reason})")
            continue
        lines.append(head)
        for claim in item.claims:
            place = f"{relative_path(claim['file'], root)}:{claim['file_line']}"
            lines.append(f"          {claim['source']}: {claim['value']} ({claim['id']}, {place})")
        lines.append(f"          {_gap(item)}")
        if item.state == "updated":
            assert item.accepted is not None
            lines.append(
                f"          accepted on {item.accepted.accepted_on} ({item.accepted.reason}) "
                f"with: {_accepted_figures(item)}"
            )
        lines.append(f"          to accept: {_accept_command(item)}")
    for finding in result.errors:
        path = relative_path(finding.get("path"), root)
        where = ":".join(str(x) for x in (path, finding.get("line")) if x is not None)
        lines.append(f"{where}: error {finding['code']}: {finding['message']}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, file: str | None, line: int | None, title: str, message: str) -> str:
    properties = [f"file={_escape_property(file)}"] if file else []
    if file and line:
        properties.append(f"line={line}")
    properties.append(f"title={_escape_property(title)}")
    return f"::{kind} {','.join(properties)}::{_escape_data(message)}"


def item_message(item: CheckItem) -> str:
    """What a new, updated or stale item means, in one paragraph."""
    if item.state == "absent":
        return (
            f"{_where(item)}: the accepted discrepancy between {' and '.join(item.sources)} is "
            "no longer found; remove the entry (or run reconcile check --prune)"
        )
    text = f"{_where(item)}: {_figures(item.claims)}; {_gap(item)}."
    if item.state == "updated" and item.accepted is not None:
        text += f" Accepted ({item.accepted.reason}) with: {_accepted_figures(item)}."
    if item.state in ("new", "updated"):
        text += f" To accept: {_accept_command(item)}"
    elif item.accepted is not None:
        text += f" Accepted ({item.accepted.reason}): {item.accepted.note}"
    return text


def render_github(result: CheckResult, root: Path) -> str:
    """GitHub workflow commands: an error on each claim line of a new or updated contradiction."""
    lines = []
    for item in result.items:
        title = f"{TITLES[item.state]} {item.fingerprint}"
        if item.failed:
            for claim in item.claims:
                file = relative_path(claim["file"], root)
                lines.append(_command("error", file, claim["file_line"], title, item_message(item)))
        elif item.state == "absent" and item.accepted is not None:
            file = relative_path(str(result.baseline.path), root)
            lines.append(_command("warning", file, item.accepted.line, title, item_message(item)))
    for finding in result.errors:
        file = relative_path(finding.get("path"), root)
        lines.append(
            _command("error", file, finding.get("line"), finding["code"], finding["message"])
        )
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def _location(file: str | None, line: int | None, root: Path, text: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": relative_path(file, root)}}
    if line:
        physical["region"] = {"startLine": line}
    return {"physicalLocation": physical, "message": {"text": text}}


def _sarif_result(item: CheckItem, result: CheckResult, root: Path) -> dict[str, Any]:
    baseline_file = str(result.baseline.path)
    accepted = item.accepted
    if item.state == "absent":
        assert accepted is not None
        rule, level = "stale-acceptance", "warning"
        locations = [_location(baseline_file, accepted.line, root, "the accepted entry")]
    else:
        rule, level = "contradiction", "error" if item.failed else "note"
        locations = [
            _location(c["file"], c["file_line"], root, f"{c['source']}: {c['value']} ({c['id']})")
            for c in item.claims
        ]
    record: dict[str, Any] = {
        "ruleId": rule,
        "ruleIndex": RULE_INDEX[rule],
        "level": level,
        "message": {"text": item_message(item)},
        "locations": locations,
        "partialFingerprints": {FINGERPRINT_KEY: item.fingerprint},
        "baselineState": item.state,
        "properties": {
            "entity": item.entity,
            "metric": item.metric,
            "period": item.period,
            "sources": list(item.sources),
            "severity": max(
                (c["severity"] for c in item.conflicts), key=SEVERITY_ORDER.index, default=None
            ),
        },
    }
    if item.state == "unchanged" and accepted is not None:
        status = "underReview" if accepted.reason == "under-review" else "accepted"
        record["suppressions"] = [
            {
                "kind": "external",
                "status": status,
                "justification": f"{accepted.reason}: {accepted.note}",
                "location": _location(baseline_file, accepted.line, root, "the accepted entry"),
            }
        ]
    return record


def build_sarif(result: CheckResult, root: Path) -> dict[str, Any]:
    """The SARIF 2.1.0 log as plain data: one result per fingerprint, with baselineState."""
    results = [_sarif_result(item, result, root) for item in result.items]
    for finding in result.errors:
        results.append(
            {
                "ruleId": "invalid-claim",
                "ruleIndex": RULE_INDEX["invalid-claim"],
                "level": "error",
                "message": {"text": f"{finding['code']}: {finding['message']}"},
                "locations": [
                    _location(finding.get("path"), finding.get("line"), root, finding["code"])
                ],
            }
        )
    driver = {"name": "reconcile", "version": __version__, "rules": RULES}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }


def render_sarif(result: CheckResult, root: Path) -> str:
    """SARIF 2.1.0 as JSON text."""
    return dump_json(build_sarif(result, root), indent=2) + "\n"


def render_junit(result: CheckResult, root: Path) -> str:
    """JUnit XML: one test case per group (classname entity.metric, name period)."""
    import xml.etree.ElementTree as ElementTree

    suite = ElementTree.Element("testsuite", name="reconcile check")
    cases: dict[tuple[str, str, str], ElementTree.Element] = {}
    group_of_claim: dict[str, tuple[str, str, str]] = {}
    for group in result.report["groups"]:
        key = (group["entity"], group["metric"], group["period"])
        cases[key] = ElementTree.SubElement(
            suite, "testcase", classname=f"{key[0]}.{key[1]}", name=key[2]
        )
        group_of_claim.update({c["id"]: key for c in group["claims"]})
    failures: dict[tuple[str, str, str], list[CheckItem]] = {}
    notes: dict[tuple[str, str, str], list[str]] = {}
    for item in result.items:
        key = (item.entity, item.metric, item.period)
        if item.failed:
            failures.setdefault(key, []).append(item)
        elif key in cases:
            notes.setdefault(key, []).append(
                f"{item.state} {item.fingerprint}: {item_message(item)}"
            )
        else:
            case = ElementTree.SubElement(
                suite, "testcase", classname=f"{key[0]}.{key[1]}", name=key[2]
            )
            ElementTree.SubElement(case, "skipped", message=item_message(item))
            cases[key] = case
    for key, items in failures.items():
        message = ", ".join(f"{i.state} contradiction {i.fingerprint}" for i in items)
        failure = ElementTree.SubElement(
            cases[key], "failure", message=message, type="contradiction"
        )
        failure.text = "\n".join(item_message(i) for i in items)
    errors = _junit_errors(suite, cases, group_of_claim, result, root)
    for key, texts in notes.items():
        ElementTree.SubElement(cases[key], "system-out").text = "\n".join(texts)
    counts = {
        "tests": len(suite),
        "failures": len(failures),
        "errors": len(errors),
        "skipped": sum(1 for case in suite if case.find("skipped") is not None),
    }
    for name, value in counts.items():
        suite.set(name, str(value))
    root_element = ElementTree.Element("testsuites", name="reconcile check")
    for name in ("tests", "failures", "errors"):
        root_element.set(name, suite.get(name, "0"))
    root_element.append(suite)
    ElementTree.indent(root_element)
    body = ElementTree.tostring(root_element, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _junit_errors(
    suite: Any,
    cases: dict[tuple[str, str, str], Any],
    group_of_claim: dict[str, tuple[str, str, str]],
    result: CheckResult,
    root: Path,
) -> dict[tuple[str, str, str] | None, list[dict[str, Any]]]:
    """One <error> per group with unreadable claims (claims of no group under 'claims')."""
    import xml.etree.ElementTree as ElementTree

    errors: dict[tuple[str, str, str] | None, list[dict[str, Any]]] = {}
    for finding in result.errors:
        errors.setdefault(group_of_claim.get(finding.get("claim") or ""), []).append(finding)
    for group, findings in errors.items():
        if group is None:
            case = ElementTree.SubElement(suite, "testcase", classname="reconcile", name="claims")
        else:
            case = cases[group]
        error = ElementTree.SubElement(
            case, "error", message=f"{len(findings)} claims could not be read", type="invalid-claim"
        )
        error.text = "\n".join(
            f"{relative_path(f.get('path'), root)}:{f.get('line')}: {f['code']}: {f['message']}"
            for f in findings
        )
    return errors
