import type { RuleExample } from '../../core/rule.js';

type Line = [level: 'INFO' | 'WARNING' | 'ERROR', message: string, traceback?: string];
export type LogScenario = 'steady' | 'error-spike' | 'warning-spike' | 'null-spike' | 'new-exception';

/** Twenty records of a healthy run: the baseline half of every example, and the whole of a good one. */
function steady(offset: number): Line[] {
  return Array.from({ length: 20 }, (_, i): Line => {
    const n = offset + i;
    if (i === 7) return ['ERROR', `retrying connection to db-${n % 3} after timeout`];
    if (i === 13) return ['WARNING', `slow query took ${1200 + n} ms`];
    return i % 2 === 0 ? ['INFO', `loaded ${1500 + n * 7} rows from s3://raw/part-${n}.csv`] : ['INFO', `wrote batch ${n} to staging.orders`];
  });
}

function recent(scenario: LogScenario): Line[] {
  const lines = steady(20);
  const replace = (every: number, make: (i: number) => Line) => lines.forEach((_, i) => i % every === 1 && (lines[i] = make(i)));
  if (scenario === 'error-spike') replace(2, (i) => ['ERROR', `failed to insert row ${i * 31}: value too long for column "note"`]);
  if (scenario === 'warning-spike') replace(2, (i) => ['WARNING', `dropping row ${i * 17}: malformed quote in field 4`]);
  if (scenario === 'null-spike') replace(2, (i) => ['INFO', `null value in column "email" at row ${i * 13}, row skipped`]);
  if (scenario === 'new-exception') {
    lines[9] = ['ERROR', 'task failed', 'Traceback (most recent call last):\n  File "etl/load.py", line 42, in load\n    amount = float(raw)\nValueError: could not convert string to float: \'=1+1\''];
  }
  return lines;
}

const format: Record<string, (line: Line, i: number) => string> = {
  log: ([level, message, traceback], i) => `2024-05-01 12:${String(i).padStart(2, '0')}:00,000 - etl - ${level} - ${message}${traceback ? `\n${traceback}` : ''}`,
  'airflow-task': ([level, message], i) => `[2024-05-01, 12:${String(i).padStart(2, '0')}:00 UTC] {load.py:88} ${level} - ${message}`,
  jsonl: ([level, message], i) => JSON.stringify({ ts: `2024-05-01T12:${String(i).padStart(2, '0')}:00Z`, level: level.toLowerCase(), msg: message }),
};

/** A log in the format the file name implies: a healthy first half, then the scenario. */
export function logExample(file: string, scenario: LogScenario): RuleExample {
  const render = file.startsWith('airflow') ? format['airflow-task']! : file.endsWith('.jsonl') ? format['jsonl']! : format['log']!;
  const lines = [...steady(0), ...(scenario === 'steady' ? steady(20) : recent(scenario))];
  return { file, code: `${lines.map(render).join('\n')}\n` };
}
