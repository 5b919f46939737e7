"""The rich console (plain when not a TTY or when NO_COLOR is set) and the parse table."""

from __future__ import annotations

import contextlib
import os
import sys
from functools import cache
from typing import Any

from .hygiene import terminal_safe
from .text import describe_step, format_interval


def make_console(file: Any = None) -> Any:
    """A rich Console that respects NO_COLOR and plain pipes."""
    stream = file or sys.stdout
    plain = bool(os.environ.get("NO_COLOR")) or not stream.isatty()
    return pipe_console(
        file=stream,
        no_color=plain,
        highlight=False,
        color_system=None if plain else "auto",
        width=None if stream.isatty() else int(os.environ.get("COLUMNS") or 160),
    )


def pipe_console(**options: Any) -> Any:
    """A rich Console (rich's `options`) that ends a command whose reader went away with the
    exit code of every closed pipe, not with rich's own exit 1."""
    return _console_class()(**options)


@cache
def _console_class() -> Any:
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            """A reader that went away (`reconcile report | head`): the rest of the output is
            dropped and the command ends as every closed pipe does (`__main__.main`: exit 0).
            rich's own handler exits 1, which CI reads as a contradiction found. Every console
            the commands print to is one of these (`pipe_console`)."""
            self.quiet = True
            with contextlib.suppress(OSError, ValueError):  # no descriptor: nothing to close
                descriptor = self.file.fileno()
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, descriptor)
                os.close(devnull)
            raise BrokenPipeError

    return PipeConsole


def render_parse_table(records: list[dict[str, Any]], file: Any = None) -> None:
    """One row per parsed figure: interval, unit, qualifier, normalised value, findings."""
    from rich.markup import escape
    from rich.table import Table

    records = terminal_safe(records)  # data never reaches the terminal as control codes
    console = make_console(file)
    table = Table(title="Figures as read", show_lines=False)
    for column in ("text", "ok", "interval", "qualifier", "normalised", "steps", "findings"):
        table.add_column(column, overflow="fold")
    for record in records:
        normalized = record.get("normalized") or {}
        interval = format_interval(record.get("low"), record.get("high"), record.get("unit"))
        if record.get("rank_of"):
            interval = f"rank {int(record['amount'])} of {record['rank_of']}"
            interval += f" (percentile {record['percentile']})"
        steps = "; ".join(describe_step(s) for s in normalized.get("steps", []))
        findings = "; ".join(f"{f['code']}: {f['message']}" for f in record["findings"])
        table.add_row(
            escape(record["text"]),
            "[green]yes[/]" if record["ok"] else "[red]no[/]",
            interval if record["ok"] else "-",
            escape(record.get("qualifier") or ""),
            format_interval(normalized.get("low"), normalized.get("high"), normalized.get("unit"))
            if normalized
            else "-",
            escape(steps),
            escape(findings),
        )
    console.print(table)
