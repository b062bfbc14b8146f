import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

describe('Spark SQL given as text', () => {
  it('reports data reaching filter/where conditions, selectExpr and F.expr, not Column expressions or parameters', () => {
    const code = py`
      from pyspark.sql import SparkSession
      from pyspark.sql import functions as F

      spark = SparkSession.builder.getOrCreate()
      cfg = spark.read.json("s3://cfg/filters.json").collect()[0]
      df = spark.read.parquet("s3://data/events")
      df.filter(f"country = '{cfg['country']}'").show()
      df.where("user = '" + cfg["user"] + "'").show()
      df.selectExpr("id", cfg["expr"]).show()
      df.withColumn("x", F.expr(cfg["expr2"])).show()
      df.filter((F.col("a") == cfg["a"]) & F.col("b").isin(cfg["bs"])).show()
      df.filter(df.a == cfg["a"]).where(~F.col("b").isNull()).show()
      df.filter("a > 1").show()
      spark.sql("SELECT * FROM events WHERE c = :c", args={"c": cfg["c"]}).show()
      kept = list(filter(lambda r: r > cfg["min"], [1, 2]))
    `;
    const { findings, facts } = analyzePythonText(code, 'jobs/spark_job.py');
    const taint = findings.filter((f) => f.ruleId === 'py.taint.sql-injection');
    expect(taint.map((f) => [f.location.startLine, f.trace!.at(-1)!.label.replace(/^.*— /, '')])).toEqual([
      [7, 'the value is parsed as a Spark SQL condition'],
      [8, 'the value is parsed as a Spark SQL condition'],
      [9, 'the value is parsed as a Spark SQL expression'],
      [10, 'the value is parsed as a Spark SQL expression'],
    ]);
    // In the lineage as sinks the ingestion point reaches, as eval-like places, not as destinations of data.
    const sinks = (facts['python'] as { lineage: { sinks: Array<{ api: string; kind: string; line: number }> } }).lineage.sinks;
    expect(sinks.filter((s) => /filter|where|selectExpr|expr/.test(s.api)).map((s) => [s.line, s.kind])).toEqual([
      [7, 'eval'],
      [8, 'eval'],
      [9, 'eval'],
      [10, 'eval'],
    ]);
  });
});

describe('a DataFrame parameter', () => {
  it("may be Spark's: its text filter is a sink, while pandas', numpy's and polars' calls and expressions are not", () => {
    const code = py`
      import json
      import numpy as np
      import pandas as pd
      import polars as pl


      def transform(df, cfg):
          return df.filter(f"country = '{cfg['country']}'")


      def keep(df, cfg):
          return df.filter(pl.col("a").is_in(cfg["values"])).where(df["x"] > cfg["x"])


      def run(sdf):
          cfg = json.load(open("cfg.json"))
          transform(sdf, cfg)
          keep(sdf, cfg)
          pd.read_csv("x.csv").filter(cfg["cols"])
          np.where(cfg["mask"])
    `;
    const taint = analyzePythonText(code, 'jobs/transform.py').findings.filter((f) => f.ruleId === 'py.taint.sql-injection');
    expect(taint.map((f) => f.location.startLine)).toEqual([8]);
  });
});
