/** The `pipeline:` section of pipewarden.yml: how dynamic probes run the user's pipeline. */
export interface PipelineConfig {
  /** Command line with {input} and {output} placeholders, run from the project root. */
  run?: string;
  /** A clean, representative input: CSV, JSONL/JSON, or a directory of files. */
  sample?: string;
  /** Optional JSON Schema of one input record. */
  schema?: string;
  /** Wall-time limit per run: "30s", "500ms", "2m" or seconds. */
  timeout?: string | number;
  /** Memory limit per run: "512MB" or bytes. */
  memory?: string | number;
  /** Process-count limit per run. */
  processes?: number;
  /** `{output}` is a directory the pipeline fills, rather than one file. */
  outputDir?: boolean;
}

const DURATION = '^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m)?\\s*$';
const SIZE = '^\\s*\\d+(\\.\\d+)?\\s*([kKmMgG]i?[bB]|[bB])?\\s*$';

export const PIPELINE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    run: { type: 'string', minLength: 1, description: 'command with {input} and {output} placeholders' },
    sample: { type: 'string', minLength: 1 },
    schema: { type: 'string', minLength: 1 },
    timeout: { anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'string', pattern: DURATION }] },
    memory: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string', pattern: SIZE }] },
    processes: { type: 'integer', minimum: 1, maximum: 4096 },
    outputDir: { type: 'boolean' },
  },
} as const;
