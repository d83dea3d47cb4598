"""The result of a survey analysis: plain dataclasses, in the order a thesis reports them.

Everything the Word chapter, the GUI tab, the CLI summary and the JSON contract need is
here, computed once by :func:`qda.survey.analysis.analyse`. Conventions:

* Numbers are unrounded floats; a statistic that cannot be computed (zero variance,
  too few cases, fewer than two items) is ``None`` and a sentence explaining why is
  added to the ``notes`` of the object that holds it. Never ``NaN``.
* Percentages are 0–100 (``71.933...`` for 71,93 %), proportions are 0–1.
* Sentences meant for the reader are gettext messages (Indonesian in the code, English in
  ``resources/locale/en/LC_MESSAGES/survey.po``): a :class:`Wording` holds one rendered in both
  languages (``.id``, ``.en``; ``wording.get(language)``); a :class:`Note` (notes and labels) is
  a ``str`` in the interface language that renders itself in any language with ``note.get(language)``.
* Item ids are the column names the user chose (``"X1"``); ``text`` is the question.

Top level: :class:`SurveyResult` (``result.variables["X"]`` is a :class:`VariableResult`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


def _localised(values: dict[str, object], language: str) -> dict[str, object]:
    """Placeholder values in ``language``: a :class:`Wording`, :class:`Note` or number (``.get``) renders itself."""
    return {k: (v.get(language) if isinstance(v, (Wording, Note, Number)) else v) for k, v in values.items()}


@dataclass(frozen=True)
class Number:
    """A number written in the reader's language when a sentence is rendered (``0,389`` / ``0.389``)."""

    value: float | int | None
    decimals: int = 3
    percent: bool = False

    def get(self, language: str = "id") -> str:
        from qda.survey.numfmt import fmt, fmt_pct

        if self.percent:
            return fmt_pct(self.value, self.decimals, language)
        return fmt(self.value, self.decimals, language)


@dataclass(frozen=True)
class Wording:
    """One sentence (or short phrase) in Indonesian and English.

    Built with :meth:`tr` / :meth:`trn` from an Indonesian gettext message and its values
    (numbers as :class:`Number`, so each language writes them its own way).
    """

    id: str
    en: str

    def get(self, language: str = "id") -> str:
        """The text in ``language`` (``"id"`` or ``"en"``)."""
        return self.en if language == "en" else self.id  # the stored rendering, not a translation branch

    @classmethod
    def tr(cls, message: str, /, **values: object) -> "Wording":
        """``message`` (Indonesian) rendered in both languages through the gettext catalogues."""
        from qda.i18n import translator

        return cls(*(translator(code).tr(message, **_localised(values, code)) for code in ("id", "en")))

    @classmethod
    def trc(cls, context: str, message: str, /, **values: object) -> "Wording":
        """As :meth:`tr`, with a gettext context."""
        from qda.i18n import translator

        return cls(*(translator(code).trc(context, message, **_localised(values, code)) for code in ("id", "en")))

    def __add__(self, other: "Wording") -> "Wording":
        """Two sentences one after the other."""
        return Wording(self.id + other.id, self.en + other.en)


class Note(str):
    """A note or label for the reader: the text in the interface language, and in any language by :meth:`get`.

    Being a ``str`` it goes into JSON, the GUI and the CLI as it is; a report written in
    another language than the interface asks ``note.get("en")``.
    """

    msgid: str
    values: dict[str, object]
    plural: str | None  # None: no count; "": the one integer placeholder; else the count's name

    @classmethod
    def tr(cls, message: str, /, **values: object) -> "Note":
        """A note from an Indonesian gettext message."""
        return cls._make(message, values, None)

    @classmethod
    def trn(cls, message: str, /, *, count: str | None = None, **values: object) -> "Note":
        """A note with one count (gettext ``ngettext``; ``count`` names it when several are integers)."""
        return cls._make(message, values, count or "")

    @classmethod
    def _make(cls, message: str, values: dict[str, object], plural: str | None) -> "Note":
        from qda.i18n import language

        note = str.__new__(cls, _render(message, values, plural, language()))
        note.msgid, note.values, note.plural = message, values, plural
        return note

    def get(self, language: str = "id") -> str:
        """The note in ``language``."""
        return _render(self.msgid, self.values, self.plural, language)

    def __deepcopy__(self, memo: dict) -> "Note":
        return self  # immutable

    def __copy__(self) -> "Note":
        return self

    def __reduce__(self) -> tuple:
        return Note._make, (self.msgid, self.values, self.plural)


