import { describe, expect, it } from 'vitest';
import { analyzeAppConfigText } from './scan.js';

const found = (code: string, file: string) => analyzeAppConfigText(code, file).findings.map((f) => [f.ruleId, f.location.startLine]);

describe('spark.rest-submission-enabled', () => {
  it('reports the REST submission server switched on wherever Spark is given the property', () => {
    expect(found('spark.master spark://m:7077\nspark.master.rest.enabled true\n', 'spark-defaults.conf')).toEqual([['spark.rest-submission-enabled', 2]]);
    expect(found('#!/bin/sh\nexport SPARK_MASTER_OPTS="-Dspark.master.rest.enabled=true -Dspark.deploy.defaultCores=2"\n', 'master.sh')).toEqual([['spark.rest-submission-enabled', 2]]);
    expect(found('#!/bin/sh\nspark-class org.apache.spark.deploy.master.Master --conf spark.master.rest.enabled=true\n', 'master.sh')).toEqual([['spark.rest-submission-enabled', 2]]);
    expect(found('from pyspark import SparkConf\nconf = SparkConf().set("spark.master.rest.enabled", "true")\n', 'jobs/conf.py')).toEqual([['spark.rest-submission-enabled', 2]]);
    expect(found('sparkConf:\n  spark.master.rest.enabled: "true"\n', 'values.yaml')).toEqual([['spark.rest-submission-enabled', 2]]);
  });

  it('leaves it alone when off or set from elsewhere', () => {
    expect(found('spark.master.rest.enabled false\n', 'spark-defaults.conf')).toEqual([]);
    expect(found('spark.master.rest.enabled ${REST_ENABLED}\n', 'spark-defaults.conf')).toEqual([]);
    expect(found('# spark.master.rest.port 6066\n', 'spark-defaults.conf')).toEqual([]);
  });
});
