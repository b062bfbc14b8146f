import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SHAPE_DEPTH, MAX_TRACKED_KEYS, ValueShape } from '../../../src/data/schema/value-shape.js';
import type { ColumnSchema } from '../../../src/data/schema/json-schema.js';
import { compileSchema } from '../../../src/data/schema/validate-json.js';

const OPTIONS = { margin: 0.1, enumMax: 5 };

function schemaOf(values: unknown[], options = OPTIONS): ColumnSchema {
  const shape = new ValueShape();
  for (const value of values) shape.observe(value);
  return shape.schema(options);
}

describe('the shape of nested values', () => {
  it('requires the keys every object has, types each, and refuses unknown keys', () => {
    const schema = schemaOf([
      { id: 1, user: { name: 'ann', zip: '0150' } },
      { id: 2, user: { name: 'bob', zip: null }, note: 'late' },
    ]);
    expect(schema).toMatchObject({
      type: 'object',
      required: ['id', 'user'],
      additionalProperties: false,
      properties: {
        id: { type: 'integer' },
        note: { type: 'string' },
        user: { type: 'object', required: ['name', 'zip'], properties: { name: { type: 'string' }, zip: { type: ['string', 'null'] } } },
      },
    });
  });

  it('gives arrays an item schema and an item count range, and mixed values the union of their types', () => {
    const schema = schemaOf([[1, 2.5], [], ['x', null], true]);
    expect(schema.type).toEqual(['array', 'boolean']);
    expect(schema['items']).toMatchObject({ type: ['string', 'number', 'null'], minimum: 0.8, maximum: 2.7 });
    expect(schema).toMatchObject({ minItems: 0, maxItems: 3 });
  });

  it('lists the values of a repeating low-cardinality leaf as an enum, and no values seen once', () => {
    expect(schemaOf(['staff', 'guest', 'staff', 'guest', null]).enum).toEqual(['guest', 'staff', null]);
    expect(schemaOf(['a', 'b', 'c']).enum).toBeUndefined();
    expect(schemaOf(['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd', 'e', 'e', 'f', 'f']).enum).toBeUndefined();
  });

  it('keeps a format only while every string has it', () => {
    expect(schemaOf(['2024-01-02', '2023-12-31']).format).toBe('date');
    expect(schemaOf(['2024-01-02', 'soon']).format).toBeUndefined();
  });

  it('turns an object with more keys than it tracks into a map whose values share one schema', () => {
    const byUser = Object.fromEntries(Array.from({ length: MAX_TRACKED_KEYS + 5 }, (_, i) => [`user${i}`, { score: i }]));
    const schema = schemaOf([byUser]);
    expect(schema.properties).toBeUndefined();
    expect(schema['additionalProperties']).toMatchObject({ type: 'object', properties: { score: { type: 'integer', minimum: -11 } } });
    const validate = compileSchema(schema);
    expect(validate({ someone: { score: 3 } })).toBe(true);
    expect(validate({ someone: { score: 'high' } })).toBe(false);
  });

  it('stops describing levels below its depth limit without failing on a very deep value', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { next: deep };
    const schema = schemaOf([deep]);
    let level: ColumnSchema | undefined = schema;
    let depth = 0;
    while (level?.properties) {
      level = (level.properties as Record<string, ColumnSchema>)['next'];
      depth++;
    }
    expect(depth).toBe(MAX_SHAPE_DEPTH);
    expect(level).toEqual({ type: 'object' });
  });

  it('accepts every value it was built from, and merging two halves gives the schema of the whole', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, true, 'a', 'b', '2024-01-02'),
        fc.integer({ min: -50, max: 50 }),
        fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }),
        fc.string({ maxLength: 6 }),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('value'), { maxKeys: 3 }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.array(json, { minLength: 1, maxLength: 12 }), fc.nat(12), (values, cut) => {
        const whole = schemaOf(values);
        const validate = compileSchema(whole);
        for (const value of values) expect(validate(value), JSON.stringify(value)).toBe(true);
        const left = new ValueShape();
        const right = new ValueShape();
        values.forEach((v, i) => (i < cut ? left : right).observe(v));
        left.merge(right);
        expect(left.schema(OPTIONS)).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });
});