def _render(message: str, values: dict[str, object], plural: str | None, language: str) -> str:
    from qda.i18n import translator

    t = translator(language)
    shown = _localised(values, language)
    if plural is None:
        return t.tr(message, **shown)
    return t.trn(message, count=plural or None, **shown)


# --- data overview -----------------------------------------------------------------


@dataclass
class ReturnTable:
    """Questionnaire return: distributed, returned and usable (complete) questionnaires."""

    distributed: int
    returned: int
    usable: int
    returned_pct: float | None  # returned / distributed x 100
    usable_pct: float | None  # usable / distributed x 100


@dataclass
class FrequencyRow:
    """One row of a frequency table (a profile category or an answer option)."""

    value: str  # the category, or the score as text ("5")
    label: str  # the category or answer label ("Sangat Baik")
    count: int
    percent: float | None  # of the answers given (None when nobody answered)


@dataclass
class ProfileTable:
    """Respondent profile by one demographic column (Tabel 2, 4–6 of the Sako study)."""

    column: str
    title: str  # e.g. "Jenis Kelamin"
    rows: list[FrequencyRow]
    n: int  # respondents with an answer in this column
    missing: int


@dataclass
class ItemSummary:
    """Frequency table of one item with its own labels, plus mean and SD (ddof=1)."""

    item: str  # column / item id, e.g. "X1"
    variable: str  # variable key, e.g. "X"
    text: str  # the question text (or the column name when none is known)
    rows: list[FrequencyRow]  # scores 5, 4, 3, 2, 1 (highest first), each with its label
    n_answered: int
    n_missing: int
    mean: float | None
    sd: float | None
    score_sum: float  # sum of the answers given (the item's "skor")


# --- validity and reliability --------------------------------------------------------


@dataclass
class ItemValidity:
    """Pearson item–total correlation of one item against r table."""

    item: str
    r: float | None  # r with the (uncorrected) total of the variable's items, listwise
    p: float | None  # two-tailed p of r
    valid: bool  # the test's verdict: r > r_table
    overridden: bool = False  # True when the user kept an invalid / dropped a valid item (see used_items)


@dataclass
class ValidityResult:
    """Validity test of one variable's items (Tabel 27–28)."""

    variable: str
    n: int  # complete cases over the variable's items (listwise)
    alpha: float  # significance level, two-tailed
    df: int  # n - 2
    t_crit: float | None
    r_table: float | None  # t_crit / sqrt(df + t_crit^2)
    items: list[ItemValidity]
    valid_items: list[str]
    invalid_items: list[str]
    notes: list[str] = field(default_factory=list)


@dataclass
class CaseSummary:
    """SPSS "Case Processing Summary" (listwise deletion)."""

    valid: int
    excluded: int
    total: int
    valid_pct: float | None
    excluded_pct: float | None
    total_pct: float | None  # 100.0 when total > 0


@dataclass
class ItemTotalRow:
    """SPSS "Item-Total Statistics" row."""

    item: str
    scale_mean_if_deleted: float | None
    scale_variance_if_deleted: float | None
    corrected_item_total_r: float | None
    alpha_if_deleted: float | None


@dataclass
class SplitHalf:
    """Spearman–Brown split half: odd items (1st, 3rd, ...) against even items."""

    odd_items: list[str]
    even_items: list[str]
    r_halves: float | None  # Pearson r of the two half totals
    spearman_brown: float | None  # 2r / (1 + r)


