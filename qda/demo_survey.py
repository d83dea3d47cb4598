"""The demo questionnaire: an illustrative Likert data set for the Bagian Umum study.

``write_demo_survey_csv`` generates the answers of 40 service users (fixed seed) to the
bundled ``bagian_umum`` instrument: X = Kinerja Pegawai, Y = Kualitas Pelayanan, ten
5-point items each, plus group, gender, age and education. The answers follow a simple
latent model (Y depends on X) with one weak item, so the validity test has something to
drop, and one blank answer, so the listwise rule shows. They are invented for the demo.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from qda.i18n import tr

SURVEY_NAME = "Kuesioner pengguna layanan persuratan (ilustratif)"
TEMPLATE = "bagian_umum"
SEED = 2024
N_RESPONDENTS = 40
#: Respondents who are also interviewed informants (the demo's two service users): their profile
#: answers are the informants' own (group, gender, age, education), so case and survey agree.
INFORMANT_PROFILES = {"R03": ("Masyarakat", "Laki-laki", 42, "SLTA"),
                      "R01": ("Masyarakat", "Perempuan", 57, "SMP")}


def _answers(latent, loading: float, noise: float, center: float, rng):
    import numpy as np

    raw = center + loading * latent + noise * rng.standard_normal(latent.shape)
    return np.clip(np.rint(raw), 1, 5).astype(int)


def write_demo_survey_csv(path: str | Path) -> Path:
    """Write the demo questionnaire data (CSV, UTF-8) to ``path`` and return it."""
    import numpy as np

    rng = np.random.default_rng(SEED)
    n = N_RESPONDENTS
    x = rng.standard_normal(n)
    y = 0.65 * x + 0.75 * rng.standard_normal(n)
    x_items = [_answers(x, 0.75, 0.55, 3.7, rng) for _ in range(10)]
    y_items = [_answers(y, 0.7, 0.55, 3.8, rng) for _ in range(10)]
    y_items[9] = _answers(rng.standard_normal(n), 0.2, 0.8, 3.2, rng)  # Y10: a weak item
    groups = rng.choice(["ASN OPD", "Masyarakat"], size=n, p=[0.45, 0.55])
    genders = rng.choice(["Laki-laki", "Perempuan"], size=n, p=[0.55, 0.45])
    ages = rng.integers(21, 58, size=n)
    education = rng.choice(["SLTA", "Diploma", "S1", "S2"], size=n, p=[0.3, 0.2, 0.4, 0.1])
    path = Path(path)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["responden", "kelompok", "jenis_kelamin", "usia", "pendidikan",
                         *[f"X{i}" for i in range(1, 11)], *[f"Y{i}" for i in range(1, 11)]])
        for r in range(n):
            answers = [str(col[r]) for col in x_items + y_items]
            if r == 17:
                answers[13] = ""  # one respondent skipped Y4
            rid = f"R{r + 1:02d}"
            group, gender, age, school = INFORMANT_PROFILES.get(rid, (groups[r], genders[r], int(ages[r]),
                                                                      education[r]))
            writer.writerow([rid, group, gender, age, school, *answers])
    return path


def demo_columns() -> tuple[list[str], list[str]]:
    """The X and Y columns of the demo data."""
    return [f"X{i}" for i in range(1, 11)], [f"Y{i}" for i in range(1, 11)]


def analyse_demo_survey(csv_path: str | Path):
    """Run the whole survey procedure on the demo data with the bundled instrument."""
    from qda.survey.analysis import analyse
    from qda.survey.instrument import load_template
    from qda.survey.loading import load_data

    data = load_data(csv_path)
    return analyse(data, load_template(TEMPLATE))


def add_demo_survey(project, folder: str | Path) -> Path:
    """Write the demo data next to the project and store it (with instrument and mapping) in the project."""
    from qda.survey.instrument import load_template
    from qda.survey.loading import load_data

    csv_path = write_demo_survey_csv(Path(folder) / "kuesioner_demo.csv")
    data = load_data(csv_path)
    x_cols, y_cols = demo_columns()
    settings = {"mapping": {c: c for c in x_cols + y_cols}, "alpha": 0.05, "scheme": "sugiyono",
                "missing_codes": [], "keep_items": [], "drop_items": []}
    project.surveys.save(tr(SURVEY_NAME), data.to_json(), load_template(TEMPLATE).to_json(),
                        json.dumps(settings, ensure_ascii=False))
    return csv_path


def write_demo_survey_chapter(out_path: str | Path, csv_path: str | Path | None = None, *,
                              language: str = "id") -> Path:
    """Analyse the demo data and write its survey chapter (Word) in ``language``."""
    from qda.reports.survey_chapter import write_survey_chapter

    out_path = Path(out_path)
    if csv_path is None:
        csv_path = write_demo_survey_csv(out_path.with_name("kuesioner_demo.csv"))
    return write_survey_chapter(analyse_demo_survey(csv_path), out_path, language=language)
