"""Migration 0008: bundled codes with their old bundled colour get the distinct palette; user colours stay."""

from __future__ import annotations

import sqlite3

from qda.store import Project


def test_old_bundled_colours_replaced_user_colours_kept(tmp_path):
    path = tmp_path / "lama.qda"
    with Project.create(path, coder="Rina"):
        pass
    con = sqlite3.connect(path)
    # as the project looked before 0008: the old bundled colours, one code recoloured by the user
    con.execute("UPDATE code SET color = '#8a94f5' WHERE name = 'Responsivitas'")
    con.execute("UPDATE code SET color = '#B77FE0' WHERE name = 'Responsibilitas'")  # stored upper-case
    con.execute("UPDATE code SET color = '#123456' WHERE name = 'Produktivitas'")  # the user's own choice
    con.execute("INSERT INTO code (uuid, name, grp, color, created) VALUES ('u-1', 'Kode sendiri', 'own', "
                "'#8a94f5', '2026-01-01')")  # the user's code that happens to share an old colour
    con.execute("DELETE FROM _sqlite_migrations WHERE name = '0008_distinct_code_colours'")
    left = con.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0]
    con.execute(f"PRAGMA user_version={left}")
    con.commit()
    con.close()
    with Project.open(path) as p:
        colors = {c.name: c.color for c in p.codes.all()}
    assert colors["Responsivitas"] == "#0f69ff"
    assert colors["Responsibilitas"] == "#965af0"
    assert colors["Produktivitas"] == "#123456"
    assert colors["Kode sendiri"] == "#8a94f5"
