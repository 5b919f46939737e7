"""Entry point and the one error boundary: exceptions become `ERROR <message>` plus a hint."""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from collections.abc import Sequence
from typing import NoReturn

from reconcile.core.errors import ReconcileError

EXIT_OK = 0
EXIT_FOUND = 1
EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 findings that fail, 2 bad input)."""
    from reconcile.cli.main import run

    try:
        return run(list(sys.argv[1:] if argv is None else argv))
    except ReconcileError as error:
        if os.environ.get("RECONCILE_TRACEBACK") and error.__cause__ is not None:
            import traceback

            traceback.print_exception(error.__cause__, file=sys.stderr)
        from reconcile.report.hygiene import terminal_text

        print(terminal_text(f"ERROR {error}"), file=sys.stderr)
        if error.hint:
            print(terminal_text(f"hint: {error.hint}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("ERROR interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def command() -> NoReturn:
    """The `reconcile` program: run the command line, then leave (see `leave`)."""
    leave(main())


def leave(code: int) -> NoReturn:
    """End the process with `code` once the output is out, without tearing the interpreter
    down: freeing every module and object (pandas, pyarrow and their data) took 0.15 s of
    the 1 s a report of the seed claims takes, and a process that ends frees them anyway.

    The exit handlers still run (logging, temporary folders, coverage). A thread still at work
    is waited for as in a normal exit, so nothing it writes is cut short.
    """
    if threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone, a stream closed
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    command()
