"""Building many small objects at once (queue items, coding rows) without the cyclic garbage collector.

CPython's collector runs every few hundred new container objects and now and then walks
the whole heap; building 100,000 tuples or records that hold no cycles lets it do that
work dozens of times for nothing. :func:`paused_gc` switches it off for such a block and
back on after (reference counting still frees everything as usual).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off (unchanged if it was off already)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
