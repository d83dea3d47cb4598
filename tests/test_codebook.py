"""The bundled codebook, its loader's validation and messages, save/load round trip."""

from __future__ import annotations

import colorsys
import itertools
import json
from pathlib import Path

import pytest

from qda.codebook import (
    Codebook,
    CodebookCode,
    add_codebook_to,
    codebook_from_project,
    group_name,
    load_codebook,
    save_codebook,
)
from qda.colours import blend
from qda.domain import HIGHLIGHT_ALPHA
from qda.errors import QdaError

DIMENSIONS = ["Produktivitas", "Kualitas Layanan", "Responsivitas", "Responsibilitas", "Akuntabilitas"]
FACTORS = [
    "Kebijakan dan Manajemen SDM",
    "Sumber Daya dan Sarana Prasarana",
    "Kompetensi dan Pelatihan",
    "Motivasi dan Semangat Kerja",
    "Keadilan dan Transparansi",
    "Kepemimpinan yang Efektif",
    "Beban Kerja yang Wajar",
    "Lingkungan Kerja yang Positif",
    "Penghargaan atas Kinerja",
    "Kepuasan Kerja",
]


@pytest.fixture(scope="module")
def bundled() -> Codebook:
    return load_codebook()


# ------------------------------------------------------------------ colour helpers


def _rgb(color: str) -> tuple[float, float, float]:
    return tuple(int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _luminance(color: str) -> float:
    r, g, b = (_linear(c) for c in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _lab(color: str) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in _rgb(color))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _delta_e(a: str, b: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b))) ** 0.5


def _hue(color: str) -> float:
    return colorsys.rgb_to_hls(*_rgb(color))[0] * 360


# ------------------------------------------------------------------ bundled content


def test_bundled_codebook_has_exactly_the_five_dimensions_and_ten_factors(bundled: Codebook) -> None:
    assert [c.name for c in bundled.codes_in("dimension")] == DIMENSIONS
    assert [c.name for c in bundled.codes_in("factor")] == FACTORS
    assert len(bundled.codes) == 15
    assert bundled.codes_in("own") == []
    assert {g.key for g in bundled.groups} == {"dimension", "factor", "own"}


def test_group_display_names_in_both_languages(bundled: Codebook) -> None:
    assert bundled.group_name("dimension", "id") == "Dimensi Kinerja (Dwiyanto)"
    assert bundled.group_name("dimension", "en") == "Performance dimensions (Dwiyanto)"
    assert group_name("factor", "id") == "Faktor Pendorong"
    assert group_name("factor", "en") == "Driving factors"
    assert group_name("own", "en") == "Own codes"
    assert group_name("something-else", "en") == "something-else"


@pytest.mark.parametrize("name", DIMENSIONS + FACTORS)
def test_every_code_is_fully_documented(bundled: Codebook, name: str) -> None:
    code = bundled.code(name)
    assert code.name_en and code.name_en != code.name
    for field in ("definition_id", "definition_en"):
        text = getattr(code, field)
        sentences = [s for s in text.replace("e.g.", "eg").split(". ") if s.strip()]
        assert 2 <= len(sentences) <= 4, (field, len(sentences))
    for field in ("when_to_use_id", "when_to_use_en", "when_not_id", "when_not_en"):
        assert len(getattr(code, field)) >= 60, field
    # "when not" points to a neighbouring code by its exact name
    others = [n for n in DIMENSIONS + FACTORS if n != name]
    assert any(o in code.when_not_id for o in others)
    assert any(o in code.when_not_en for o in others)
    assert len(code.example.split()) >= 10
    assert 15 <= len(code.indicators) <= 40
    assert len({t.casefold() for t in code.indicators}) == len(code.indicators)


def test_indicator_terms_do_not_repeat_across_codes(bundled: Codebook) -> None:
    owner: dict[str, str] = {}
    for code in bundled.codes:
        for term in code.indicators:
            assert term.casefold() not in owner, (term, owner.get(term.casefold()), code.name)
            owner[term.casefold()] = code.name


def test_colours_are_distinct_and_readable_as_highlights(bundled: Codebook) -> None:
    colours = [c.color for c in bundled.codes]
    assert all(c is not None and len(c) == 7 and c.startswith("#") for c in colours)
    assert len(set(colours)) == 15
    for a, b in itertools.combinations(colours, 2):
        assert _delta_e(a, b) >= 20, (a, b)  # clearly distinguishable (CIE76)
    for c in colours:  # black text on the highlight (the code colour at the viewer's opacity): WCAG AA
        assert (_luminance(blend([c], HIGHLIGHT_ALPHA)) + 0.05) / 0.05 >= 4.5, c
    # dimensions in the cool hues, factors in the warm hues and greens
    assert all(170 <= _hue(c.color) <= 290 for c in bundled.codes_in("dimension"))
    assert all(not 170 <= _hue(c.color) <= 290 for c in bundled.codes_in("factor"))


