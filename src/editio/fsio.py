"""Writing files so that an interrupted run never leaves a truncated one."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    A rename within one folder is atomic on POSIX and Windows, so readers (and a rerun after
    Ctrl-C or kill) see either the old file, the complete new one, or none.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def expand(paths: list[str | Path], suffix: str) -> list[Path]:
    """Files named directly, and the files ending in ``suffix`` inside folders named (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(q for q in p.iterdir() if q.suffix == suffix and q.is_file() and not q.name.startswith(".")))
        else:
            out.append(p)
    return out
