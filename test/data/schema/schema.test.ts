import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { inferSchemaFrom, validateSource } from '../../../src/data/schema/index.js';
import type { RecordSchema } from '../../../src/data/schema/json-schema.js';
import { validateProto } from '../../../src/data/schema/validate-proto.js';
import { REPO } from '../../helpers/cli.js';
import { tempDataDir } from '../temp-data.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'data');
const people = path.join(FIXTURES, 'people.csv');
const write = tempDataDir();

describe('schema infer', async () => {
  const schema = await inferSchemaFrom({ engine: 'duckdb', file: people }, { margin: 0.1, enumMax: 5 });
  const props = schema.properties!;

  it('writes a JSON Schema 2020-12 document that ajv compiles', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(() => new Ajv2020({ strict: false, validateFormats: false }).compile(schema)).not.toThrow();
  });

  it('types columns and marks the nullable one', () => {
    expect(props['id']!.type).toBe('integer');
    expect(props['score']!.type).toBe('number');
    expect(props['age']!.type).toEqual(['integer', 'null']);
    expect(schema.required).toContain('id');
    expect(schema.required).not.toContain('age');
  });

  it('detects formats', () => {
    expect(props['email']!.format).toBe('email');
    expect(props['user_uuid']!.format).toBe('uuid');
    expect(props['signup']!.format).toBe('date');
    expect(props['last_seen']!.format).toBe('date-time');
    expect(props['homepage']!.format).toBe('uri');
  });

  it('gives low-cardinality columns an enum and widens ranges by the margin', () => {
    expect(props['plan']!.enum).toEqual(['free', 'pro', 'team']);
    expect(props['email']!.enum).toBeUndefined();
    // ids 1..40: range 39, margin 10% → 3.9 each side, rounded outwards.
    expect(props['id']!.minimum).toBe(-3);
    expect(props['id']!.maximum).toBe(44);
    expect(props['plan']!.minLength).toBe(2);
    expect(props['plan']!.maxLength).toBe(5);
  });

  it('rounds widened number bounds outwards at the margin\'s leading digit', async () => {
    // -499.4688 widened by 99.914… is -599.3831299999999 in floating point: the bound says -600.
    const file = write('floats.csv', 'x\n-499.4688\n0.25\n499.6745\n');
    const widened = (await inferSchemaFrom({ engine: 'duckdb', file }, { margin: 0.1 })).properties!['x']!;
    expect(widened).toMatchObject({ minimum: -600, maximum: 600 });
    const tight = (await inferSchemaFrom({ engine: 'duckdb', file }, { margin: 0.0001 })).properties!['x']!;
    expect(tight).toMatchObject({ minimum: -499.57, maximum: 499.78 });
  });

  it('accepts the data it was inferred from', async () => {
    const report = await validateSource({ engine: 'duckdb', file: people }, schema);
    expect(report.records).toBe(40);
    expect(report.violations).toEqual([]);
  });
  it('types nested JSON values as objects and arrays, mixed ones as the union of their types, and accepts the file it came from', async () => {
    const file = write(
      'events.jsonl',
      ['{"id":1,"meta":{"src":"a","n":2},"tags":["x","y"],"v":1}', '{"id":2,"meta":{"src":"b","n":3},"tags":["z"],"v":"a"}', '{"id":3,"meta":{"src":"c","n":4},"tags":[],"v":{"k":1}}'].join('\n'),
    );
    const inferred = await inferSchemaFrom({ engine: 'duckdb', file }, { margin: 0.1 });
    expect(inferred.properties).toMatchObject({ meta: { type: 'object' }, tags: { type: 'array' }, v: { type: ['object', 'string', 'integer'] } });
    expect((await validateSource({ engine: 'duckdb', file }, inferred)).violations).toEqual([]);
    const flattened = write('flattened.jsonl', '{"id":4,"meta":"a","tags":["x"],"v":1}\n');
    const report = await validateSource({ engine: 'duckdb', file: flattened }, inferred);
    expect(report.violations.map((v) => [v.path, v.kind])).toEqual([['meta', 'type']]);
  });

  it('accepts a Parquet file it was inferred from, zoned timestamps included', async () => {
    // DuckDB (and PostgreSQL) print a timestamp with time zone with an hour-only offset: 2024-01-01 01:00:00+00.
    const file = write('zoned.parquet', '');
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    await connection.run(`COPY (SELECT i AS id, TIMESTAMPTZ '2024-01-01 00:00:00+00' + INTERVAL (i) HOUR AS seen FROM range(20) t(i)) TO '${file}' (FORMAT parquet)`);
    connection.closeSync();
    db.closeSync();
    const inferred = await inferSchemaFrom({ engine: 'duckdb', file }, { margin: 0.1 });
    expect(inferred.properties!['seen']!.format).toBe('date-time');
    expect((await validateSource({ engine: 'duckdb', file }, inferred)).violations).toEqual([]);
  });
});

