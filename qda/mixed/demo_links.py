"""The demo's joint display: its illustrative questionnaire linked to its codes and informants.

The Bagian Umum instrument's Y indicators are Dwiyanto's dimensions, so they link to the codes
of the same name; its X indicators link to the driving factors and own codes that speak to them.
The two service users interviewed (Informan 6 and 7) are linked to respondents of their group
and gender, and one indicator carries a researcher's note, so the display reads as a finished
example out of the box. Everything here is illustrative, like the demo data.
"""

from __future__ import annotations

from typing import Any

from qda.i18n import tr

#: X indicators of the demo instrument -> codes that speak to them.
X_LINKS = {
    "Kuantitas kerja": ["Beban Kerja yang Wajar"],
    "Kualitas kerja": ["Kompetensi dan Pelatihan"],
    "Ketepatan waktu": ["Motivasi dan Semangat Kerja"],
    "Kemampuan kerja": ["Kompetensi dan Pelatihan", "Sumber Daya dan Sarana Prasarana"],
    "Kerja sama": ["Koordinasi Internal", "Kepemimpinan yang Efektif"],
}
#: The service users interviewed, linked to a respondent of their group and gender.
INFORMANT_RESPONDENTS = ("Informan 6", "Informan 7")
NOTE = ("Konvergen sebagian: skor kuesioner menempatkan responsivitas pada kategori baik, dan wawancara "
        "membenarkan petugas cepat menanggapi warga di meja layanan; namun informan juga menceritakan "
        "antrean saat pemindai dan printer rusak, yang tidak tertangkap oleh butir kuesioner.")


def add_demo_joint_display(project: Any) -> None:
    """Link the demo survey's indicators to codes, two informants to respondents, and write one note."""
    from qda.mixed.joint import auto_link, load_stored_survey

    name, _data, instrument, _settings = load_stored_survey(project)
    auto_link(project, name)
    codes = {c.name for c in project.codes.all()}
    x = instrument.variables[0]
    for ind in x.indicators:
        for code in X_LINKS.get(ind.name, []):
            if code in codes:
                project.links.link(name, x.key, ind.name, code)
    from qda.demo_survey import INFORMANT_PROFILES

    respondents = dict(zip(INFORMANT_RESPONDENTS, ("R03", "R01")))
    known = {c.name for c in project.cases.all()}
    for case_name, respondent in respondents.items():
        if case_name in known and respondent in INFORMANT_PROFILES:
            project.links.link_respondent(case_name, name, respondent)
    y = instrument.variables[1]
    if any(ind.name == "Responsivitas" for ind in y.indicators):
        project.links.set_note(name, y.key, "Responsivitas", tr(NOTE))
