import { describe, expect, it } from 'vitest';
import { analyzePythonSource } from '../../../../src/analyzers/python/index.js';
import type { PythonFacts } from '../../../../src/analyzers/python/facts.js';
import { analyzePythonText, py } from '../scan.js';

const traversal = (code: string) => analyzePythonText(code, 'jobs/etl.py').findings.filter((f) => f.ruleId === 'py.taint.path-traversal');

describe('paths Spark reads and writes, and frames are written to', () => {
  it('are path sinks for a path the data or the run chooses: message-chosen high, command-line-chosen low', () => {
    const code = py`
      import json, sys
      from kafka import KafkaConsumer

      def run(spark, df):
          for msg in KafkaConsumer("jobs"):
              job = json.loads(msg.value)
              spark.read.option("header", True).csv(job["input"])
              spark.readStream.format("json").option("maxFilesPerTrigger", 1).load(job["stream"])
              df.write.mode("overwrite").partitionBy("ds").parquet(job["output"])
              df.writeStream.format("delta").outputMode("append").start(job["table_path"])
              df.toPandas().to_csv(job["export"], index=False)
              df.toPandas().to_excel(excel_writer=job["xlsx"])
          df.write.format("parquet").save(sys.argv[1])
    `;
    expect(traversal(code).map((f) => [f.location.startLine, f.severity, f.confidence])).toEqual([
      [7, 'high', 'high'],
      [8, 'high', 'high'],
      [9, 'high', 'high'],
      [10, 'high', 'high'],
      [11, 'high', 'high'],
      [12, 'high', 'high'],
      [13, 'low', 'low'],
    ]);
  });

  it('leaves written-out paths, tables, buffers and other methods of the same names alone', () => {
    const code = py`
      import io, json, sys
      from kafka import KafkaConsumer

      def run(spark, df, f):
          for msg in KafkaConsumer("jobs"):
              job = json.loads(msg.value)
              spark.read.parquet("s3a://curated/orders")
              spark.read.table(job["table"])
              df.write.saveAsTable(job["table"])
              df.toPandas().to_csv(io.StringIO())
              f.read().csv(job["x"])
              df.toPandas().to_json(orient="records")
    `;
    expect(traversal(code)).toEqual([]);
  });

  it('records a reader given a chosen path once, as an ingestion point, and a Spark write on a frame of unknown type as an output', () => {
    const code = py`
      import sys
      import pandas as pd

      frame = pd.read_csv(sys.argv[1])
      frame.to_parquet("s3://curated/out.parquet")
      events = spark.read.option("header", True).csv("s3a://landing/events/")

      def save(df):
          df.write.mode("overwrite").parquet("s3a://curated/events/")
    `;
    const lineage = (analyzePythonSource(code, 'jobs/etl.py').facts as PythonFacts).lineage!;
    expect(lineage.sinks.map((s) => [s.line, s.dataset ?? null])).toEqual([
      [5, 's3://curated/out.parquet'],
      [9, 's3a://curated/events/'],
    ]);
    expect(lineage.sources.map((s) => [s.line, s.dataset ?? null])).toEqual([
      [4, null],
      [4, null],
      [6, 's3a://landing/events/'],
    ]);
  });
});
