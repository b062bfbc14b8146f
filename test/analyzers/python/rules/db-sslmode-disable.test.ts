import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.db.sslmode-disable';

describe(ID, () => {
  it('reports clear-text sslmodes in DSNs, URLs and keywords', () => {
    expect(scan('import psycopg2\npsycopg2.connect("host=db sslmode=disable")\n', ID)[0]?.message).toContain('sslmode=disable');
    expect(scan('import sqlalchemy\nsqlalchemy.create_engine("postgresql://u@db/x?sslmode=allow")\n', ID)).toHaveLength(1);
    expect(scan('import psycopg2\npsycopg2.connect(host=h, sslmode="prefer")\n', ID)).toHaveLength(1);
    expect(scan('from sqlalchemy import create_engine\ncreate_engine(url, connect_args={"sslmode": "disable"})\n', ID)).toHaveLength(1);
    expect(scan('import asyncpg\nasyncpg.connect(dsn, ssl=False)\n', ID)[0]?.message).toContain('ssl=False');
  });

  it('does not report verified TLS, unknown settings, or other calls', () => {
    const code = [
      'import psycopg2',
      'psycopg2.connect("host=db sslmode=verify-full sslrootcert=/ca.pem")',
      'psycopg2.connect(dsn)',
      'psycopg2.connect(host=h, sslmode=mode)',
      'logger.info("sslmode=disable is not allowed")',
    ].join('\n');
    expect(scan(code, ID)).toEqual([]);
  });
});