def test_bundled_file_says_examples_are_illustrative(bundled: Codebook) -> None:
    assert "ilustratif" in bundled.description


# ------------------------------------------------------------------ loader errors


def _write(tmp_path: Path, data: object, name: str = "buku.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _minimal(**code: object) -> dict:
    base = {"name": "Koordinasi internal", "group": "own", "color": "#336699"}
    base.update(code)
    return {"name": "Uji", "codes": [base]}


def test_minimal_file_loads_with_default_groups(tmp_path: Path) -> None:
    cb = load_codebook(_write(tmp_path, _minimal()))
    assert cb.name == "Uji" and cb.version == 1
    assert cb.codes == (CodebookCode(name="Koordinasi internal", group="own", color="#336699"),)
    assert cb.group_name("dimension", "id") == "Dimensi Kinerja (Dwiyanto)"


def test_missing_field_names_file_and_field(tmp_path: Path) -> None:
    data = _minimal()
    del data["codes"][0]["group"]
    path = _write(tmp_path, data, "tanpa_kelompok.json")
    with pytest.raises(QdaError) as err:
        load_codebook(path)
    assert str(path) in str(err.value) and '"group"' in str(err.value) and "Koordinasi internal" in str(err.value)

    path = _write(tmp_path, {"codes": []}, "tanpa_nama.json")
    with pytest.raises(QdaError, match=r'tanpa_nama\.json: kolom wajib "name"'):
        load_codebook(path)


def test_duplicate_code_name_is_refused(tmp_path: Path) -> None:
    data = _minimal()
    data["codes"].append({"name": "koordinasi internal", "group": "own"})
    path = _write(tmp_path, data, "ganda.json")
    with pytest.raises(QdaError) as err:
        load_codebook(path)
    msg = str(err.value)
    assert msg.startswith(str(path)) and "dua kali" in msg and "ke-1" in msg and "ke-2" in msg


def test_invalid_json_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "rusak.json"
    path.write_text('{\n  "name": "Uji",\n  "codes": [\n    {"name": "A" "group": "own"}\n  ]\n}\n', encoding="utf-8")
    with pytest.raises(QdaError) as err:
        load_codebook(path)
    assert str(path) in str(err.value)
    assert "baris 4" in str(err.value) and "kolom 18" in str(err.value)


def test_unknown_group_bad_colour_and_missing_parent(tmp_path: Path) -> None:
    with pytest.raises(QdaError, match=r'kelompok "dimensi" tidak dikenal'):
        load_codebook(_write(tmp_path, _minimal(group="dimensi")))
    with pytest.raises(QdaError, match=r'warna "merah" tidak valid'):
        load_codebook(_write(tmp_path, _minimal(color="merah")))
    with pytest.raises(QdaError, match=r'warna "#12345" tidak valid'):
        load_codebook(_write(tmp_path, _minimal(color="#12345")))
    with pytest.raises(QdaError, match=r'induk "Inovasi" tidak ada'):
        load_codebook(_write(tmp_path, _minimal(parent="Inovasi")))
    with pytest.raises(QdaError, match=r'"indicators" harus berupa daftar teks'):
        load_codebook(_write(tmp_path, _minimal(indicators="rapat, koordinasi")))


def test_missing_file_and_parent_cycle(tmp_path: Path) -> None:
    with pytest.raises(QdaError, match="tidak ditemukan"):
        load_codebook(tmp_path / "tidak_ada.json")
    data = {
        "name": "Uji",
        "codes": [
            {"name": "A", "group": "own", "parent": "B"},
            {"name": "B", "group": "own", "parent": "A"},
        ],
    }
    with pytest.raises(QdaError, match="melingkar"):
        load_codebook(_write(tmp_path, data))


def test_parents_are_ordered_before_children(tmp_path: Path) -> None:
    data = {
        "name": "Uji",
        "codes": [
            {"name": "Rapat rutin", "group": "own", "parent": "Koordinasi"},
            {"name": "Koordinasi", "group": "own", "parent": "Tata kelola"},
            {"name": "Inovasi", "group": "own"},
            {"name": "Tata kelola", "group": "own"},
        ],
    }
    cb = load_codebook(_write(tmp_path, data))
    assert [c.name for c in cb.codes] == ["Tata kelola", "Koordinasi", "Rapat rutin", "Inovasi"]
    assert cb.code("Rapat rutin").parent == "Koordinasi"


def test_english_messages_are_translated(tmp_path: Path) -> None:
    from qda import i18n

    i18n.set_language("en")
    try:
        data = _minimal()
        data["codes"].append({"name": "Koordinasi internal", "group": "own"})
        with pytest.raises(QdaError, match="appears twice"):
            load_codebook(_write(tmp_path, data))
    finally:
        i18n.set_language("id")


# ------------------------------------------------------------------ round trips


def test_save_and_load_round_trip(bundled: Codebook, tmp_path: Path) -> None:
    child = CodebookCode(name="Koordinasi internal", group="own", color="#123abc", parent="Responsivitas",
                         indicators=("rapat koordinasi lintas seksi",))
    original = Codebook(
        name=bundled.name,
        version=2,
        groups=bundled.groups,
        codes=bundled.codes + (child,),
        description=bundled.description,
    )
    path = tmp_path / "ekspor.json"
    save_codebook(original, path)
    assert load_codebook(path) == original
    raw = path.read_text(encoding="utf-8")
    assert "Kualitas Layanan" in raw and "\\u" not in raw  # readable UTF-8, not escapes


def test_codebook_from_project_round_trip(bundled: Codebook, tmp_path: Path) -> None:
    try:
        from qda.store import Project
    except ImportError:
        pytest.skip("the project store (qda.store.Project) is not available yet")
    project = Project.create(tmp_path / "uji.qda", codebook=False, coder="Rina")
    try:
        assert add_codebook_to(project, bundled) == 15
        assert add_codebook_to(project, bundled) == 0  # already there: nothing added twice
        project.codes.add("Koordinasi internal", parent="Responsivitas", color="#123abc",
                         indicators=("rapat lintas seksi",))
        back = codebook_from_project(project)
    finally:
        project.close()
    assert back.name == "uji"
    assert len(back.codes) == 16
    child = back.code("Koordinasi internal")
    assert child.parent == "Responsivitas" and child.group == "own" and child.indicators == ("rapat lintas seksi",)
    for code in bundled.codes:
        assert back.code(code.name) == code
    names = [c.name for c in back.codes]
    assert names.index("Responsivitas") < names.index("Koordinasi internal")


@pytest.mark.parametrize("module", ["qda.codebook", "qda.search"])
def test_every_message_has_an_english_translation(module: str) -> None:
    import ast
    import importlib

    from qda.i18n import missing_translations

    source = Path(importlib.import_module(module).__file__).read_text(encoding="utf-8")  # type: ignore[arg-type]
    messages = [
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) in ("tr", "fail")
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]
    assert len(messages) >= 3
    assert missing_translations(messages) == []


