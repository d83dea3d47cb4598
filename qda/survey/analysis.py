"""The whole survey procedure, in the order a thesis reports it: one call, one result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qda.errors import DataError
from qda.i18n import tr
from qda.progress import Progress
from qda.survey import stats as S
from qda.survey.continuum import SCHEME_NAMES, SCHEMES, categorise
from qda.survey.instrument import Instrument, Variable
from qda.survey.loading import DataSet
from qda.survey.mapping import auto_map
from qda.survey.prerequisites import linearity, normality
from qda.survey.profile import item_summary, profile_table
from qda.survey.regression import simple_regression
from qda.survey.result import (Note, ItemValidity, ReliabilityResult, ReturnTable, ScoreResult, Settings,
                               SurveyResult, ValidityResult, VariableResult)
from qda.survey.scoring import score_columns

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


def reliability(m: "np.ndarray", names: list[str], label: str, threshold: float = 0.60) -> ReliabilityResult:
    """Cronbach's alpha (listwise) with case summary, item-total statistics and split half."""
    mask = S.complete_rows(m)  # with no items every row counts as complete
    cc = m[mask]
    alpha = S.cronbach_alpha(cc)
    notes: list[str] = []
    if len(names) < 2:
        notes.append(Note.tr("{label}: alpha Cronbach memerlukan minimal 2 butir; tersedia {k}.", label=label, k=len(names)))
    elif cc.shape[0] < 2:
        notes.append(Note.tr("{label}: kasus lengkap kurang dari 2, alpha tidak dapat dihitung.", label=label))
    elif alpha is None:
        notes.append(Note.tr("{label}: total skor tidak bervariasi, alpha tidak terdefinisi.", label=label))
    return ReliabilityResult(label=label, items=list(names), n_items=len(names), alpha=alpha,
                             cases=S.case_summary(mask), item_total=S.item_total_rows(cc, names),
                             split_half=S.split_half(cc, names), threshold=threshold,
                             reliable=None if alpha is None else alpha >= threshold, notes=notes)


def validity(var: str, m: "np.ndarray", names: list[str], alpha: float) -> ValidityResult:
    """Pearson r of each item with the variable's (uncorrected) total, listwise, against r table."""
    mask = S.complete_rows(m)
    cc = m[mask]
    n = int(cc.shape[0])
    r_tab = S.r_critical(n, alpha)
    rs = S.columns_r(cc, cc.sum(axis=1)) if len(names) else []
    items: list = []
    notes: list[str] = []
    for name, r in zip(names, rs):
        if r is None:
            notes.append(Note.tr("Butir {item}: r tidak dapat dihitung (jawaban tidak bervariasi atau kasus terlalu "
                            "sedikit); butir dinyatakan tidak valid.", item=name))
        items.append(ItemValidity(item=name, r=r, p=S.r_p_value(r, n),
                                  valid=bool(r is not None and r_tab is not None and r > r_tab)))
    if r_tab is None:
        notes.append(Note.tr("Variabel {var}: r tabel memerlukan minimal 3 kasus lengkap; tersedia {n}.", var=var, n=n))
    return ValidityResult(variable=var, n=n, alpha=alpha, df=n - 2, t_crit=S.t_critical(alpha, n - 2),
                          r_table=r_tab, items=items, valid_items=[i.item for i in items if i.valid],
                          invalid_items=[i.item for i in items if not i.valid], notes=notes)


def score(var: str, m: "np.ndarray", names: list[str], scheme: str, lo_pt: int, hi_pt: int) -> ScoreResult:
    """Sum of the used items over complete cases, placed on the continuum of ``scheme``."""
    mask = S.complete_rows(m)
    n = int(mask.sum()) if names else 0
    total = float(m[mask].sum()) if names else 0.0
    lo, hi = float(lo_pt * len(names) * n), float(hi_pt * len(names) * n)
    cat, cat_en, bands = categorise(total, scheme, lo, hi) if hi > 0 else (None, None, [])
    notes: list[str] = [] if hi > 0 else [Note.tr("Variabel {var}: tidak ada butir atau kasus lengkap untuk dihitung skornya.", var=var)]
    return ScoreResult(variable=var, items=list(names), n_cases=n, sum=total, min=lo, max=hi,
                       pct=100.0 * total / hi if hi > 0 else None, scheme=scheme,
                       scheme_name=SCHEME_NAMES[scheme], category=cat, category_en=cat_en, bands=bands,
                       notes=notes)


