import type { RuleMeta } from '../../core/rule.js';
import { examplePolicy } from './iam-rule.js';

export const excessGrantRule: RuleMeta = {
  id: 'iam.excess-grant',
  title: 'Role grants S3 access the pipeline\'s code never uses',
  category: 'iam',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-250', 'CWE-272'],
  what:
    'Compares the S3 grants of the identity policies in the repository with what the pipeline\'s own code reads and ' +
    'writes, as its lineage shows (s3:// URIs written in Python modules and notebooks), and reports each grant beyond ' +
    'that: every bucket where the code uses a few, buckets the code never touches, writes where it only reads. The ' +
    'message carries the minimised statements; `pipewarden iam suggest PATH` prints the whole policy.',
  why:
    'Least privilege is usually judged against what people remember a job needs. The code says exactly which buckets ' +
    'and prefixes it touches; every grant beyond that is blast radius for an injected command or a poisoned ' +
    'dependency running in the job — and no other scanner derives it from the pipeline itself.',
  remediation: 'Replace the statement with the suggested one (or `pipewarden iam suggest`), then add back only what other code run under the role needs.',
  bad: [{ file: 'policies/etl.json', code: examplePolicy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::*' }) }],
  good: [
    {
      file: 'policies/etl.json',
      code: examplePolicy(
        { Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::landing/orders/*' },
        { Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::curated/orders/*' },
      ),
    },
  ],
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege', 'https://cwe.mitre.org/data/definitions/250.html'],
};