def test_import_codebook_command_is_one_undoable_step(tmp_path):
    from qda.codebook import codebook_template_path, load_codebook
    from qda.commands import ImportCodebook
    from qda.store import Project
    from qda.undo import UndoStack

    sako = [c.name for c in load_codebook(codebook_template_path("sako")).codes]
    with Project.create(tmp_path / "k.qda", codebook=False, coder="Rina") as p:
        p.codes.add("Transparansi (Y)", group="own")  # already there: kept, not doubled
        stack = UndoStack(p)
        cmd = stack.push(ImportCodebook("sako"))
        names = [c.name for c in p.codes.all()]
        assert sorted(names) == sorted(sako) and len(cmd.code_ids) == len(sako) - 1
        kept = {c.id: (c.uuid, c.parent_id) for c in p.codes.all()}
        stack.undo()
        assert [c.name for c in p.codes.all()] == ["Transparansi (Y)"]
        stack.redo()
        assert {c.id: (c.uuid, c.parent_id) for c in p.codes.all()} == kept  # same codes, same tree


def test_default_group_names_are_the_domain_labels_and_their_translations():
    from qda.codebook import DEFAULT_GROUPS
    from qda.domain import GROUP_LABELS, group_label
    from qda.i18n import translator

    english = translator("en").tr
    assert [(g.key, g.name_id, g.name_en) for g in DEFAULT_GROUPS] == [
        (key, label, group_label(key, translate=english)) for key, label in GROUP_LABELS.items()]
