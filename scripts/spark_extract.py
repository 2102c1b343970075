#!/usr/bin/env python3
"""saywho under Apache Spark: quotations and speakers of a JSONL corpus, one result line per
article, identical to `saywho extract --input jsonl --format jsonl` on the same input, in the
same order.

Each partition of the corpus (a run of consecutive lines) is piped through the saywho binary
with RDD.pipe; partitions keep their order, so the part files read in order (or --single-file)
are the binary's output.

Setup, once per machine (Java 17 from the system's packages, PySpark from the Python package
index, the binary from this checkout):

    apt-get install -y openjdk-17-jre-headless     # or any Java 17 runtime
    pip install pyspark
    cargo build --release --bin saywho

Local mode (every core of this machine):

    python3 scripts/spark_extract.py --saywho target/release/saywho corpus.jsonl out/
    cat out/part-* > results.jsonl

On a cluster, ship the binary with the job (Linux executors of the same architecture) and name
it as it lands in each executor's working directory:

    spark-submit --master spark://HOST:7077 --files target/release/saywho \
        scripts/spark_extract.py --saywho ./saywho hdfs:///corpus.jsonl hdfs:///results

Messages about bad lines go to each executor's stderr, numbered within the partition.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import sys


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSONL corpus: a path or URL Spark reads (gzip works)")
    p.add_argument("output", help="a directory of part files, or with --single-file one file")
    p.add_argument(
        "--saywho",
        default="saywho",
        help="the binary: a name on PATH or a path; './saywho' when shipped with --files",
    )
    p.add_argument(
        "--master",
        default=None,
        help="Spark master (default: spark-submit's, else local[*])",
    )
    p.add_argument(
        "--partitions", type=int, default=None, help="at least this many partitions"
    )
    p.add_argument(
        "--jobs", type=int, default=1, help="saywho --jobs inside each task (default 1)"
    )
    p.add_argument(
        "--single-file",
        action="store_true",
        help="stream the results to the driver, partition by partition, into one file",
    )
    return p.parse_args(argv)


def saywho_command(binary: str, jobs: int, local: bool) -> str:
    """The command each task runs. RDD.pipe starts it without a PATH, so a local binary is
    named by its absolute path; a shipped one ('./saywho') is left as given."""
    if local:
        found = shutil.which(binary)
        if found is None:
            sys.exit(f"spark_extract: {binary}: not found (build it: cargo build --release)")
        binary = os.path.abspath(found)
    args = [binary, "extract", "--input", "jsonl", "--format", "jsonl", f"--jobs={jobs}"]
    return shlex.join(args)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError:
        sys.exit("spark_extract: PySpark is missing: pip install pyspark")

    conf = SparkConf().setAppName("saywho-extract")
    # Without --master: spark-submit's, or under plain python3 PySpark's default, local[*].
    if args.master:
        conf.setMaster(args.master)
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    try:
        # local or local[N]: the tasks run in this process's machine and folder. Not
        # local-cluster[...], whose executors have folders of their own like a cluster's.
        local = re.fullmatch(r"local(\[.*\])?", sc.master) is not None
        command = saywho_command(args.saywho, args.jobs, local)
        lines = sc.textFile(args.input, minPartitions=args.partitions)
        results = lines.pipe(command)
        if args.single_file:
            with open(args.output, "w", encoding="utf-8", newline="\n") as out:
                for line in results.toLocalIterator():
                    out.write(line + "\n")
        else:
            results.saveAsTextFile(args.output)
    finally:
        sc.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
