import { calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';

const READERS = ['pandas.read_pickle', 'pandas.io.pickle.read_pickle'];

export const pandasReadPickle: PythonRule = {
  id: 'py.deserialization.pandas-read-pickle',
  title: 'DataFrame loaded with pandas.read_pickle',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-502'],
  what: 'Finds pandas.read_pickle(), under any import alias.',
  why:
    'read_pickle is pickle.load with a DataFrame on top: opening the file runs whatever code its author embedded. ' +
    'Pickled frames are a favourite hand-off format between pipeline stages, which makes every bucket, volume or ' +
    'artifact store a stage reads from a way to run code inside it.',
  remediation:
    'Hand frames between stages as Parquet or Feather (DataFrame.to_parquet / pandas.read_parquet), which keep ' +
    'dtypes and are plain data. Keep pickles only for artifacts the same job wrote, and verify an HMAC first.',
  bad: [
    {
      file: 'dags/build_features.py',
      code:
        'import pandas as pd\n\n\n' +
        'def join_orders(ds: str) -> pd.DataFrame:\n' +
        '    orders = pd.read_pickle(f"s3://analytics-staging/orders/{ds}.pkl.gz", compression="gzip")\n' +
        '    customers = pd.read_parquet("s3://analytics-staging/customers.parquet")\n' +
        '    return orders.merge(customers, on="customer_id", how="left")\n',
    },
  ],
  good: [
    {
      file: 'dags/build_features.py',
      code:
        'import pandas as pd\n\n\n' +
        'def join_orders(ds: str) -> pd.DataFrame:\n' +
        '    orders = pd.read_parquet(f"s3://analytics-staging/orders/{ds}.parquet")\n' +
        '    customers = pd.read_parquet("s3://analytics-staging/customers.parquet")\n' +
        '    return orders.merge(customers, on="customer_id", how="left")\n',
    },
  ],
  bandit: ['B301'],
  references: [
    'https://pandas.pydata.org/docs/reference/api/pandas.read_pickle.html',
    'https://cwe.mitre.org/data/definitions/502.html',
  ],
  onCall(call, ctx) {
    if (calls(call, READERS)) {
      ctx.report(call.node, { message: `${call.name}() unpickles the file, so whoever can write it can run code in this job` });
    }
  },
};
