"""The program leaves without tearing the interpreter down, and loses nothing by it: the
output, the exit code, the exit handlers and a thread still writing all come through."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import plain_env

ROOT = Path(__file__).resolve().parent.parent


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_leave_runs_the_exit_handlers_flushes_and_keeps_the_code() -> None:
    result = _python(
        "import atexit, sys\n"
        "from reconcile.__main__ import leave\n"
        "atexit.register(print, 'handler ran')\n"
        "print('out', end='')\n"
        "print('err', end='', file=sys.stderr)\n"
        "leave(3)\n"
    )
    assert (result.returncode, result.stdout, result.stderr) == (3, "outhandler ran\n", "err")


def test_leave_waits_for_a_thread_still_at_work() -> None:
    result = _python(
        "import threading, time\n"
        "from reconcile.__main__ import leave\n"
        "def work():\n"
        "    time.sleep(0.2)\n"
        "    print('thread done', flush=True)\n"
        "threading.Thread(target=work).start()\n"
        "leave(4)\n"
    )
    assert (result.returncode, result.stdout) == (4, "thread done\n")


def test_a_report_larger_than_a_pipe_comes_through_whole() -> None:
    # The seed report as JSON is far more than a pipe holds (64 KiB): it is all written before
    # the process ends, and the exit code is the command's.
    for strict, code in ((False, 0), (True, 1)):
        command = [sys.executable, "-m", "reconcile", "report", "claims/", "--format", "json"]
        result = subprocess.run(
            [*command, *(["--strict"] if strict else [])],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=plain_env(),
            check=False,
        )
        assert result.returncode == code, result.stderr
        assert len(result.stdout) > 2**16
        assert json.loads(result.stdout)["groups"]


def test_a_reader_that_went_away_ends_the_report_with_exit_0() -> None:
    # `reconcile report | head -1`: exit 1 would read as "conflict found" (docs/errors.md).
    read, write = os.pipe()
    os.close(read)  # every write to the pipe now fails
    try:
        result = subprocess.run(
            [sys.executable, "-m", "reconcile", "report", "claims/"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=plain_env(),
            check=False,
        )
    finally:
        os.close(write)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "ERROR" not in result.stderr
