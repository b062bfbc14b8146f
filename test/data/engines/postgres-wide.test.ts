import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inferSchemaFrom, validateSource, type RecordSchema } from '../../../src/data/schema/index.js';
import { POSTGRES_MISSING, postgresBinDir, startPostgres, type TestPostgres } from '../../helpers/postgres.js';

const hasPostgres = postgresBinDir() !== undefined;
if (!hasPostgres) console.warn(`skipping PostgreSQL wide-table tests: ${POSTGRES_MISSING}`);

const COLUMNS = 130;
const ROWS = 300;
/** Row r of text column i: an e-mail address, except one planted non-address in column 120. */
const cell = (r: number, i: number): string => (i === 120 && r === 7 ? 'not an address' : `user${r % 3}.${i}@example.com`);

/**
 * PostgreSQL takes at most 1,664 items in a select list: 130 text columns checked for formats are
 * 1,700 profile aggregates, and six checks on each of 100 columns 1,800 validation aggregates.
 */
describe.skipIf(!hasPostgres)('a wide table on PostgreSQL', () => {
  let server: TestPostgres;
  let source: { engine: 'postgres'; dsn: string; table: string };

  beforeAll(async () => {
    server = await startPostgres();
    source = { engine: 'postgres', dsn: server.dsn, table: 'wide' };
    const client = new pg.Client({ connectionString: server.dsn });
    await client.connect();
    const names = Array.from({ length: COLUMNS }, (_, i) => `e${i}`);
    await client.query(`CREATE TABLE wide (${names.map((n) => `${n} text NOT NULL`).join(', ')})`);
    for (let r = 0; r < ROWS; r++) {
      await client.query(`INSERT INTO wide VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`, names.map((_, i) => cell(r, i)));
    }
    await client.end();
  }, 180_000);

  afterAll(() => server?.stop());

  it('infers a schema of every column, formats included', async () => {
    const schema = await inferSchemaFrom(source, { enumMax: 5 });
    expect(Object.keys(schema.properties!)).toHaveLength(COLUMNS);
    expect(schema.properties!['e0']).toMatchObject({ type: 'string', format: 'email', enum: ['user0.0@example.com', 'user1.0@example.com', 'user2.0@example.com'] });
    expect(schema.properties!['e120']!.format).toBeUndefined();
  });

  it('validates six checks on each column, with counts and examples', async () => {
    const properties: RecordSchema['properties'] = {};
    for (let i = 0; i < COLUMNS; i++) {
      const values = [0, 1, 2].map((k) => `user${k}.${i}@example.com`);
      properties[`e${i}`] = { type: 'string', minLength: 1, maxLength: 40, format: 'email', pattern: '^user', enum: i === 129 ? values.slice(0, 2) : values };
    }
    const report = await validateSource(source, { type: 'object', properties });
    expect(report.records).toBe(ROWS);
    expect(report.violations.map((v) => [v.path, v.kind, v.count])).toEqual([
      ['e120', 'format', 1],
      ['e120', 'pattern', 1],
      ['e120', 'enum', 1],
      ['e129', 'enum', ROWS / 3],
    ]);
    expect(report.violations[0]!.examples).toHaveLength(1);
  });
});
