"""Corpus-scale batch runs on Spark: analyse WARC files (or any inputs) into Parquet, then bulk load.

    report = run_job(["cc-news/*.warc.gz"], Path("analyses"), master="spark://host:7077")
    for outcome in load(Path("analyses"), Store("postgresql://...")): ...

Extraction and NLP (the expensive, per-document part) run on Spark; the cross-document steps run at
load time through the same writer and relaters as `factfile ingest`, so both paths give one result.
"""

from factfile.batch.job import BatchError, JobReport, manifest_files, run_job
from factfile.batch.load import load

__all__ = ["BatchError", "JobReport", "load", "manifest_files", "run_job"]
