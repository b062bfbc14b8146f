import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

describe("a credential written to the job's output", () => {
  it('is logged: print and writes to stdout or stderr end up in the task log, like logging calls; other values printed are not reported', () => {
    const code = py`
      import logging, os, sys
      from airflow.models import Variable

      token = Variable.get("api_token")
      password = os.environ["DB_PASSWORD"]
      print(f"using token {token}")
      sys.stderr.write("password: " + password + "\\n")
      logging.getLogger(__name__).info("pw %s", password)
      print("rows:", os.environ["ROW_LIMIT"])
      sys.stdout.write(os.environ["REGION"])
    `;
    const found = analyzePythonText(code, 'dags/load.py').findings.filter((f) => f.ruleId === 'py.taint.credential-logging');
    expect(found.map((f) => [f.location.startLine, f.severity])).toEqual([
      [6, 'medium'],
      [7, 'medium'],
      [8, 'medium'],
    ]);
    expect(found[0]!.message).toBe(
      'builtins.print() gets data from airflow.models.Variable.get (airflow-conf api_token) (line 4); the value is printed to the output, which the scheduler keeps as the task log',
    );
  });
});