@dataclass
class ReliabilityResult:
    """Cronbach's alpha of a set of items with SPSS's tables (Tabel 29)."""

    label: str  # e.g. "X (semua butir)", "X + Y (butir valid)"
    items: list[str]
    n_items: int
    alpha: float | None
    cases: CaseSummary
    item_total: list[ItemTotalRow]
    split_half: SplitHalf | None
    threshold: float  # alpha at or above which the scale is called reliable (0.60)
    reliable: bool | None
    notes: list[str] = field(default_factory=list)


# --- scores on the continuum ----------------------------------------------------------


@dataclass
class Band:
    """One category of the continuum: totals in [lower, upper] take ``label``."""

    label: str
    lower: float
    upper: float


@dataclass
class ScoreResult:
    """Score total of a variable's valid items placed on the continuum."""

    variable: str
    items: list[str]
    n_cases: int  # complete cases over ``items`` (listwise)
    sum: float
    min: float  # 1 x items x n
    max: float  # 5 x items x n
    pct: float | None  # sum / max x 100
    scheme: str  # "sugiyono" | "equal" | "percent"
    scheme_name: Wording  # the scheme as the output names it
    category: str | None  # Indonesian label, e.g. "Cukup Baik"
    category_en: str | None
    bands: list[Band]
    notes: list[str] = field(default_factory=list)


@dataclass
class VariableResult:
    """Everything computed for one variable (X or Y)."""

    key: str  # "X"
    name: str  # "Kinerja Pegawai"
    items: list[str]
    item_summaries: list[ItemSummary]
    validity: ValidityResult
    used_items: list[str]  # items carried forward (valid, or the user's override)
    reliability_all_items: ReliabilityResult
    reliability_valid_items: ReliabilityResult | None  # None with fewer than 2 used items
    score: ScoreResult
    notes: list[str] = field(default_factory=list)
    name_en: str = ""  # "Employee Performance" when the instrument gives it
    indicators: list[tuple[str, list[str]]] = field(default_factory=list)  # (indicator, item ids)
    item_texts: dict[str, str] = field(default_factory=dict)  # item id -> question text


# --- prerequisite tests and regression ---------------------------------------------------


@dataclass
class NormalityTest:
    """Kolmogorov–Smirnov (Lilliefors) and Shapiro–Wilk on one series."""

    target: str  # "residual" | "X" | "Y"
    n: int
    ks_statistic: float | None
    ks_p: float | None  # statsmodels lilliefors, table p-values (SPSS prints .200 as a floor)
    sw_statistic: float | None
    sw_p: float | None
    normal: bool | None  # by the rule of :func:`qda.survey.prerequisites.normality_rule`
    rule: str = ""  # "shapiro-wilk" (n <= 50) or "kolmogorov-smirnov": the test the verdict follows
    notes: list[str] = field(default_factory=list)


@dataclass
class AnovaRow:
    """One row of an ANOVA table."""

    source: str  # e.g. "Regression", "Residual", "Linearity", "Deviation from Linearity"
    ss: float | None
    df: int
    ms: float | None
    F: float | None
    p: float | None


@dataclass
class LinearityResult:
    """SPSS Means "ANOVA Table": Y by X with test for linearity."""

    n: int
    groups: int  # distinct X totals
    between: AnovaRow
    linearity: AnovaRow
    deviation: AnovaRow
    within: AnovaRow
    total: AnovaRow
    linear: bool | None  # deviation p > alpha
    notes: list[str] = field(default_factory=list)


@dataclass
class Coefficient:
    """One row of SPSS's Coefficients table."""

    name: str  # "(Constant)" or the X variable's name
    B: float | None
    se: float | None
    beta: float | None  # standardised; None for the constant
    t: float | None
    p: float | None


