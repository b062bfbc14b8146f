import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const taint = (code: string) => scan(code).filter((f) => f.ruleId.startsWith('py.taint.'));

describe('Spark UDFs', () => {
  it('takes the parameters of a function Spark runs on column values for data: decorated, wrapped or registered', () => {
    const code = py`
      import os
      from pyspark.sql import SparkSession, functions as F
      from pyspark.sql.functions import pandas_udf, udf
      spark = SparkSession.builder.getOrCreate()
      @udf("string")
      def run_hook(cmd):
          return os.popen(cmd).read()
      @pandas_udf("double")
      def score(expressions):
          return expressions.map(eval)
      def shell(x):
          os.system(x)
      shell_udf = F.udf(shell)
      def evaluate(x):
          return eval(x)
      spark.udf.register("evaluate", evaluate)
      @udf
      def second(a, b):
          return os.system(b)
    `;
    expect(taint(code).map((f) => [f.ruleId, f.location.startLine, f.confidence])).toEqual([
      ['py.taint.command-injection', 7, 'high'],
      ['py.taint.code-injection', 10, 'high'],
      ['py.taint.command-injection', 12, 'high'],
      ['py.taint.code-injection', 15, 'high'],
      ['py.taint.command-injection', 19, 'high'],
    ]);
    expect(taint(code)[0]!.trace?.[0]?.label).toBe('source: DataFrame column given to the Spark UDF run_hook() (table)');
  });

  it('leaves functions alone that Spark does not call with column values', () => {
    const code = py`
      import os
      from pyspark.sql import functions as F
      def cleanup(path):
          os.system(path)
      def udf(x):
          os.system(x)
      @udf
      def local_decorator(cmd):
          os.system(cmd)
      F.col("x")
    `;
    expect(taint(code)).toEqual([]);
  });
});
