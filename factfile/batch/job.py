"""The Spark job: input files in, one Parquet row per article (its analysis as JSON) or rejection out.

Each input file is one partition; `mapPartitions` loads the spaCy model once per partition and runs
the same ingest and extract code as `factfile ingest`. Rows keep (file, record) numbers so the load
can store documents in input order, which makes its result equal to a plain ingest of the same inputs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from factfile.batch.codec import dumps
from factfile.config import DEFAULT_LIMITS, Limits
from factfile.errors import FactfileError, IngestError
from factfile.extract import DEFAULT_STAGES, Extractor
from factfile.ingest import read_items, to_article
from factfile.ingest.discover import discover
from factfile.records import Article, Rejection

COLUMNS = (
    ("file", "int"),  # position of the input file in the job's file list
    ("record", "int"),  # position of the item inside its file
    ("origin", "string"),
    ("content_hash", "string"),
    ("analysis", "string"),  # codec.dumps(Analysis); null for rejections
    ("problem", "string"),  # why the item was rejected; null for articles
)

Row = tuple[int, int, str, str | None, str | None, str | None]


class BatchError(FactfileError):
    """The batch job cannot start or its output cannot be read."""

    exit_code = 2


def manifest_files(manifest: Path) -> list[str]:
    """Paths listed one per line in a manifest (blank lines and `#` comments skipped); relative paths
    are relative to the manifest's folder."""
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise BatchError(f"{manifest}: cannot read manifest ({exc})") from exc
    folder = manifest.resolve().parent
    return [str(folder / line.strip()) for line in lines if line.strip() and not line.lstrip().startswith("#")]


def analyse_files(
    files: Iterator[tuple[int, str]], stages: tuple[str, ...], limits: Limits, batch_size: int
) -> Iterator[Row]:
    """One partition's work: read each file's items, turn them into articles, analyse them in batches."""
    extractor = Extractor(stages)
    for file_number, path in files:
        pending: list[tuple[int, Article]] = []
        for record, found in enumerate(read_items([path], limits)):
            if isinstance(found, Rejection):
                yield (file_number, record, found.origin, None, None, found.problem)
                continue
            try:
                pending.append((record, to_article(found, limits)))
            except IngestError as error:
                yield (file_number, record, error.origin, None, None, error.problem)
            if len(pending) >= batch_size:
                yield from _analyse(extractor, file_number, pending)
                pending = []
        yield from _analyse(extractor, file_number, pending)


def _analyse(extractor: Extractor, file_number: int, pending: list[tuple[int, Article]]) -> Iterator[Row]:
    analyses = extractor.pipe((article for _, article in pending), errors="reject")
    for (record, article), analysis in zip(pending, analyses, strict=True):
        if isinstance(analysis, Rejection):
            yield (file_number, record, analysis.origin, None, None, analysis.problem)
        else:
            yield (file_number, record, article.origin, article.content_hash, dumps(analysis), None)


@dataclass(slots=True)
class JobReport:
    files: int
    missing: list[Rejection]
    out: Path


def run_job(
    inputs: list[str],
    out: Path,
    master: str = "local[2]",
    stages: tuple[str, ...] = DEFAULT_STAGES,
    limits: Limits = DEFAULT_LIMITS,
    batch_size: int = 16,
) -> JobReport:
    """Analyse every article in `inputs` (files, folders, globs) on Spark and write Parquet to `out`."""
    found = list(discover(inputs))
    missing = [f for f in found if isinstance(f, Rejection)]
    files = [str(f.resolve()) for f in found if isinstance(f, Path)]
    if not files:
        raise BatchError("no input files: " + "; ".join(map(str, missing)) if missing else "no input files given")
    spark = _session(master)
    try:
        work = partial(analyse_files, stages=stages, limits=limits, batch_size=batch_size)
        rows = spark.sparkContext.parallelize(list(enumerate(files)), numSlices=len(files)).mapPartitions(work)
        schema = ", ".join(f"{name} {kind}" for name, kind in COLUMNS)
        spark.createDataFrame(rows, schema).write.mode("overwrite").parquet(str(out))
    finally:
        spark.stop()
    return JobReport(files=len(files), missing=missing, out=out)


def _session(master: str):
    """A Spark session whose Python workers run this interpreter (and so see factfile and its model)."""
    from factfile.errors import require

    SparkSession = require("pyspark.sql", "factfile batch", "spark").SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (
        SparkSession.builder.master(master)
        .appName("factfile batch")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.parquet.compression.codec", "zstd")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark
