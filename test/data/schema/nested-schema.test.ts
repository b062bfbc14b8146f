import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inferSchemaFrom, validateSource } from '../../../src/data/schema/index.js';
import type { RecordSchema, Violation } from '../../../src/data/schema/index.js';
import { POSTGRES_MISSING, postgresBinDir, startPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { tempDataDir } from '../temp-data.js';

const write = tempDataDir();

/** Orders with a customer object and line items: the nested records an ingestion job receives. */
const ORDERS = [
  { id: 1, customer: { name: 'ann', tier: 'gold', address: { city: 'Oslo', zip: '0150' } }, lines: [{ sku: 'A1', qty: 2 }, { sku: 'B2', qty: 1 }] },
  { id: 2, customer: { name: 'bob', tier: 'basic', address: { city: 'Bergen', zip: '5003' } }, lines: [{ sku: 'C3', qty: 5, gift: true }] },
  { id: 3, customer: { name: 'cy', tier: 'gold', address: { city: 'Trondheim', zip: '7010' } }, lines: [] },
  { id: 4, customer: { name: 'di', tier: 'basic', address: { city: 'Oslo', zip: '0151' } }, lines: [{ sku: 'A1', qty: 3 }] },
];

/** Each breaks the inferred structure below the top level in one way. */
const POISONED = [
  { id: 1, customer: { name: 'eve', tier: 'admin', address: { city: 'Oslo', zip: '0150' } }, lines: [{ sku: 'A1', qty: 1 }] },
  { id: 2, customer: { name: 'fay', tier: 'gold', address: { city: 'Oslo', zip: '0150', cmd: "=cmd|' /C calc'!A0" } }, lines: [] },
  { id: 3, customer: { name: 'gus', tier: 'gold', address: { zip: '0150' } }, lines: [{ sku: 'A1', qty: 2 }] },
  { id: 4, customer: { name: 'hal', tier: 'basic', address: { city: 'Oslo', zip: '0150' } }, lines: [{ sku: 'A1', qty: 9_000_000 }] },
  { id: 1, customer: { name: 'ida', tier: 'gold', address: { city: 'Oslo', zip: '0150' } }, lines: [{ sku: 'A1', qty: '2' }] },
];

/** What validation reports on POISONED, one break each, whatever the source. */
const EVERY_BREAK = [
  ['customer/address/city', 'required'],
  ['customer/address/cmd', 'additionalProperties'],
  ['customer/tier', 'enum'],
  ['lines/0/qty', 'maximum'],
  ['lines/0/qty', 'type'],
];

const jsonl = (rows: unknown[]): string => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
/** The rows written by DuckDB's COPY to `name` with `options` (Parquet structs, zstd JSON Lines). */
async function copied(name: string, rows: unknown[], options: string): Promise<string> {
  const source = write(`${name}.source.jsonl`, jsonl(rows));
  const file = write(name, '');
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  await connection.run(`COPY (SELECT * FROM read_json('${source}', format = 'newline_delimited')) TO '${file}' (${options})`);
  connection.closeSync();
  db.closeSync();
  return file;
}

const kinds = (violations: Violation[]): string[][] => violations.map((v) => [v.path, v.kind]).sort();

describe('nested schemas from JSON Lines', () => {
  let schema: RecordSchema;
  beforeAll(async () => {
    schema = await inferSchemaFrom({ engine: 'duckdb', file: write('orders.jsonl', jsonl(ORDERS)) }, { margin: 0.1, enumMax: 5 });
  });

  it('describes what is inside objects and arrays: properties, required keys, item schemas, ranges, enums', () => {
    expect(schema.properties!['customer']).toMatchObject({
      type: 'object',
      required: ['name', 'tier', 'address'],
      additionalProperties: false,
      properties: {
        tier: { type: 'string', enum: ['basic', 'gold'] },
        address: { type: 'object', required: ['city', 'zip'], properties: { zip: { type: 'string', minLength: 3, maxLength: 5 } } },
      },
    });
    expect(schema.properties!['lines']).toMatchObject({
      type: 'array',
      maxItems: 3,
      items: { type: 'object', required: ['sku', 'qty'], properties: { qty: { type: 'integer', minimum: 0, maximum: 6 }, gift: { type: 'boolean' } } },
    });
  });

  it('accepts the records it came from and reports each nested break at its path', async () => {
    expect((await validateSource({ engine: 'duckdb', file: write('same.jsonl', jsonl(ORDERS)) }, schema)).violations).toEqual([]);
    const report = await validateSource({ engine: 'duckdb', file: write('poisoned.jsonl', jsonl(POISONED)) }, schema);
    expect(kinds(report.violations)).toEqual(EVERY_BREAK);
  });

  it('still infers the top level of a file it cannot read record by record, and says why the inside is not described', async () => {
    const file = await copied('orders.jsonl.zst', ORDERS, 'FORMAT json, COMPRESSION zstd');
    const inferred = await inferSchemaFrom({ engine: 'duckdb', file }, { margin: 0.1 });
    expect(inferred.properties!['customer']).toEqual({ type: 'object' });
    expect(inferred.properties!['id']).toMatchObject({ type: 'integer' });
    expect(inferred.description).toMatch(/what is inside customer, lines is not described: .*zstd/);
  });
});

describe('nested schemas from Parquet structs and lists', () => {
  const parquet = (name: string, rows: unknown[]): Promise<string> => copied(`${name}.parquet`, rows, 'FORMAT parquet');

  it('infers from struct and list columns, and validation checks inside them value by value', async () => {
    const schema = await inferSchemaFrom({ engine: 'duckdb', file: await parquet('orders', ORDERS) }, { margin: 0.1, enumMax: 5 });
    // A struct has every field in every row (absent ones are NULL): each is required, NULL allowed where seen.
    expect(schema.properties!['lines']).toMatchObject({ items: { required: ['sku', 'qty', 'gift'], properties: { gift: { type: ['boolean', 'null'] } } } });
    const same = await validateSource({ engine: 'duckdb', file: await parquet('same', ORDERS) }, schema);
    expect(same.method).toBe('sql:duckdb+ajv');
    expect(same.violations).toEqual([]);
    const report = await validateSource({ engine: 'duckdb', file: await parquet('poisoned', POISONED.slice(0, 4)) }, schema);
    expect(report.records).toBe(4);
    expect(kinds(report.violations)).toEqual(
      expect.arrayContaining([
        ['customer/address/cmd', 'additionalProperties'],
        ['customer/tier', 'enum'],
        ['lines/0/qty', 'maximum'],
      ]),
    );
  });
});

describe('nested values DuckDB prints as no JSON', () => {
  it('reads NaN and Infinity inside a struct as null: inferred as nullable, reported where a number is required', async () => {
    const file = write('readings.parquet', '');
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const reading = (v: string) => `{'sensor': 's1', 'value': CAST('${v}' AS DOUBLE), 'note': 'NaN here is text'}`;
    await connection.run(`COPY (SELECT * FROM (VALUES (${reading('1.5')}), (${reading('nan')}), (${reading('-inf')})) t(reading)) TO '${file}' (FORMAT parquet)`);
    connection.closeSync();
    db.closeSync();
    const inferred = await inferSchemaFrom({ engine: 'duckdb', file }, { margin: 0.1 });
    expect(inferred.properties!['reading']).toMatchObject({ properties: { value: { type: ['number', 'null'] }, note: { type: 'string' } } });
    const strict: RecordSchema = { type: 'object', properties: { reading: { type: 'object', properties: { value: { type: 'number' } } } } };
    const report = await validateSource({ engine: 'duckdb', file }, strict);
    expect(report.violations).toMatchObject([{ path: 'reading/value', kind: 'type', count: 2 }]);
  });
});

const hasPostgres = postgresBinDir() !== undefined;
if (!hasPostgres) console.warn(`skipping nested PostgreSQL schema tests: ${POSTGRES_MISSING}`);

describe.skipIf(!hasPostgres)('nested schemas from PostgreSQL jsonb columns', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
    const client = new pg.Client({ connectionString: server.dsn });
    await client.connect();
    await client.query('CREATE TABLE orders (id bigint, customer jsonb, lines jsonb)');
    await client.query('CREATE TABLE incoming (id bigint, customer jsonb, lines jsonb)');
    // More rows than one cursor batch, so the values arrive in several fetches.
    for (let i = 0; i < 1500; i++) {
      const order = ORDERS[i % ORDERS.length]!;
      await client.query('INSERT INTO orders VALUES ($1, $2, $3)', [i + 1, order.customer, JSON.stringify(order.lines)]);
    }
    for (const order of POISONED) await client.query('INSERT INTO incoming VALUES ($1, $2, $3)', [order.id, order.customer, JSON.stringify(order.lines)]);
    await client.end();
  }, 180_000);
  afterAll(() => server?.stop());

  it('infers the inside of jsonb values and validates a table against it', async () => {
    const schema = await inferSchemaFrom({ engine: 'postgres', dsn: server.dsn, table: 'orders' }, { margin: 0.1, enumMax: 3 });
    expect(schema.properties!['customer']).toMatchObject({ required: ['name', 'tier', 'address'], properties: { tier: { enum: ['basic', 'gold'] } } });
    expect((await validateSource({ engine: 'postgres', dsn: server.dsn, table: 'orders' }, schema)).violations).toEqual([]);
    const report = await validateSource({ engine: 'postgres', dsn: server.dsn, table: 'incoming' }, schema);
    expect(report.method).toBe('sql:postgres+ajv');
    expect(kinds(report.violations)).toEqual(EVERY_BREAK);
  });
});
