"""slant on Spark: analyse articles on a cluster, write the tables as Parquet, merge and chart.

Two paths, the same results:

* ``--mode arrow`` (default): ``mapInArrow`` maps :func:`slant.analyze_arrow` over each
  partition's Arrow batches. Each batch's tables travel as Arrow IPC bytes, are persisted once,
  then unpacked table by table into Parquet datasets (``OUT/tables/<table>/part-*.parquet``).
* ``--mode pipe``: ``RDD.pipe`` sends each partition's articles as JSON Lines through
  ``slant analyze - --stream --fingerprints`` (the binary must be on every worker) and reads
  one JSON object per article back; the tables are written as the same Parquet datasets.

Then :func:`slant.merge` combines the datasets into ``OUT/merged`` (CSV and Parquet): text
shared between articles of different partitions is found again from the fingerprints, and
groups, comparisons, charts and the report are drawn over all the articles.

    spark-submit examples/spark/slant_spark.py articles.parquet --out out/   # or .jsonl
    python examples/spark/slant_spark.py articles.jsonl --out out/ --master 'local[2]'

The input needs a ``text`` column and an ``id`` column (unique; a 1-based row number is made
when there is none); ``outlet``, ``date``, ``title``, ``url`` and any other columns are read as
``slant analyze`` reads them. Workers need the ``slant`` Python package installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from typing import Dict, Iterator, List

import pyarrow as pa

#: Tables written by the job, as ``OUT/tables/<name>/``.
TABLES = ("articles", "hits", "attributions", "sentences", "categories_long", "countries_long",
          "captions", "fingerprints", "errors")

#: Tables of a streamed article object (``slant analyze --stream``), by key.
STREAMED = ("hits", "attributions", "sentences", "captions", "categories_long", "countries_long", "fingerprints")


def analyze_partition(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """mapInArrow: each input batch analysed by slant, its tables packed as Arrow IPC bytes
    (one row per table: ``table``, ``data``). Batches are analysed one by one, so a worker's
    memory is bounded by the batch size (``spark.sql.execution.arrow.maxRecordsPerBatch``),
    not by the partition's."""
    import slant

    for batch in batches:
        if batch.num_rows == 0:
            continue
        tables = slant.analyze_arrow(batch, fingerprints=True)
        names, blobs = [], []
        for name, table in tables.items():
            sink = pa.BufferOutputStream()
            with pa.ipc.new_stream(sink, table.schema) as w:
                w.write_table(table)
            names.append(name)
            blobs.append(sink.getvalue().to_pybytes())
        yield pa.RecordBatch.from_pydict({"table": names, "data": blobs},
                                         schema=pa.schema([("table", pa.string()), ("data", pa.binary())]))


