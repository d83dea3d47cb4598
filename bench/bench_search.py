"""Speed of qda.search on generated Indonesian interview text (figures printed, not asserted).

The text is illustrative: sentences assembled from phrases an informant in a kelurahan
or dinas might say, with affixed word forms, names and numbers so that the vocabulary
grows as in real transcripts. Two sizes: one 300,000-character transcript, and a
corpus of 1.5 million words. For each: exact and fuzzy search of a two-word query,
a one-word query with a typo, and (as a baseline measured in the same run) the cost of
tokenising the text with a plain regex versus spaCy's blank Indonesian tokenizer.

Run:  .venv/bin/python bench/bench_search.py [--words N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (realistic transcripts built from sample_transcripts/)

from qda.search import WORD_RE, search_text  # noqa: E402

SUBJECTS = ["saya", "kami", "petugas loket", "Pak Lurah", "Bu Camat", "kepala seksi", "teman-teman di sini",
            "warga", "masyarakat", "operator SIAK", "staf pelayanan", "pegawai honorer", "kasi pemerintahan"]
VERBS = ["melayani", "menyelesaikan", "memproses", "mengecek", "menindaklanjuti", "mengarsipkan", "menginput",
         "mengoordinasikan", "melaporkan", "menyampaikan", "membantu", "mengurus", "menanggapi", "mencetak"]
OBJECTS = ["berkas KTP", "kartu keluarga", "akta kelahiran", "surat pengantar", "surat keterangan domisili",
           "pengaduan warga", "keluhan masyarakat", "laporan bulanan", "data kependudukan", "blangko",
           "antrean pagi", "pelayanan publik", "permohonan izin", "rapat koordinasi", "tunjangan kinerja"]
TAILS = ["setiap hari", "kalau jaringan lancar", "sampai sore", "walaupun komputernya cuma dua",
         "karena aturannya sudah jelas", "sesuai SOP", "tanpa biaya", "lewat aplikasi online",
         "dengan ramah", "kalau pimpinan ada di kantor", "sebelum akhir bulan", "bersama rekan kerja",
         "meskipun sering lembur", "supaya warga tidak menunggu lama", "kalau servernya tidak down"]
FILLERS = ["ya", "jadi", "memang", "sebenarnya", "nah", "terus", "kadang-kadang", "biasanya", "alhamdulillah",
           "ee", "apa namanya", "gitu", "sih", "kan", "juga"]
ROOTS = ["layan", "urus", "proses", "kerja", "tanggap", "lapor", "atur", "bantu", "ajar", "tunggu", "periksa",
         "catat", "kirim", "terima", "tolak", "minta", "jelas", "mudah", "cepat", "lambat", "baik", "ubah",
         "tingkat", "kembang", "nilai", "hitung", "susun", "ikut", "rasa", "harap", "butuh", "dukung", "awas"]
PREFIXES = ["", "me", "mem", "men", "meng", "di", "ber", "pe", "pem", "pen", "peng", "ke", "ter", "se"]
SUFFIXES = ["", "an", "kan", "i", "nya", "annya", "kannya", "lah"]
NAMES = ["Sari", "Budi", "Rina", "Agus", "Dewi", "Hendra", "Wulan", "Yusuf", "Siti", "Eko", "Andi", "Nurul"]
PLACES = ["Sako", "Kediri", "Sukarami", "Kemuning", "Ilir Timur", "Seberang Ulu", "Plaju", "Kalidoni"]
EXTRAS = ["“kata beliau”", "café depan kantor", "naïve", "🙏", "Rp 15.000", "’kan"]


def sentence(rng: random.Random) -> str:
    """One illustrative utterance."""
    parts = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)]
    if rng.random() < 0.7:
        parts.append(rng.choice(TAILS))
    if rng.random() < 0.5:
        parts.insert(0, rng.choice(FILLERS))
    if rng.random() < 0.6:
        parts.append(rng.choice(PREFIXES) + rng.choice(ROOTS) + rng.choice(SUFFIXES))
    if rng.random() < 0.2:
        parts.append(f"{rng.choice(NAMES)} dari {rng.choice(PLACES)} {rng.randint(1, 9999)}")
    if rng.random() < 0.02:
        parts.append(rng.choice(EXTRAS))
    text = " ".join(parts)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", "..."])


def generate(n_words: int | None = None, n_chars: int | None = None, seed: int = 7) -> str:
    """Realistic transcript text (:mod:`corpus`) of about ``n_words`` words or exactly ``n_chars`` characters."""
    if n_chars is not None:
        return corpus.transcript(n_chars, seed=seed)
    per = 7_500
    return "\n".join(corpus.transcripts(max(1, (n_words or per) // per), per, seed=seed))


def timed(fn, repeat: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def report(label: str, text: str, repeat: int) -> None:
    words = len(text.split())
    print(f"\n== {label}: {len(text):,} characters, {words:,} words, "
          f"{len(set(WORD_RE.findall(text.lower()))):,} distinct word forms")
    cases = [
        ("exact  'pelayanan publik'", dict(query="pelayanan publik", mode="exact")),
        ("exact  'rapat koordinasi' whole-word", dict(query="rapat koordinasi", mode="exact", whole_word=True)),
        ("fuzzy  'pelayan publik'", dict(query="pelayan publik", mode="fuzzy")),
        ("fuzzy  'rapat kordinasi'", dict(query="rapat kordinasi", mode="fuzzy")),
        ("fuzzy  'kordinasi'", dict(query="kordinasi", mode="fuzzy")),
        ("fuzzy  'tunjangan kinerja' threshold 90", dict(query="tunjangan kinerja", mode="fuzzy", threshold=90)),
    ]
    baseline, _ = timed(lambda: WORD_RE.findall(text), repeat)
    print(f"  {'baseline: one regex pass over the words':42s} {baseline * 1000:9.1f} ms")
    for name, kwargs in cases:
        seconds, hits = timed(lambda: search_text(text, **kwargs), repeat)
        print(f"  {name:42s} {seconds * 1000:9.1f} ms   {len(hits):7,} hits"  # type: ignore[arg-type]
              f"   x{seconds / baseline:.1f} baseline")
    sample = text[:300_000]
    try:
        import spacy

        nlp = spacy.blank("id")
        nlp.max_length = max(nlp.max_length, len(sample) + 1)
        spacy_s, _ = timed(lambda: [t.idx for t in nlp.tokenizer(sample)], 1)
        regex_s, _ = timed(lambda: [m.start() for m in WORD_RE.finditer(sample)], repeat)
        print(f"  tokenising the first 300k characters: regex {regex_s * 1000:.1f} ms, "
              f"spacy.blank('id') {spacy_s * 1000:.1f} ms (x{spacy_s / regex_s:.0f})")
    except ImportError:  # pragma: no cover - spaCy is a declared dependency
        print("  spaCy not installed: tokenizer comparison skipped")


def report_project(text: str, n_docs: int, repeat: int) -> None:
    """The same corpus split into ``n_docs`` interview documents of a project on disk."""
    import tempfile

    try:
        from qda.search import search_project
        from qda.store import Project
    except ImportError:
        print("\n(project store not available: project search skipped)")
        return
    lines = text.splitlines(keepends=True)
    per_doc = max(1, len(lines) // n_docs)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        project = Project.create(Path(tmp) / "bench.qda", codebook=False, coder="Bench")
        with project.atomic():
            for i in range(n_docs):
                chunk = "".join(lines[i * per_doc : (i + 1) * per_doc if i < n_docs - 1 else None])
                project.documents.add(f"W{i + 1:03d}.txt", chunk)
        print(f"\n== project: {n_docs} documents, {len(text.split()):,} words "
              f"(built in {time.perf_counter() - t0:.1f} s)")
        try:
            for name, kwargs in [
                ("exact  'pelayanan publik'", dict(mode="exact")),
                ("fuzzy  'pelayan publik'", dict(mode="fuzzy")),
            ]:
                query = "pelayanan publik" if kwargs["mode"] == "exact" else "pelayan publik"
                seconds, hits = timed(lambda: search_project(project, query, **kwargs), repeat)
                print(f"  search_project {name:27s} {seconds * 1000:9.1f} ms   {len(hits):7,} hits")  # type: ignore[arg-type]
        finally:
            project.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_500_000, help="size of the large corpus in words")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--documents", type=int, default=200, help="documents of the project run (0: skip)")
    args = parser.parse_args()
    t0 = time.perf_counter()
    small = generate(n_chars=300_000, seed=args.seed)
    large = generate(n_words=args.words, seed=args.seed + 1)
    print(f"generated the texts in {time.perf_counter() - t0:.1f} s (illustrative Indonesian, seed {args.seed})")
    t0 = time.perf_counter()
    search_text("rapat koordinasi", "kordinasi", mode="fuzzy")  # imports numpy and rapidfuzz.process
    print(f"first fuzzy search (loads numpy and rapidfuzz): {(time.perf_counter() - t0) * 1000:.0f} ms")
    report("one transcript", small, args.repeat)
    report("corpus", large, args.repeat)
    if args.documents:
        report_project(large, args.documents, args.repeat)


if __name__ == "__main__":
    main()