def _variable(var: Variable, block: "np.ndarray", inst: Instrument, st: Settings,
              seen: dict[str, list[str]] | None = None) -> VariableResult:
    names = [it.id for it in var.items]
    seen = seen or {}
    sums = [item_summary(it.id, var.key, it.text or it.topic, block[:, j], seen.get(it.id) or inst.labels_of(it),
                         inst.scale_min, inst.scale_max) for j, it in enumerate(var.items)]
    val = validity(var.key, block, names, st.alpha)
    used = []
    for iv in val.items:
        keep = (iv.valid or iv.item in st.keep_items) and iv.item not in st.drop_items
        if keep != iv.valid:
            iv.overridden = True
        if keep:
            used.append(iv.item)
    notes = list(val.notes)
    dropped_invalid = [i for i in val.invalid_items if i not in used]
    if dropped_invalid:
        notes.append(Note.tr("Butir tidak valid ({items}) tidak diikutkan dalam analisis berikutnya.",
                        items=", ".join(dropped_invalid)))
    if any(iv.overridden for iv in val.items):
        notes.append(Note.tr("Pilihan pengguna: butir {items} dipakai/dibuang berlawanan dengan hasil uji validitas.",
                        items=", ".join(iv.item for iv in val.items if iv.overridden)))
    if not used:
        notes.append(Note.tr("Variabel {var}: tidak ada butir valid; skor dan regresi tidak dapat dihitung.", var=var.key))
    idx = [names.index(u) for u in used]
    rel_all = reliability(block, names, Note.tr("{var} (semua butir)", var=var.key), st.reliability_threshold)
    rel_valid = (reliability(block[:, idx], used, Note.tr("{var} (butir valid)", var=var.key), st.reliability_threshold)
                 if len(used) >= 2 else None)
    if len(used) == 1:
        notes.append(Note.tr("Variabel {var} hanya memiliki satu butir valid: reliabilitas tidak dapat dihitung.",
                        var=var.key))
    return VariableResult(key=var.key, name=var.name, items=names, item_summaries=sums, validity=val,
                          used_items=used, reliability_all_items=rel_all, reliability_valid_items=rel_valid,
                          score=score(var.key, block[:, idx], used, st.scheme, inst.scale_min, inst.scale_max),
                          notes=notes, name_en=var.name_en,
                          indicators=[(ind.name, [it.id for it in ind.items]) for ind in var.indicators],
                          item_texts={it.id: it.text or it.topic for it in var.items})


def analyse(data: DataSet, instrument: Instrument, mapping: dict[str, str] | None = None,
            settings: Settings | None = None, progress: Progress | None = None) -> SurveyResult:
    """Run the Sako procedure on ``data``; ``mapping`` is item id -> column (auto-matched if None)."""
    import numpy as np

    st = settings or Settings()
    if st.scheme not in SCHEMES:
        raise DataError(tr("skema kontinum {s!r} tidak dikenal (pilih {all})", s=st.scheme, all=", ".join(SCHEMES)))
    if not 0.0 < st.alpha < 1.0:
        raise DataError(tr("taraf signifikansi {a} harus di antara 0 dan 1", a=st.alpha))
    if len(instrument.variables) < 2:
        raise DataError(tr("instrumen memerlukan variabel X dan Y"))
    xv, yv = instrument.variables[0], instrument.variables[1]
    if progress:
        progress.start(6, tr("Membaca jawaban"))
    if mapping is None:
        mapping = {k: v for k, v in auto_map(data.columns, instrument).items() if v is not None}
    order = [it.id for it in xv.items + yv.items]
    unmapped = [i for i in order if i not in mapping]
    if unmapped:
        raise DataError(tr("{file}: butir {items} belum dipetakan ke kolom data", file=data.name, items=", ".join(unmapped)))
    scores = score_columns(data, {i: mapping[i] for i in order}, instrument, st.missing_codes)
    kx = len(xv.items)
    n_rows = int(scores.shape[0])
    usable = int(S.complete_rows(scores).sum())
    distributed = st.distributed if st.distributed is not None else n_rows
    ret = ReturnTable(distributed=distributed, returned=n_rows, usable=usable,
                      returned_pct=100.0 * n_rows / distributed if distributed else None,
                      usable_pct=100.0 * usable / distributed if distributed else None)
    profiles = [profile_table(data.frame[d.column], d) for d in instrument.demographics
                if d.column in data.frame.columns]
    if progress:
        progress.step(message=tr("Validitas dan reliabilitas"))
    seen = {i: labels for i in order if (labels := seen_labels(data, mapping[i], instrument))}
    vx = _variable(xv, scores[:, :kx], instrument, st, seen)
    if progress:
        progress.step()
    vy = _variable(yv, scores[:, kx:], instrument, st, seen)
    if progress:
        progress.step(message=tr("Reliabilitas gabungan"))
    idx_all = [order.index(i) for i in vx.used_items] + [kx + [it.id for it in yv.items].index(i) for i in vy.used_items]
    rel_all = reliability(scores[:, idx_all], vx.used_items + vy.used_items,
                          Note.tr("{x} + {y} (butir valid)", x=xv.key, y=yv.key), st.reliability_threshold)
    notes: list[str] = []
    reg = lin = None
    norm = []
    if progress:
        progress.step(message=tr("Regresi"))
    if vx.used_items and vy.used_items:
        block = scores[:, idx_all]
        mask = S.complete_rows(block)
        kxu = len(vx.used_items)
        xt, yt = block[mask, :kxu].sum(axis=1), block[mask, kxu:].sum(axis=1)
        reg = simple_regression(xt, yt, alpha=st.alpha, x_name=vx.name, y_name=vy.name)
        lin = linearity(xt, yt, st.alpha) if xt.size >= 3 else None
        if progress:
            progress.step(message=tr("Uji normalitas"))
        if reg.residuals:
            norm.append(normality(np.asarray(reg.residuals), "residual", st.alpha))
        norm += [normality(xt, xv.key, st.alpha), normality(yt, yv.key, st.alpha)]
    else:
        notes.append(Note.tr("Regresi tidak dihitung: salah satu variabel tidak memiliki butir valid."))
    if progress:
        progress.step(message=tr("Selesai"))
    if usable < n_rows:
        notes.append(Note.trn("{k} dari {n} responden tidak menjawab semua butir sehingga dikeluarkan secara listwise "
                              "dari korelasi, alpha, skor dan regresi.", count="k", k=n_rows - usable, n=n_rows))
    return SurveyResult(source=data.name, title=instrument.title, settings=st, n_rows=n_rows, return_table=ret,
                        profiles=profiles, variables={vx.key: vx, vy.key: vy}, reliability_all_valid=rel_all,
                        normality=norm, linearity=lin, regression=reg, notes=notes, instrument=instrument.name,
                        reconstructed=any(it.wording == "rekonstruksi" for v in (xv, yv) for it in v.items))


