"""``qda survey DATA --x COLS --y COLS``: the survey statistics of a Likert questionnaire."""

from __future__ import annotations

import argparse
import sys

from qda.cli.options import column_list, decimal
from qda.errors import DataError
from qda.i18n import tr


def _cols(text: str) -> list[str]:
    return column_list(text)


def _codes(values: list[str] | None) -> list[float]:
    codes: list[float] = []
    for value in values or []:
        for part in value.replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            try:
                codes.append(float(part))
            except ValueError:
                raise DataError(tr("--missing: {v!r} bukan angka", v=part)) from None
    return codes


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``survey`` subcommand."""
    p = subparsers.add_parser(
        "survey", help=tr("statistik kuesioner Likert: validitas, reliabilitas, skor, regresi"),
        description=tr("Analisis kuesioner seperti studi Kelurahan Sako: tabel frekuensi, validitas, "
                       "reliabilitas, skor pada garis kontinum dan regresi linear sederhana."))
    p.add_argument("data", metavar=tr("DATA"), help=tr("berkas data: CSV, XLSX atau SPSS .sav"))
    p.add_argument("--x", required=True, metavar=tr("KOLOM"), help=tr("butir variabel X, dipisah koma atau rentang (mis. X1-X10)"))
    p.add_argument("--y", required=True, metavar=tr("KOLOM"), help=tr("butir variabel Y, dipisah koma atau rentang (mis. Y1-Y10)"))
    p.add_argument("--json", metavar=tr("KELUARAN"), help=tr("tulis hasil sebagai JSON ('-' untuk layar)"))
    p.add_argument("--docx", metavar=tr("KELUARAN"), help=tr("tulis bab survei sebagai dokumen Word"))
    p.add_argument("--alpha", type=decimal, default=0.05, metavar=tr("ANGKA"), help=tr("taraf signifikansi dua sisi (bawaan 0,05)"))
    p.add_argument("--scheme", choices=["sugiyono", "equal", "percent"], default="sugiyono",
                   help=tr("kategori skor: kontinum Sugiyono, interval sama, atau pita persentase"))
    p.add_argument("--missing", action="append", metavar=tr("KODE"),
                   help=tr("kode jawaban kosong, mis. 9 atau 9,99 (boleh diulang)"))
    p.add_argument("--instrument", metavar=tr("NAMA|BERKAS"),
                   help=tr("instrumen untuk nama variabel, label dan teks pertanyaan (nama bawaan seperti sako, atau "
                           "berkas JSON); tanpa ini instrumen Sako hanya dipakai untuk data Sako sendiri"))
    p.add_argument("--title", metavar=tr("JUDUL"), help=tr("judul penelitian yang disebut di awal bab"))
    p.add_argument("--x-name", metavar=tr("NAMA"), help=tr("nama variabel X, mis. \"Kinerja Pegawai\""))
    p.add_argument("--y-name", metavar=tr("NAMA"), help=tr("nama variabel Y"))
    p.add_argument("--template", metavar=tr("TEMPLAT"), help=tr("dokumen .docx yang gaya dan tata halamannya dipakai"))
    p.add_argument("--chapter", type=int, default=4, metavar="N", help=tr("nomor bab (bawaan 4: BAB IV, Tabel 4.1)"))
    p.add_argument("--look", choices=["thesis", "modern"], default="thesis",
                   help=tr("gaya dokumen tanpa templat: thesis (Times New Roman 12, spasi 1,5) atau modern"))

    p.add_argument("--distributed", type=int, metavar="N", help=tr("jumlah kuesioner yang disebar"))
    p.add_argument("--keep", default="", metavar=tr("BUTIR"), help=tr("butir tidak valid yang tetap dipakai"))
    p.add_argument("--drop", default="", metavar=tr("BUTIR"), help=tr("butir valid yang tetap dibuang"))
    p.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    """Run the analysis and write JSON, the summary and/or the Word chapter."""
    from qda.i18n import language
    from qda.survey.analysis import analyse_columns
    from qda.survey.instrument import load_template
    from qda.survey.loading import load_data
    from qda.survey.result import Settings

    if not 0.0 < args.alpha < 1.0:
        raise DataError(tr("--alpha harus di antara 0 dan 1"))
    settings = Settings(alpha=args.alpha, scheme=args.scheme, missing_codes=_codes(args.missing),
                        distributed=args.distributed, keep_items=_cols(args.keep), drop_items=_cols(args.drop))
    if not 1 <= args.chapter <= 99:
        raise DataError(tr("--chapter harus di antara 1 dan 99"))
    data = load_data(args.data)
    base = load_template(args.instrument) if args.instrument else None
    result = analyse_columns(data, _cols(args.x), _cols(args.y), settings, base=base, title=args.title,
                             x_name=args.x_name, y_name=args.y_name)
    if args.json:
        from qda.cli.output import write_json
        from qda.survey.contract import to_contract

        write_json(to_contract(result, language()), args.json)
    if args.docx:
        try:
            from qda.reports.survey_chapter import write_survey_chapter
        except ImportError:
            raise DataError(tr("penulisan bab survei (Word) belum tersedia di instalasi ini")) from None
        path = write_survey_chapter(result, args.docx, language=language(),
                                    template=args.template, chapter=args.chapter, look=args.look)
        print(tr("Bab survei ditulis ke {path}", path=path), file=sys.stderr)
    if not args.json:
        from qda.survey.summary import summary_text

        print(summary_text(result))
    return 0
