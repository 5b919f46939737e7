"""The one exception tree of reconcile, and the typed findings that are not exceptions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


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

    def to_dict(self) -> dict[str, object]:
        """Return the JSON form: code and message, plus the location when known."""
        out: dict[str, object] = {"code": self.code, "message": self.message}
        for key in ("path", "line", "claim"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.level != "error":
            out["level"] = self.level
        return out

    def located(self) -> str:
        """'file:line: message' for people."""
        where = f"{self.path}:{self.line}" if self.path and self.line else (self.path or "")
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.level} {self.code}: {self.message}"
