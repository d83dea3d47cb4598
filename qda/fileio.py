"""Writing output files whole or not at all.

:func:`atomic_output` hands out a temporary path in the target's folder; when the
block ends without an error the file is given ordinary permissions (as the user's
umask allows) and moved over the target in one step, so a full disk, a crash or an
exception never leaves half a report, and never destroys the previous one.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from qda.errors import QdaError, os_reason
from qda.i18n import tr


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_output(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success it replaces ``target``."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise QdaError(tr("{path}: folder tujuan tidak ada", path=target))
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        raise QdaError(tr("{path}: tidak dapat ditulis ({reason})", path=target,
                          reason=os_reason(exc))) from None
    finally:
        tmp.unlink(missing_ok=True)
