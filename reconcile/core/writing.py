"""Write files so that readers see the old or the new version, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def umask_mode(base: int = 0o666) -> int:
    """The mode a newly created file (0o666) or folder (0o777) gets under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return base & ~mask


def write_text_atomic(path: Path, text: str) -> None:
    """Write a file so that readers see the old or the new version, never half of one.

    The new file keeps the old one's mode, or gets the umask's mode (mkstemp's is 0600).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o7777 if path.exists() else umask_mode()
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:  # name the file asked for, not a temporary one
        raise OSError(error.errno, error.strerror, str(path)) from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