describe('schema validate on tabular data (SQL in DuckDB)', () => {
  const schema: RecordSchema = {
    type: 'object',
    properties: {
      id: { type: 'integer', minimum: 1 },
      email: { type: 'string', format: 'email', maxLength: 30 },
      plan: { type: 'string', enum: ['free', 'pro'] },
      score: { type: ['number', 'null'], maximum: 50 },
    },
    required: ['id', 'email', 'plan', 'missing_col'],
    additionalProperties: false,
  };

  it('counts each kind of violation per column with redacted examples', async () => {
    const file = write(
      'bad.csv',
      ['id,email,plan,score,extra', '1,a@b.io,free,10,x', 'two,a@b.io,pro,,x', '3,not-an-email,team,99,x', '0,a@b.io,free,51,x', `5,${'q'.repeat(25)}@example.com,=HYPERLINK(1),1,x`].join('\n') + '\n',
    );
    const report = await validateSource({ engine: 'duckdb', file }, schema);
    const count = (path: string, kind: string): number | undefined => report.violations.find((v) => v.path === path && v.kind === kind)?.count;
    expect(report.method).toBe('sql:duckdb');
    expect(report.records).toBe(5);
    expect(count('id', 'type')).toBe(1);
    expect(count('id', 'minimum')).toBe(1);
    expect(count('email', 'format')).toBe(1);
    expect(count('email', 'maxLength')).toBe(1);
    expect(count('plan', 'enum')).toBe(2);
    expect(count('score', 'maximum')).toBe(2);
    expect(count('missing_col', 'required')).toBe(5);
    expect(count('extra', 'additionalProperties')).toBe(5);
    expect(count('score', 'null')).toBeUndefined();
    const enumExamples = report.violations.find((v) => v.path === 'plan' && v.kind === 'enum')!.examples;
    expect(enumExamples).toContain('team');
    expect(enumExamples).toContain('=HYPxxxxxx(9)');
  });
});

describe('schema validate on JSON documents (ajv)', () => {
  const schema: RecordSchema = {
    type: 'object',
    properties: { id: { type: 'integer' }, user: { type: 'string' }, amount: { type: 'number', minimum: 0 }, tags: { type: 'array', items: { type: 'string' } } },
    required: ['id', 'user'],
  };

  it('validates every JSON Lines record and counts malformed ones', async () => {
    const report = await validateSource({ engine: 'duckdb', file: path.join(FIXTURES, 'events.jsonl') }, schema);
    expect(report.method).toBe('ajv');
    expect(report.records).toBe(6);
    expect(report.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'id', kind: 'type', count: 1, examples: ['threx'] }),
        expect.objectContaining({ path: 'tags', kind: 'type', count: 1 }),
        expect.objectContaining({ path: '', kind: 'duplicate-key', count: 1, message: 'line 6: duplicate key /user' }),
      ]),
    );
  });

  it('matches schema patterns in linear time: a crafted record cannot stall the check with backtracking', async () => {
    const patterned: RecordSchema = {
      type: 'object',
      properties: {
        code: { type: 'string', pattern: '^(a+)+$' },
        sku: { type: 'string', pattern: '^[A-Z]{3}-\\d+$' },
        twice: { type: 'string', pattern: '^(\\w)\\1$' },
      },
      patternProperties: { '^x-(a|aa)+$': { type: 'integer' } },
    };
    const lines = [
      { code: `${'a'.repeat(60)}!`, sku: 'ABC-12', twice: 'zz' },
      { code: 'aaa', sku: 'abc-12', twice: 'zy' },
      { code: 'aaa', sku: 'ABC-1', [`x-${'a'.repeat(60)}`]: 'not a number' },
    ];
    const report = await validateSource({ engine: 'duckdb', file: write('patterns.jsonl', lines.map((l) => JSON.stringify(l)).join('\n')) }, patterned);
    expect(report.violations.map((v) => [v.path, v.kind, v.count])).toEqual([
      ['code', 'pattern', 1],
      ['sku', 'pattern', 1],
      // RE2 has no back-references: that pattern is still JavaScript's, and still checked.
      ['twice', 'pattern', 1],
      [`x-${'a'.repeat(60)}`, 'type', 1],
    ]);
  });

  it('validates the elements of a JSON array document', async () => {
    const file = write('array.json', JSON.stringify([{ id: 1, user: 'a' }, { id: 2 }, { id: 3, user: 'c', amount: -1 }]));
    const report = await validateSource({ engine: 'duckdb', file }, schema);
    expect(report.records).toBe(3);
    expect(report.violations.map((v) => [v.path, v.kind, v.count])).toEqual([
      ['amount', 'minimum', 1],
      ['user', 'required', 1],
    ]);
  });
});

describe('schema validate against a protobuf message', () => {
  it('reports type errors, unknown fields and duplicate keys per record', async () => {
    const report = await validateProto(path.join(FIXTURES, 'events.jsonl'), path.join(FIXTURES, 'event.proto'), 'demo.Event');
    expect(report.records).toBe(6);
    const kinds = report.violations.map((v) => `${v.path}:${v.kind}:${v.count}`);
    expect(kinds).toContain('id:verify:1');
    expect(kinds).toContain('tags:verify:1');
    expect(kinds).toContain('admin:unknown-field:1');
    expect(kinds).toContain(':duplicate-key:1');
  });

  it('refuses an unknown message type with a clear error', async () => {
    await expect(validateProto(path.join(FIXTURES, 'events.jsonl'), path.join(FIXTURES, 'event.proto'), 'demo.Nope')).rejects.toThrow(/defines no message demo.Nope/);
  });

  it('keeps the fixture proto parseable', () => {
    expect(fs.readFileSync(path.join(FIXTURES, 'event.proto'), 'utf8')).toContain('message Event');
  });
});
