import { describe, expect, it } from 'vitest';
import { analyzeLogs, DEFAULT_LOG_SETTINGS } from '../../../src/data/logs/analyze.js';
import { parseLog } from '../../../src/data/logs/parse.js';

const one = (line: string) => parseLog(line, 'x.log')[0]!;

describe('parseLog', () => {
  it('reads Python logging lines', () => {
    expect(one('2024-05-01 12:00:00,123 - etl.load - ERROR - insert failed')).toMatchObject({ level: 'error', message: 'insert failed' });
    expect(one('2024-05-01 12:00:00,123 WARNING [etl] slow query')).toMatchObject({ level: 'warning' });
    expect(one('ERROR:root:disk full')).toMatchObject({ level: 'error', message: 'disk full' });
  });

  it('reads Airflow task log lines', () => {
    expect(one('[2024-05-01, 12:00:00 UTC] {taskinstance.py:1234} WARNING - Task is in a retry state')).toMatchObject({ level: 'warning', message: 'Task is in a retry state' });
    expect(one('[2024-05-01 12:00:00,123] {logging_mixin.py:109} INFO - Running <TaskInstance: dag.task>')).toMatchObject({ level: 'info' });
  });

  it('reads BSD and RFC 5424 syslog, with levels from the priority', () => {
    expect(one('<11>May  1 12:00:00 host etl[42]: load failed')).toMatchObject({ level: 'error', message: 'load failed' });
    expect(one('May  1 12:00:00 host etl: WARNING disk at 91%')).toMatchObject({ level: 'warning' });
    expect(one('<12>1 2024-05-01T12:00:00Z host etl 42 ID7 - queue filling up')).toMatchObject({ level: 'warning', message: 'queue filling up' });
  });

  it('reads JSON lines from structlog, python-json-logger and pino', () => {
    expect(one('{"event": "row rejected", "level": "warning"}')).toMatchObject({ level: 'warning', message: 'row rejected' });
    expect(one('{"message": "boom", "levelname": "ERROR", "exc_info": "Traceback...\\nKeyError: \'id\'"}')).toMatchObject({ level: 'error', exceptions: ['KeyError'] });
    expect(one('{"level": 50, "msg": "db down"}')).toMatchObject({ level: 'error' });
  });

  it('folds a traceback into its record and takes the exception class from its last line', () => {
    const records = parseLog(
      [
        '2024-05-01 12:00:00,000 - etl - ERROR - task failed',
        'Traceback (most recent call last):',
        '  File "load.py", line 3, in <module>',
        '    float(x)',
        "ValueError: could not convert string to float: 'a'",
        '2024-05-01 12:00:01,000 - etl - INFO - next',
      ].join('\n'),
      'etl.log',
    );
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ line: 1, level: 'error', exceptions: ['ValueError'] });
    expect(records[1]).toMatchObject({ line: 6, level: 'info' });
  });

  it('takes a class of a module of errors printed before a colon as an exception, whatever its name ends with', () => {
    const log = [
      '2024-05-01 10:00:00,000 ERROR loader: psycopg2.errors.UndefinedColumn: column "amt" does not exist',
      '2024-05-01 10:00:01,000 ERROR loader: insert failed',
      'Traceback (most recent call last):',
      '  File "load.py", line 3, in <module>',
      'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) server closed the connection',
      '2024-05-01 10:00:02,000 ERROR loader: see docs.errors.Page for help',
    ].join('\n');
    expect(parseLog(`${log}\n`, 'etl.log').map((r) => r.exceptions)).toEqual([
      ['psycopg2.errors.UndefinedColumn'],
      ['sqlalchemy.exc.OperationalError'],
      [],
    ]);
  });

  it('reads a line that redraws itself with carriage returns as the text it ends with', () => {
    const progress = ['(Reading database ... ', ...[5, 50, 100].map((p) => `(Reading database ... ${p}%`), '(Reading database ... 9087 files and directories currently installed.)'].join('\r');
    const records = parseLog(`${progress}\r\nERROR:root:boom\r\n`, 'term.log');
    expect(records.map((r) => r.message)).toEqual(['(Reading database ... 9087 files and directories currently installed.)', 'boom']);
  });

  it('keeps unknown lines as records, with a level when a level word appears', () => {
    expect(parseLog('something odd happened\nFATAL all gone', 'x.log').map((r) => r.level)).toEqual(['unknown', 'critical']);
  });
});

describe('hostile input', () => {
  it('handles a megabyte-long line of ids and dotted names', () => {
    const line = `2024-05-01 12:00:00,000 - x - ERROR - ${'a-1-'.repeat(150_000)} ${'a.'.repeat(100_000)}Error`;
    // Quadratic masking or backtracking would run into the test timeout.
    const records = parseLog(`${line}\n${line}\n`, 'huge.log');
    expect(records).toHaveLength(2);
    expect(analyzeLogs(records, DEFAULT_LOG_SETTINGS).templates).toHaveLength(1);
  });
});
