"""Reading documents into clean text with a line map (reconcile.documents)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reconcile.core.errors import InputError
from reconcile.extract.documents import find_published_date
from reconcile.extract.readers import parse_document, read_document
from reconcile.extract.wikitext import expand_convert, repair_wikitext

DATA = Path(__file__).parent / "data" / "extract"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def test_plain_text_keeps_offsets_and_reads_the_dateline() -> None:
    document = read_document(DATA / "article.txt")
    assert document.kind == "text"
    assert document.published == date(2026, 3, 13)
    offset = document.text.index("40,000")
    assert document.line_at(offset) == 7


def test_byline_date_wins_over_last_update_line() -> None:
    text = "Last update: May 2, 2024 16:23\n\nNewsroom logo\n\nBy A Writer July 15, 2023\n"
    assert find_published_date(text) == date(2023, 7, 15)


def test_html_visible_text_metadata_and_lines() -> None:
    document = read_document(DATA / "article.html")
    assert document.kind == "html"
    assert document.published == date(2025, 5, 2)
    assert document.publisher == "Example News"
    assert document.title == "Budget story"
    assert "12345" not in document.text  # scripts are not text
    assert document.line_at(document.text.index("$4.2 billion")) == 7


@pytest.mark.parametrize(
    ("mangled", "repaired"),
    [
        ("< ref >x< /ref >", "<ref>x</ref>"),
        ('< ref name= " IISS 2019 " >x< /ref >', '<ref name="IISS 2019">x</ref>'),
        ("< ref name=Blandy12 / >", "<ref name=Blandy12 />"),
        ("a < br > b", "a <br> b"),
        ("< !-- note -- >", "<!-- note -->"),
        ("$300 & nbsp;million", "$300 &nbsp;million"),
        ("3 < 4 and 5 > 2", "3 < 4 and 5 > 2"),
    ],
)
def test_repair_wikitext(mangled: str, repaired: str) -> None:
    assert repair_wikitext(mangled) == repaired


def test_repair_keeps_line_numbers() -> None:
    text = "a\n< ref >\nb\n< /ref >\n"
    assert repair_wikitext(text).count("\n") == text.count("\n")


@pytest.mark.parametrize(
    ("params", "expanded"),
    [
        (["6000", "km", "mi"], "6000 km"),
        (["90", "km", "2", "abbr=on"], "90 km"),
        (["70", "-", "90", "km"], "70–90 km"),
        (["5", "to", "6", "km"], "5 to 6 km"),
    ],
)
def test_expand_convert(params: list[str], expanded: str) -> None:
    assert expand_convert(params) == expanded


def test_wikitext_pair_infobox_refs_and_captions() -> None:
    document = read_document(DATA / "wiki_pair.txt")
    assert document.kind == "wikitext"
    assert document.title == "Ruritanian Armed Forces"
    assert document.published == date(2020, 7, 1)  # {{Use dmy dates|date=July 2020}}
    fields = {f.name: document.text[f.start : f.end] for f in document.fields}
    assert fields["active"] == "126,000"
    assert fields["percent_GDP"] == "5%"
    active = next(f for f in document.fields if f.name == "active")
    assert active.citation is not None
    assert active.citation.fields["title"] == "The Military Balance 2020"
    assert "up to 6000 km" in document.text  # {{convert}} inside a file caption
    assert "999" not in document.text  # comments are dropped
    assert "US$2.46  billion" in document.text  # "& nbsp;" repaired to a space
    assert "nbsp" not in document.text
    assert document.line_at(document.text.index("126,000")) == 4


def test_reused_named_ref_points_to_its_definition() -> None:
    document = read_document(DATA / "wiki_pair.txt")
    navy = document.text.index("2,200")
    after = [c for c in document.citations if c.offset >= navy]
    assert after[0].name == "Jane2"
    assert after[0].fields["website"] == "www.janes.com"


def test_missing_file_is_an_input_error() -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_document(DATA / "no-such-file.txt")


def test_json_that_is_not_a_pair_is_plain_text() -> None:
    document = parse_document("x.txt", '["only one"]')
    assert document.kind == "text"


def test_seed_wikitext_lines_match_decoded_wikitext() -> None:
    path = SEEDS / "001_e4fee655deeefa93.txt"
    if not path.exists():
        pytest.skip(f"../shared/seeds not found: {SEEDS}")
    document = read_document(path)
    assert document.line_at(document.text.index("126,000")) == 41
    assert document.line_at(document.text.index("59th among 127")) == 72
