"""The one exception tree of reconcile, and the typed findings that are not exceptions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


class ReconcileError(Exception):
    """Base of every error reconcile raises on purpose."""

    hint: str | None = None

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class UsageError(ReconcileError):
    """The command was called wrongly (exit code 2)."""


class InputError(ReconcileError):
    """A file could not be read or understood (exit code 2)."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        where = path or ""
        if path and line:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message, hint)
        self.path = path
        self.line = line


class DataError(ReconcileError):
    """A shipped reference table is missing or malformed (a packaging bug)."""


class InternalError(ReconcileError):
    """An unexpected exception: a bug in reconcile, reported with what was being processed."""


@contextmanager
def processing(what: str) -> Iterator[None]:
    """Name the claim or figure being processed on any unexpected exception that escapes.

    The error boundary prints these notes, so a bug report says which input triggered it.
    """
    try:
        yield
    except ReconcileError:
        raise
    except Exception as error:
        notes = getattr(error, "__notes__", [])
        if not any(note.startswith("while processing") for note in notes):
            error.add_note(f"while processing {what}")
        raise


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem or a notable decision about one figure or claim; reconciliation carries on."""

    code: str
    message: str
    path: str | None = None
    line: int | None = None
    claim: str | None = None
    level: str = "error"  # error: the claim is left out of reconciliation; warning: kept
    # How many claims share this finding (code, message, level); the location is the first's.
    # At scale a carried-forward rate noted on a million claims is one finding, not a million.
    count: int = 1

    def to_dict(self) -> dict[str, object]:
        """Return the JSON form: code and message, plus the location when known."""
        out: dict[str, object] = {"code": self.code, "message": self.message}
        for key in ("path", "line", "claim"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.level != "error":
            out["level"] = self.level
        if self.count != 1:
            out["count"] = self.count
        return out

    def located(self) -> str:
        """'file:line: message' for people."""
        where = f"{self.path}:{self.line}" if self.path and self.line else (self.path or "")
        prefix = f"{where}: " if where else ""
        more = f" ({self.count} claims; the first is shown)" if self.count != 1 else ""
        return f"{prefix}{self.level} {self.code}: {self.message}{more}"


# More claims than this sharing one finding (code, message and level) are reported as one
# finding with a count: a million carried-forward rates are one line, a few stay one each.
AGGREGATE_AFTER = 20


def findings_at_rows(
    codes: Sequence[str],
    messages: Sequence[str],
    where: tuple[Any, Any, Any],
    levels: Sequence[str],
    aggregate_after: int = AGGREGATE_AFTER,
) -> list[Finding]:
    """Findings from parallel columns (code, message, (path, line, claim), level), in order.

    A finding shared by more than `aggregate_after` rows is one Finding with `count`, at the
    first of them; the others are one Finding per row, as before.
    """
    paths, lines, claims = where
    keys = [f"{c}\0{m}\0{v}" for c, m, v in zip(codes, messages, levels, strict=True)]
    counts = Counter(keys)
    out = []
    seen: set[str] = set()
    for index, key in enumerate(keys):
        count = counts[key]
        if count > aggregate_after:
            if key in seen:
                continue
            seen.add(key)
        else:
            count = 1
        line = lines[index]
        out.append(
            Finding(
                codes[index],
                messages[index],
                paths[index],
                None if line is None or line != line else int(line),
                claims[index],
                level=levels[index],
                count=count,
            )
        )
    return out
