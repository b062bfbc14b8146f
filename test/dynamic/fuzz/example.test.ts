import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzPipeline } from '../../../src/dynamic/fuzz/engine.js';
import { generateMutations } from '../../../src/dynamic/fuzz/mutations.js';
import { loadSample } from '../../../src/dynamic/fuzz/sample.js';
import { loadRecordSchema, schemaViolations } from '../../../src/dynamic/fuzz/schema.js';
import { staticHints } from '../../../src/dynamic/fuzz/static-hints.js';
import { resolvePipeline } from '../../../src/dynamic/pipeline.js';
import { REPO } from '../../helpers/cli.js';

const EXAMPLE = path.join(REPO, 'examples', 'feedback-pipeline');
const hardened = () => resolvePipeline(EXAMPLE, { config: path.join(EXAMPLE, 'pipewarden.hardened.yml') });
const options = { seed: 1, maxExecs: 40, timeMs: 300_000, families: ['type-confusion' as const], minimiseBudget: 2 };

describe('the example pipeline under fuzz (seed 1, type confusion)', () => {
  it('fills in the comment of a record the jobs hold back on the clean run', async () => {
    const pipeline = hardened();
    const sample = loadSample(pipeline.sample, pipeline.format);
    // the options fuzzPipeline derives: they decide which record each mutation changes
    const schema = schemaViolations(loadRecordSchema(pipeline.schema!));
    const mutations = await generateMutations(sample, { seed: 1, redos: staticHints(pipeline).redos, loadsPickles: false, memoryBytes: pipeline.memoryBytes, schema, families: ['type-confusion'] });
    const line = mutations.find((m) => m.id === 'type-confusion/text-in-number@comment')!.probe.change!.line;
    const [, , , rating, , comment] = sample.records[line] as string[];
    // held back: neither rating nor comment (has_rating_or_comment), or an exact re-send of an earlier record
    const heldBack = (rating === '' && comment === '') || sample.lines.indexOf(sample.lines[line]!) < line;
    expect(heldBack).toBe(true);
  });

  it('finds nothing in the hardened job: rejected records are logged, the record let through is no duplicate', async () => {
    const result = await fuzzPipeline(hardened(), options);
    expect(result.execs).toBe(30);
    expect(result.baseline.stderrTail).toMatch(/dropped: fails has_rating_or_comment/);
    expect(result.failures.map((f) => `${f.verdict.ruleId} ${f.mutation.id}: ${f.verdict.message}`)).toEqual([]);
  });

  it('still crashes the vulnerable job on a rating that is not a number', async () => {
    const result = await fuzzPipeline(resolvePipeline(EXAMPLE, {}), options);
    const crashes = result.failures.filter((f) => f.verdict.ruleId === 'dyn.crash');
    expect(crashes.find((f) => f.probe.change?.field === 'rating')?.verdict.detail).toBe('ValueError');
  });
});
