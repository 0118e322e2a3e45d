"""The Python package gives the command line's results, as DataFrames and Arrow tables."""

import csv
import os
import subprocess

import pyarrow as pa
import pytest

import slant

TEXTS = [
    "The brutal regime said it would never surrender. Officials said the tyrant was losing.",
    "A calm report of a meeting of the council, which agreed the budget.",
]


def test_analyze_returns_the_tables_as_dataframes():
    t = slant.analyze(TEXTS)
    a = t["articles"]
    assert list(a["article_id"]) == ["1", "2"]
    assert a.loc[0, "loaded"] >= 2 and a.loc[1, "loaded"] == 0
    assert a["words"].dtype.kind == "i" and a["tone"].dtype.kind == "f"
    h = t["hits"]
    assert set(h["voice"]) <= {"own", "quoted", "reported"}
    assert h["negated"].dtype == bool
    assert "errors" not in t


def test_a_dataframe_keeps_ids_outlets_and_other_columns():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": ["a", "b"], "outlet": ["Wire", "Blaze"], "desk": ["world", "home"], "text": TEXTS})
    a = slant.analyze(df)["articles"]
    assert list(a["article_id"]) == ["a", "b"]
    assert list(a["outlet"]) == ["Wire", "Blaze"]
    assert list(a["desk"]) == ["world", "home"]


def test_analyze_arrow_maps_a_record_batch_to_arrow_tables():
    batch = pa.RecordBatch.from_pydict({"id": ["x", "y"], "text": TEXTS})
    t = slant.analyze_arrow(batch)
    assert isinstance(t["articles"], pa.Table)
    assert t["articles"].column("article_id").to_pylist() == ["x", "y"]


def test_results_equal_the_command_line_byte_for_byte(tmp_path):
    """The CSV files of a Python run equal those of `slant analyze` on the same JSON Lines."""
    src = tmp_path / "in.jsonl"
    import json
    with open(src, "w", encoding="utf-8") as f:
        for i, t in enumerate(TEXTS, 1):
            f.write(json.dumps({"text": t, "id": str(i)}) + "\n")
    py_out = tmp_path / "py"
    slant.analyze_folder([str(src)], str(py_out))
    cli = os.environ.get("SLANT_BIN")
    if not cli:
        pytest.skip("SLANT_BIN (the slant binary) not set")
    cli_out = tmp_path / "cli"
    subprocess.run([cli, "analyze", str(src), "--out", str(cli_out), "-q", "--format", "csv,parquet"], check=True)
    for name in slant.TABLES:
        a, b = py_out / f"{name}.csv", cli_out / f"{name}.csv"
        assert a.exists() == b.exists(), name
        if a.exists():
            assert a.read_bytes() == b.read_bytes(), name


def test_strict_raises_naming_the_article():
    with pytest.raises(slant.SlantError, match="line 2"):
        slant.analyze(["A text.", ""], strict=True)
    t = slant.analyze(["A text.", ""])
    assert len(t["errors"]) == 1 and len(t["articles"]) == 1


def test_bad_options_are_python_errors():
    with pytest.raises(ValueError):
        slant.analyze(TEXTS, count_hits="sometimes")
    with pytest.raises(slant.SlantError):
        slant.analyze("one string, not a list")
    with pytest.raises(slant.SlantError, match="--tone-model-ru-uk"):
        slant.analyze(TEXTS, tone_model_ru_uk="no-such-model.json")


def test_polars_frames_and_lists_of_dicts():
    pl = pytest.importorskip("polars")
    t = slant.analyze([{"id": "p", "outlet": "Wire", "text": TEXTS[0]}, {"id": "q", "text": TEXTS[1]}], frame="polars")
    a = t["articles"]
    assert isinstance(a, pl.DataFrame)
    assert a["article_id"].to_list() == ["p", "q"] and a["outlet"].to_list() == ["Wire", None]
    with pytest.raises(slant.SlantError):
        slant.analyze(TEXTS, frame="excel")


def test_path_cells_name_the_rows_given_so_two_calls_give_the_same_tables():
    a = slant.analyze(TEXTS, as_arrow=True)["articles"]
    b = slant.analyze(TEXTS, as_arrow=True)["articles"]
    assert a.column("path").to_pylist() == ["input:1", "input:2"]
    assert a.equals(b)


def test_read_checks_the_folder_against_its_run_json(tmp_path):
    """slant.read gives a folder's tables; a table changed after the run is refused unless
    accepted, and so is a folder whose run was cut short (issue 30, defect 6)."""
    out = tmp_path / "out"
    slant.analyze_folder([_jsonl(tmp_path)], str(out), charts=False)
    t = slant.read(str(out))
    assert list(t["articles"]["article_id"]) == ["1", "2"]
    # CSV only (the Parquet files removed): read as text, as written
    for p in out.glob("*.parquet"):
        p.unlink()
    assert slant.read(str(out), frame="arrow")["articles"].column("article_id").to_pylist() == ["1", "2"]
    (out / "articles.csv").write_text("article_id\nedited\n", encoding="utf-8")
    with pytest.raises(slant.SlantError, match="articles.csv does not match"):
        slant.read(str(out))
    assert list(slant.read(str(out), accept_changes=True)["articles"]["article_id"]) == ["edited"]
    with pytest.raises(slant.SlantError, match="does not match"):
        slant.chart(str(out))
    (out / "run.json").unlink()
    (out / ".slant-staging-1").mkdir()
    with pytest.raises(slant.SlantError, match="cut short"):
        slant.read(str(out))


def _jsonl(tmp_path):
    import json

    src = tmp_path / "in.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i, t in enumerate(TEXTS, 1):
            f.write(json.dumps({"text": t, "id": str(i)}) + "\n")
    return str(src)