def analyse_columns(data: DataSet, x_cols: list[str], y_cols: list[str], settings: Settings | None = None,
                    *, base: Instrument | None = None, progress: Progress | None = None,
                    title: str | None = None, x_name: str | None = None, y_name: str | None = None) -> SurveyResult:
    """Analyse with X and Y given as column lists (names, item ids or question texts of ``base``).

    Without ``base`` the Sako instrument is used only when the data really is Sako's (its item
    columns exactly, its respondent and profile columns); any other data gets a neutral
    instrument: no study title, no question wording, variables named ``x_name``/``y_name``
    (or "Variabel X"/"Variabel Y"), answers shown with the labels the respondents saw.
    """
    from qda.survey.instrument import load_template, neutral_instrument, simple_instrument
    from qda.survey.mapping import resolve

    if not x_cols or not y_cols:
        raise DataError(tr("pilih minimal satu kolom untuk X dan satu untuk Y"))
    overlap = set(x_cols) & set(y_cols)
    if overlap:
        raise DataError(tr("kolom {cols} dipilih untuk X dan Y sekaligus", cols=", ".join(sorted(overlap))))
    if base is None:
        sako = load_template("sako")
        base = sako if _is_sako(data, list(x_cols), list(y_cols), sako) else neutral_instrument()
    neutral = not base.variables
    mapping = resolve(list(x_cols) + list(y_cols), data.columns, base, data.name)
    instrument = simple_instrument(list(x_cols), list(y_cols), base=base,
                                   x_name=x_name or (tr("Variabel X") if neutral else "X"),
                                   y_name=y_name or (tr("Variabel Y") if neutral else "Y"), title=title)
    return analyse(data, instrument, mapping, settings, progress)


def _is_sako(data: DataSet, x_cols: list[str], y_cols: list[str], sako: Instrument) -> bool:
    """Sako's data: its item columns with its respondent and profile columns, or its question wording as headers."""
    from qda.survey.instrument import is_instrument_data
    from qda.survey.mapping import resolve

    if is_instrument_data(data.columns, x_cols, y_cols, sako):
        return True
    ids = [it.id for it in sako.variables[0].items], [it.id for it in sako.variables[1].items]
    if (x_cols, y_cols) != ids:
        return False
    try:
        mapping = resolve(x_cols + y_cols, data.columns, sako, data.name)
    except DataError:
        return False
    return all(col != item for item, col in mapping.items())  # every header is Sako's question wording


def seen_labels(data: DataSet, column: str, instrument: Instrument) -> list[str] | None:
    """The label set (best first) the answers in ``column`` were written in, when they are labels.

    Respondents who saw "Sangat Setuju … Sangat Tidak Setuju" are reported with those labels,
    whatever set the instrument gives the item. None when the column holds numbers only.
    """
    from qda.survey.instrument import normalise_label

    if column not in data.frame.columns:
        return None
    counts = data.frame[column].astype(str).value_counts(sort=False)  # each distinct answer once
    values: dict[str, int] = {}
    for value, count in counts.items():
        if str(value).strip():
            key = normalise_label(value)
            values[key] = values.get(key, 0) + int(count)
    best, hits = None, 0
    for labels in instrument.label_sets.values():
        keys = {normalise_label(x) for x in labels}
        n = sum(count for key, count in values.items() if key in keys)
        if n > hits:
            best, hits = labels, n
    return list(best) if best else None
