import { DRIFT_METHODS, PRESETS, type DriftConfig } from '../drift/settings.js';
import { WEBHOOK_FORMATS, type WebhookFormat } from './webhook.js';

/** The `data:` section of pipewarden.yml: drift thresholds, slow-drift detectors, log spikes, webhooks. */
export interface DataConfig {
  drift?: DriftConfig;
  monitor?: {
    enabled?: boolean;
    /** Saved baseline (`profile --save-baseline NAME`) the series is measured against; default: one named after the dataset, else the first batch. */
    golden?: string;
    window?: number;
    cusum?: { k?: number; h?: number };
    ewma?: { lambda?: number; L?: number };
  };
  logs?: { baselineFraction?: number; minRatio?: number; alpha?: number };
  webhooks?: Array<{ url: string; format?: WebhookFormat }>;
}

const probability = { type: 'number', exclusiveMinimum: 0, maximum: 1 } as const;
const positive = { type: 'number', exclusiveMinimum: 0 } as const;

const checkProperties = {
  method: { enum: [...DRIFT_METHODS] },
  threshold: { type: 'number', minimum: 0 },
  alpha: probability,
  nullRate: probability,
  typeMismatchRate: probability,
  rangeShare: probability,
  rangeMargin: { type: 'number', minimum: 0 },
  skip: { type: 'boolean' },
} as const;

export const DATA_CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    drift: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...checkProperties,
        preset: { enum: [...PRESETS] },
        smallReferenceRows: { type: 'integer', minimum: 0 },
        columns: { type: 'object', additionalProperties: { type: 'object', additionalProperties: false, properties: checkProperties } },
      },
    },
    monitor: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        golden: { type: 'string', minLength: 1 },
        window: { type: 'integer', minimum: 2 },
        cusum: { type: 'object', additionalProperties: false, properties: { k: { type: 'number', minimum: 0 }, h: positive } },
        ewma: { type: 'object', additionalProperties: false, properties: { lambda: probability, L: positive } },
      },
    },
    logs: {
      type: 'object',
      additionalProperties: false,
      properties: { baselineFraction: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, minRatio: { type: 'number', minimum: 1 }, alpha: probability },
    },
    webhooks: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['url'],
        properties: { url: { type: 'string', pattern: '^https?://' }, format: { enum: [...WEBHOOK_FORMATS] } },
      },
    },
  },
} as const;
