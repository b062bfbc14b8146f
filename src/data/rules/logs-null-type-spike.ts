import type { RuleMeta } from '../../core/rule.js';
import { logExample } from './log-examples.js';

export const logsNullTypeSpike: RuleMeta = {
  id: 'data.logs.null-type-spike',
  title: 'Log messages about nulls or type mismatches spiked',
  category: 'data',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-20', 'CWE-1287'],
  what:
    'Counts records at any level above DEBUG that talk about nulls, missing values, NaN, casts and type mismatches ' +
    '("could not convert", "invalid literal", "dtype") and reports a spike against the baseline rate.',
  why: 'These messages are the pipeline telling you records are malformed — the same records schema validation should stop before they reach a model.',
  remediation: 'Validate the input against a schema at ingestion (`pipewarden schema validate`) and quarantine the records that fail.',
  bad: [logExample('loader.jsonl', 'null-spike')],
  good: [logExample('loader.jsonl', 'steady')],
  references: ['https://cwe.mitre.org/data/definitions/1287.html'],
};
