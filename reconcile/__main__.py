"""Entry point and the one error boundary: exceptions become `ERROR <message>` plus a hint."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

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


if __name__ == "__main__":
    sys.exit(main())
