"""``trn``: translate a message with counts, using the singular English form where a count is 1.

The catalogue holds the plural form under the plain key and the singular forms under
``"1:<names>|<message>"`` keys, ``<names>`` being the placeholders equal to 1, sorted and comma-separated
(``"1:n|Hapus {n} segmen": "Delete {n} segment"``). Indonesian does not inflect, so it is unchanged.
"""

from __future__ import annotations

from qda.i18n import trc


def singular_context(values: dict[str, object]) -> str:
    """``"1:n,s"`` for the integer placeholders equal to 1; "" when there is none."""
    ones = sorted(k for k, v in values.items() if isinstance(v, int) and not isinstance(v, bool) and v == 1)
    return "1:" + ",".join(ones) if ones else ""


def trn(message: str, /, **values: object) -> str:
    """Like ``tr``, choosing the catalogue entry that matches which counts are 1."""
    return trc(singular_context(values), message, **values)
