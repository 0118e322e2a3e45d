"""Peak memory of a Spark mapInArrow worker running slant, as the partition count grows.

Each partition holds the same number of articles, so more partitions mean more data through
the same Python workers (Spark reuses them). Each worker reports its peak resident memory
(ru_maxrss) after every partition; a leak would show as a peak that grows with the number of
partitions a worker has handled.

    python scripts/spark_memory.py --per-partition 250 --partitions 2,8,32

Needs pyspark, Java and the slant package (as .ci/run installs them). Not a test: a
measurement, printed as a table.
"""

import argparse
import os
import resource
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "examples", "spark"))
sys.path.insert(0, os.path.join(HERE, "..", "python", "tests"))


def measured(batches):
    """slant_spark.analyze_partition, then this worker's pid and peak memory (KiB)."""
    import pyarrow as pa
    import slant_spark

    n = 0
    for packed in slant_spark.analyze_partition(batches):
        n += packed.num_rows
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    yield pa.RecordBatch.from_pydict({"pid": [os.getpid()], "peak_kib": [peak], "tables": [n]})


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--per-partition", type=int, default=250)
    p.add_argument("--partitions", default="2,8,32")
    a = p.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from test_spark import make_articles

    spark = (SparkSession.builder.master("local[2]").appName("slant-memory")
             .config("spark.python.worker.reuse", "true").getOrCreate())
    spark.sparkContext.addPyFile(os.path.join(HERE, "..", "examples", "spark", "slant_spark.py"))
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    print("partitions  articles  seconds  workers  peak MiB (max)  peak MiB of each worker")
    for parts in [int(x) for x in a.partitions.split(",")]:
        rows = make_articles(parts * a.per_partition, seed=parts)
        df = spark.createDataFrame(rows).repartition(parts)
        t = time.time()
        import spark_memory

        got = df.mapInArrow(spark_memory.measured, "pid long, peak_kib long, tables long").collect()
        secs = time.time() - t
        by_pid = {}
        for r in got:
            by_pid[r.pid] = max(by_pid.get(r.pid, 0), r.peak_kib)
        peaks = sorted(v / 1024 for v in by_pid.values())
        print(f"{parts:>10}  {len(rows):>8}  {secs:>7.1f}  {len(by_pid):>7}  {max(peaks):>14.0f}  "
              + ", ".join(f"{x:.0f}" for x in peaks))
    spark.stop()


if __name__ == "__main__":
    main()
