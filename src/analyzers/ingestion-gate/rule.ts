import type { RuleMeta } from '../../core/rule.js';

export const unvalidatedIngestionRule: RuleMeta = {
  id: 'data.ingestion.unvalidated',
  title: 'External data loaded without schema validation',
  category: 'data',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-20', 'CWE-1284'],
  what:
    'Reports ingestion points in Python modules and notebooks — files and tables read with pandas/Spark/csv, HTTP ' +
    'responses, bucket objects and downloads, queue messages, web requests — whose data never reaches a schema ' +
    'validation in the same module: pydantic models, pandera or Great Expectations checks, jsonschema.validate, ' +
    'marshmallow, or the team\'s own validate_*() function. Configuration files read with json.load or open() are ' +
    'left out. Every read of a web request object in one handler is one ingestion, reported at the first read.',
  why:
    'Validation at ingestion is the control that stops malformed and poisoned records before they reach features, ' +
    'models and reports. Without it a renamed column, a string in a numeric field or an injected formula flows ' +
    'straight through, and every later step has to defend itself — or silently trains on it.',
  remediation:
    'Validate right after reading: a pandera DataFrameSchema (schema.validate(df, lazy=True)), a pydantic model per ' +
    'record, or jsonschema.validate for JSON documents; quarantine what fails. `pipewarden schema infer` writes a ' +
    'starting JSON Schema from a sample.',
  bad: [
    {
      file: 'jobs/load_orders.py',
      code: 'import pandas as pd\n\norders = pd.read_csv("s3://landing/orders.csv")\norders.to_parquet("clean/orders.parquet")\n',
    },
  ],
  good: [
    {
      file: 'jobs/load_orders.py',
      code:
        'import pandas as pd\nimport pandera as pa\n\n' +
        'ORDERS = pa.DataFrameSchema({"order_id": pa.Column(int, unique=True), "amount": pa.Column(float, pa.Check.ge(0))})\n\n' +
        'orders = ORDERS.validate(pd.read_csv("s3://landing/orders.csv"), lazy=True)\n' +
        'orders.to_parquet("clean/orders.parquet")\n',
    },
  ],
  references: ['https://cwe.mitre.org/data/definitions/1284.html', 'https://pandera.readthedocs.io/en/stable/dataframe_schemas.html'],
};
