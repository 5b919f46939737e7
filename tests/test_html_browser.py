"""The HTML report in a real browser: Debian's chromium, headless, driven by playwright.

`make test` installs the chromium package when /usr/bin/chromium is missing
(scripts/install-browser.sh); playwright only drives it (executable_path) and never
downloads a browser. These tests skip, saying why, only where neither is available.
"""

from __future__ import annotations

import shutil
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reconcile.compare.reconciliation import build_report, reconcile_claims
from reconcile.report.html import render_html

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
HOSTILE = "<script>window.pwned = 1</script> said the minister"

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'"
)
if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} not found and no package manager could install it here "
        "(scripts/install-browser.sh, run by make test, installs Debian's chromium)",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def claims(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed claims plus one claim whose quote holds a script tag."""
    folder = tmp_path_factory.mktemp("claims")
    for path in (ROOT / "claims").glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    (folder / "zz_hostile.yaml").write_text(
        "document: {id: hostile, file: hostile.txt, kind: news}\n"
        "claims:\n"
        "  - {id: hostile-1, entity: AZE, metric: military_expenditure, period: '2009', "
        f"value: US$2.46 billion, source: AzerNEWS, quote: '{HOSTILE}', line: 3}}\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def report(claims: Path) -> dict[str, Any]:
    return build_report(reconcile_claims([claims]))


@pytest.fixture(scope="module")
def page_url(report: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    return path.as_uri()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
        )
        yield launched
        launched.close()


def open_page(browser: Any, url: str, width: int, scripts: bool = True) -> Any:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=scripts
    )
    page = context.new_page()
    page.goto(url)
    return page


def _png_width(path: Path) -> int:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int(struct.unpack(">I", data[16:20])[0])


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots(browser: Any, page_url: str, width: int, tmp_path: Path) -> None:
    page = open_page(browser, page_url, width)
    shot = tmp_path / f"report-{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert _png_width(shot) == width
    # The conflict is the first group on the page.
    first = page.locator("[data-group]").first
    assert first.get_attribute("data-verdict") == "conflict"
    page.context.close()


def test_nothing_overflows_at_390_px(browser: Any, page_url: str) -> None:
    page = open_page(browser, page_url, 390)
    overflow = "document.documentElement.scrollWidth <= window.innerWidth"
    assert page.evaluate(overflow)
    # Every explain chain and the folded groups opened: still nothing wider than the screen.
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate(overflow), page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    page.context.close()


def test_filter_hides_groups_that_do_not_match(
    browser: Any, page_url: str, report: dict[str, Any]
) -> None:
    page = open_page(browser, page_url, 1280)
    page.select_option("select[name=verdict]", "consistent")
    visible = page.locator("[data-group]:not([hidden])")
    expected = sum(1 for g in report["groups"] if g["verdict"] == "consistent")
    assert visible.count() == expected
    assert {visible.nth(i).get_attribute("data-verdict") for i in range(expected)} == {"consistent"}
    assert page.locator("[data-group][data-verdict=conflict]").first.is_hidden()
    assert (
        page.locator("#shown").text_content()
        == f"{expected} of {len(report['groups'])} groups shown"
    )
    page.context.close()


def test_search_for_a_source_finds_its_rows(
    browser: Any, page_url: str, report: dict[str, Any]
) -> None:
    page = open_page(browser, page_url, 1280)
    page.fill("input[name=q]", "AzerNEWS")
    visible = page.locator("[data-group]:not([hidden])")
    expected = [g for g in report["groups"] if any(c["source"] == "AzerNEWS" for c in g["claims"])]
    assert visible.count() == len(expected) > 0
    rows = page.locator("tr.match")
    assert rows.count() >= sum(
        1 for g in expected for c in g["claims"] if c["source"] == "AzerNEWS"
    )
    assert all("AzerNEWS" in rows.nth(i).text_content() for i in range(rows.count()))
    page.context.close()


def test_a_quote_with_a_script_tag_is_text(browser: Any, page_url: str) -> None:
    page = open_page(browser, page_url, 1280)
    assert page.evaluate("window.pwned") is None
    cell = page.locator("td.quote", has_text="window.pwned")
    assert cell.count() == 1
    assert HOSTILE in cell.first.text_content()
    page.context.close()


def test_readable_with_scripts_off(browser: Any, page_url: str) -> None:
    page = open_page(browser, page_url, 390, scripts=False)
    assert page.locator("#filters").is_hidden()
    assert page.locator("[data-group][data-verdict=conflict]").first.is_visible()
    page.context.close()