def unpack(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """mapInArrow: the packed tables of one name back as their rows."""
    for batch in batches:
        for blob in batch.column("data").to_pylist():
            yield from pa.ipc.open_stream(blob).read_all().to_batches()


def schemas(spark, df) -> Dict[str, object]:
    """Each table's Spark schema, from slant's typed tables for one input row and one empty
    text (which gives the ``errors`` table too): the types come from slant's codebook, not
    from the data."""
    import slant
    from pyspark.sql.pandas.types import from_arrow_schema

    first = df.limit(1).collect()[0].asDict()
    probe = [{k: v or "" for k, v in first.items()}, {k: "" for k in first}]
    probe[0]["text"] = probe[0]["text"] or "A probe sentence."
    probe[1]["id"] = "__schema_probe__"
    tables = slant.analyze(probe, frame="arrow", fingerprints=True)
    missing = [t for t in TABLES if t not in tables]
    if missing:
        raise RuntimeError(f"slant gave no schema for {missing}")
    return {name: from_arrow_schema(tables[name].schema) for name in TABLES}


def read_input(spark, path: str, partitions: int):
    """Articles from Parquet or JSON Lines, every column as text, with an ``id``."""
    from pyspark.sql import functions as F

    df = spark.read.parquet(path) if path.endswith(".parquet") else spark.read.json(path)
    if "text" not in df.columns:
        raise SystemExit(f"{path}: no 'text' column")
    if "id" not in df.columns:
        indexed = df.rdd.zipWithIndex().map(lambda r: r[0].asDict() | {"id": str(r[1] + 1)})
        df = spark.createDataFrame(indexed)
    df = df.select([F.col(c).cast("string").alias(c) for c in df.columns])
    if not partitions:
        return df
    # partitions by range of the input order, so that the merged tables keep it (shared text
    # names the earlier article on a tie, as one run over the input does)
    order = "__slant_row"
    return (df.withColumn(order, F.monotonically_increasing_id())
            .repartitionByRange(partitions, order).sortWithinPartitions(order).drop(order))


def run_arrow(spark, df, tables_dir: str) -> None:
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    schema = schemas(spark, df)
    packed = df.mapInArrow(analyze_partition, "table string, data binary").persist(StorageLevel.MEMORY_AND_DISK)
    for name in TABLES:
        rows = packed.filter(F.col("table") == name).mapInArrow(unpack, schema[name])
        rows.write.mode("overwrite").parquet(os.path.join(tables_dir, name))
    packed.unpersist()


def _typed(value, field):
    """A streamed JSON value as the Spark field's type (dates and lists come as text)."""
    from pyspark.sql.types import ArrayType, DateType

    if value is None:
        return None
    if isinstance(field.dataType, DateType):
        return dt.date.fromisoformat(value)
    if isinstance(field.dataType, ArrayType):
        return [v for v in str(value).split(";") if v]
    return value


def streamed_rows(line: str, name: str, schema) -> List[tuple]:
    """The rows of table ``name`` in one line of ``slant analyze --stream``."""
    obj = json.loads(line)
    if name == "errors":
        items = [obj["error"]] if "error" in obj else [obj["warning"]] if "warning" in obj else []
        items += obj.get("warnings", [])
    elif "article" not in obj:
        return []
    elif name == "articles":
        items = [obj["article"]]
    else:
        items = obj.get(name, [])
    return [tuple(_typed(item.get(f.name), f) for f in schema.fields) for item in items]


def run_pipe(spark, df, tables_dir: str, slant_bin: str) -> None:
    schema = schemas(spark, df)
    lines = df.toJSON().pipe(f"{slant_bin} analyze - --stream --fingerprints").cache()
    for name in ("articles",) + STREAMED + ("errors",):
        s = schema[name]
        rows = lines.flatMap(lambda line, n=name, s=s: streamed_rows(line, n, s))
        spark.createDataFrame(rows, s).write.mode("overwrite").parquet(os.path.join(tables_dir, name))
    lines.unpersist()


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="articles as Parquet (.parquet) or JSON Lines")
    p.add_argument("--out", required=True, help="output folder: OUT/tables (Spark's) and OUT/merged")
    p.add_argument("--mode", choices=("arrow", "pipe"), default="arrow")
    p.add_argument("--partitions", type=int, default=0, help="repartition the input (0: as read)")
    p.add_argument("--master", default=None, help="Spark master when run with python (e.g. local[2])")
    p.add_argument("--slant-bin", default=shutil.which("slant") or "slant", help="the slant binary (pipe mode)")
    a = p.parse_args(argv)

    from pyspark.sql import SparkSession

    import slant

    # workers run the driver's Python (with slant and pyarrow) unless told otherwise
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("slant")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    # the workers import this file's functions by name
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    try:
        df = read_input(spark, a.input, a.partitions)
        tables_dir = os.path.join(a.out, "tables")
        if a.mode == "arrow":
            run_arrow(spark, df, tables_dir)
        else:
            run_pipe(spark, df, tables_dir, a.slant_bin)
    finally:
        spark.stop()
    merged = slant.merge([tables_dir], os.path.join(a.out, "merged"))
    for w in merged["warnings"]:
        print(f"slant merge: warning: {w}", file=sys.stderr)
    print(f"{merged['articles']} articles: {os.path.join(a.out, 'merged')}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
