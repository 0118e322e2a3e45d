"""slant: measure how news articles frame a story.

The Python face of the slant library: the same analysis as ``slant analyze``, returning its
tables as pandas DataFrames (or Arrow tables), read back from the typed Parquet files the run
writes. Results equal the command line's for the same input.

    >>> import slant
    >>> tables = slant.analyze(["The brutal regime said it would never surrender."])
    >>> tables["articles"][["article_id", "loaded", "loaded_own_per_1k"]]
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from typing import Dict, Iterable, List, Optional, Sequence, Union

import pyarrow as pa
import pyarrow.parquet as pq

from . import _slant

__all__ = [
    "analyze",
    "analyze_arrow",
    "analyze_folder",
    "read",
    "merge",
    "chart",
    "SlantError",
    "TABLES",
    "__version__",
]

__version__ = _slant.version()

#: The tables a run returns, by name (each is ``<name>.csv`` / ``<name>.parquet`` in a folder).
TABLES = (
    "articles",
    "hits",
    "attributions",
    "sentences",
    "categories_long",
    "countries_long",
    "captions",
    "shared_text",
    "errors",
    "fingerprints",
)

#: Input fields slant reads besides the text; any other column is carried to ``articles``.
_FIELDS = ("id", "outlet", "date", "title", "url")


class SlantError(ValueError):
    """An input slant could not analyse, naming the article (its id or line)."""


def analyze_folder(inputs: Sequence[str], out: str, **options) -> dict:
    """Runs ``slant analyze INPUTS --out OUT --format csv,parquet`` (and draws the charts and
    report); returns the run's counts. Options as :func:`analyze`."""
    return _slant.analyze_folder(list(inputs), str(out), **_options(options))


def read(folder: str, *, frame: str = "pandas", accept_changes: bool = False) -> Dict[str, object]:
    """The tables of an output folder of ``slant analyze`` or ``slant merge`` (Parquet when
    there, else CSV), by name, as pandas DataFrames (``frame="polars"`` or ``"arrow"`` for
    those). The folder is first checked against its ``run.json``: a folder whose files were
    changed after the run, or whose run was cut short, raises :class:`SlantError` unless
    ``accept_changes``."""
    if not accept_changes:
        try:
            _slant.verify(str(folder))
        except ValueError as e:
            raise SlantError(str(e)) from None
    import pyarrow.csv as pacsv

    tables: Dict[str, object] = {}
    for name in TABLES:
        parquet = os.path.join(folder, name + ".parquet")
        csv_path = os.path.join(folder, name + ".csv")
        if os.path.exists(parquet):
            table = pq.read_table(parquet)
        elif os.path.exists(csv_path):
            # every column as text, as written: the codebook gives each column's type
            with open(csv_path, newline="", encoding="utf-8") as f:
                names = next(csv.reader(f), [])
            convert = pacsv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=False)
            table = pacsv.read_csv(csv_path, convert_options=convert)
        else:
            continue
        tables[name] = _frame(table, frame)
    return tables


def _frame(table: pa.Table, frame: str):
    if frame == "arrow":
        return table
    if frame == "polars":
        import polars as pl

        return pl.from_arrow(table)
    return table.to_pandas()


def merge(dirs: Sequence[str], out: str, *, report_articles: int = 100, accept_changes: bool = False) -> dict:
    """Runs ``slant merge DIRS --out OUT --format csv,parquet``: output folders of runs over
    parts of one corpus (each analysed with ``fingerprints=True``), or the Parquet datasets a
    Spark job wrote, combined into the folder one run over all their articles would have
    written, with its groups, comparisons, charts and report. Returns the merged article
    count, the folder count and any warnings."""
    try:
        return _slant.merge(
            [str(d) for d in dirs], str(out), report_articles=report_articles, accept_changes=accept_changes
        )
    except ValueError as e:
        raise SlantError(str(e)) from None


def chart(
    dir: str, *, out: Optional[str] = None, group_by: str = "outlet", top: int = 12, accept_changes: bool = False
) -> int:
    """Runs ``slant chart DIR``: redraws the charts, ``groups.csv``, ``compare.csv`` and
    ``report.html`` of an output folder (CSV or Parquet tables), grouped by ``group_by``
    (outlet, article or any column of ``articles``); returns the number of articles. A folder
    whose files do not match its ``run.json`` is refused unless ``accept_changes``."""
    try:
        return _slant.chart(
            str(dir), out=None if out is None else str(out), group_by=group_by, top=top, accept_changes=accept_changes
        )
    except ValueError as e:
        raise SlantError(str(e)) from None


def _options(options: dict) -> dict:
    out = dict(options)
    if "lexicons" in out:
        out["lexicons"] = [str(p) for p in out["lexicons"]]
    for k in ("sources", "model", "tone_model_ru_uk"):
        if out.get(k) is not None:
            out[k] = str(out[k])
    return out