@dataclass
class Decision:
    """The hypothesis decision stated the ways an Indonesian thesis states it."""

    alpha: float
    sig: float | None  # p of the slope (= p of F in simple regression)
    t_hitung: float | None
    t_tabel: float | None  # two-tailed, df = n - 2
    F_hitung: float | None
    F_tabel: float | None  # df 1; n - 2
    df_t: int
    df_F: tuple[int, int]
    significant: bool | None  # Sig. < alpha
    reject_h0: bool | None
    hypotheses: Wording  # H0 / Ha as stated
    sig_text: Wording  # "Sig. 0,000 < 0,05"
    t_text: Wording  # "t hitung > t tabel (4,643 > 2,048)"
    F_text: Wording  # "F hitung > F tabel (21,55 > 4,196)"
    conclusion: Wording  # "H0 ditolak, Ha diterima: ..."


@dataclass
class CorrelationTest:
    """t test of r: t = r sqrt(n-2) / sqrt(1-r^2)."""

    r: float | None
    n: int
    t: float | None
    t_tabel: float | None
    p: float | None
    significant: bool | None


@dataclass
class RegressionResult:
    """Simple linear regression Y = a + bX on the totals of the valid items (Tabel 30)."""

    x_name: str
    y_name: str
    n: int
    R: float | None  # |r|, as SPSS prints it
    r: float | None  # signed Pearson r of X and Y totals
    R2: float | None
    adj_R2: float | None
    se_est: float | None
    anova: list[AnovaRow]  # Regression, Residual, Total
    coefficients: list[Coefficient]  # (Constant), X
    strength: str | None  # Sugiyono interval key: sangat rendah | rendah | sedang | kuat | sangat kuat
    strength_text: Wording | None  # "kuat (0,60–0,799)"
    kd_pct: float | None  # R^2 x 100
    determination_text: Wording | None
    interpretation: Wording  # strength + KD in a paragraph
    decision: Decision
    correlation_test: CorrelationTest
    x_values: list[float]  # the totals used (for the scatter plot)
    y_values: list[float]
    residuals: list[float]
    notes: list[str] = field(default_factory=list)

    def row(self, source: str) -> AnovaRow:
        """The ANOVA row named ``source`` ("Regression", "Residual" or "Total")."""
        return next(r for r in self.anova if r.source == source)


# --- the whole analysis --------------------------------------------------------------------


@dataclass
class Settings:
    """The choices the analysis was run with."""

    alpha: float = 0.05
    scheme: str = "sugiyono"
    missing_codes: list[float] = field(default_factory=list)
    distributed: int | None = None  # questionnaires handed out (defaults to rows in the data)
    keep_items: list[str] = field(default_factory=list)  # keep although invalid
    drop_items: list[str] = field(default_factory=list)  # drop although valid
    reliability_threshold: float = 0.60


@dataclass
class SurveyResult:
    """A complete survey analysis, in the order a thesis reports it."""

    source: str  # data file name (or "" when built from a frame)
    title: str  # instrument title
    settings: Settings
    n_rows: int
    return_table: ReturnTable
    profiles: list[ProfileTable]
    variables: dict[str, VariableResult]  # "X", "Y" in that order
    reliability_all_valid: ReliabilityResult
    normality: list[NormalityTest]  # residual, X total, Y total
    linearity: LinearityResult | None
    regression: RegressionResult | None  # None when fewer than 3 complete cases
    notes: list[str] = field(default_factory=list)
    instrument: str = ""  # the instrument whose wording was used ("sako"), "" for the data's own columns
    reconstructed: bool = False  # some question wording was reconstructed, not the original

    @property
    def x(self) -> VariableResult:
        """The independent variable (the first one, normally "X")."""
        return list(self.variables.values())[0]

    @property
    def y(self) -> VariableResult:
        """The dependent variable (the second one, normally "Y")."""
        return list(self.variables.values())[1]

    def to_dict(self) -> dict:
        """Every field as plain JSON-ready data (dataclasses to dicts)."""
        return asdict(self)
