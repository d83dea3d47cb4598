"""The repository base reaches the project only through its transaction and audit helpers."""

import pytest

from qda.errors import ReadOnlyProject
from qda.store import Project
from qda.store.repository import Repository


class Notes(Repository):
    def add(self, text: str) -> None:
        with self.atomic():
            self._exec("INSERT INTO meta(key, value) VALUES (?, ?)", ("note", text))
            self._log("note.add", "meta", None, text=text)

    def get(self) -> str | None:
        return self._one("SELECT value FROM meta WHERE key = 'note'")


def test_repository_writes_in_a_transaction_and_logs(tmp_path):
    path = tmp_path / "p.qda"
    with Project.create(path) as project:
        notes = Notes(project)
        notes.add("halo")
        assert notes.get() == "halo"
        assert project.events.all()[-1].action == "note.add"
        assert notes._rows("SELECT value FROM meta WHERE key = 'note'") == [{"value": "halo"}]
    with Project.open(path, read_only=True) as project:
        with pytest.raises(ReadOnlyProject):
            Notes(project).add("lagi")