def _records(texts_or_dataframe) -> List[dict]:
    """Input rows as dicts with a ``text`` field (and id, outlet, date, title, url, others)."""
    if hasattr(texts_or_dataframe, "to_dict") and hasattr(texts_or_dataframe, "columns"):
        frame = texts_or_dataframe
        if "text" not in frame.columns:
            raise SlantError("the DataFrame needs a 'text' column")
        rows = frame.to_dict(orient="records")
    elif isinstance(texts_or_dataframe, (pa.Table, pa.RecordBatch)):
        rows = texts_or_dataframe.to_pylist()
    elif isinstance(texts_or_dataframe, str):
        raise SlantError("give a list of texts, not one string")
    else:
        rows = [dict(t) if isinstance(t, dict) else {"text": t} for t in texts_or_dataframe]
    records = []
    for i, r in enumerate(rows, 1):
        rec = {k: ("" if v is None else v if isinstance(v, str) else str(v)) for k, v in r.items()}
        if not isinstance(r.get("text"), str):
            raise SlantError(f"article {rec.get('id') or i}: its text is not a string")
        rec.setdefault("id", str(i))
        records.append(rec)
    return records


def _read(folder: str, frame: str, source: str) -> Dict[str, object]:
    """The Parquet tables of ``folder``, with ``path`` cells naming the rows of the input
    given (``input:N``) rather than the temporary file it was written to, so that the same
    input gives the same tables."""
    import pyarrow.compute as pc

    tables: Dict[str, object] = {}
    for name in TABLES:
        path = os.path.join(folder, name + ".parquet")
        if not os.path.exists(path):
            continue
        table = pq.read_table(path)
        if "path" in table.column_names:
            k = table.column_names.index("path")
            fixed = pc.replace_substring(table.column(k), source + ":", "input:")
            table = table.set_column(k, table.field(k), fixed)
        tables[name] = _frame(table, frame)
    return tables


def analyze(
    texts_or_dataframe: Union[Iterable[str], "pandas.DataFrame", pa.Table],  # noqa: F821
    *,
    lexicons: Sequence[str] = (),
    lexicon_mode: str = "extend",
    sources: Optional[str] = None,
    model: Optional[str] = None,
    tone_model_ru_uk: Optional[str] = None,
    count_hits: str = "all",
    lang: str = "auto",
    threads: int = 0,
    out: Optional[str] = None,
    frame: str = "pandas",
    as_arrow: bool = False,
    strict: bool = False,
    fingerprints: bool = False,
) -> Dict[str, object]:
    """Analyses texts (a list of strings, a list of dicts, or a DataFrame / Arrow table with a
    ``text`` column (key) and optionally ``id``, ``outlet``, ``date``, ``title``, ``url`` and any other columns).

    Returns a dict of tables (pandas DataFrames; polars DataFrames with ``frame="polars"``;
    ``pyarrow.Table`` with ``frame="arrow"`` or ``as_arrow=True``):
    ``articles``, ``hits``, ``attributions``, ``sentences``, ``categories_long``,
    ``countries_long``, ``captions``, ``shared_text`` and, when an input failed or gave a
    warning, ``errors``. Columns are those of the command line's CSV files (see
    ``slant codebook``). With ``out``, the output folder (charts, report, CSV and Parquet) is
    kept there. With ``strict=True`` an article that could not be analysed raises
    :class:`SlantError` naming it; otherwise it is a row of ``errors``. With
    ``fingerprints=True`` the ``fingerprints`` table is returned too, which :func:`merge`
    needs to find text shared between the articles of separate calls (a Spark partition each).
    The ``path`` column names each article's row in the input given, as ``input:N``.
    ``tone_model_ru_uk`` is a model made by ``slant train tone --unlp`` for the articles
    detected as Russian or Ukrainian (``slant analyze --tone-model-ru-uk``).
    """
    if as_arrow:
        frame = "arrow"
    if frame not in ("pandas", "polars", "arrow"):
        raise SlantError(f"frame '{frame}': pandas, polars or arrow")
    records = _records(texts_or_dataframe)
    options = dict(lexicons=list(lexicons), lexicon_mode=lexicon_mode, sources=sources, model=model,
                   tone_model_ru_uk=tone_model_ru_uk, count_hits=count_hits, lang=lang, threads=threads, fingerprints=fingerprints)
    with tempfile.TemporaryDirectory(prefix="slant-") as tmp:
        source = os.path.join(tmp, "input.jsonl")
        with open(source, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        folder = out or os.path.join(tmp, "out")
        try:
            analyze_folder([source], folder, charts=out is not None, **options)
        except ValueError as e:
            raise SlantError(str(e)) from None
        tables = _read(folder, frame, source)
    errors = tables.get("errors")
    if strict and errors is not None and len(errors) > 0:
        rows = errors.to_pylist() if frame == "arrow" else errors.to_dicts() if frame == "polars" \
            else errors.to_dict(orient="records")
        failed = [r for r in rows if r["kind"] not in _WARNINGS]
        if failed:
            first = failed[0]
            raise SlantError(f"article on line {first['line']}: {first['kind']}: {first['message']}")
    return tables


#: errors.csv kinds that are warnings (the article was kept).
_WARNINGS = {"decode", "skipped", "duplicate_id", "meta_unused", "duplicate_column", "repeated_text",
             "prose_left_out", "bad_date"}


def analyze_arrow(batch: Union[pa.RecordBatch, pa.Table], **options) -> Dict[str, pa.Table]:
    """:func:`analyze` on an Arrow record batch or table, returning Arrow tables: the function
    an engine maps over partitions (Spark's ``mapInArrow``)."""
    return analyze(batch, frame="arrow", **options)
