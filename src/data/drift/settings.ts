import { UsageError } from '../../core/errors.js';

export const NUMERIC_METHODS = ['auto', 'ks', 'wasserstein', 'psi', 'jensen-shannon'] as const;
export const CATEGORICAL_METHODS = ['auto', 'chi-square', 'jensen-shannon', 'l-infinity', 'psi'] as const;
export const DRIFT_METHODS = [...new Set([...NUMERIC_METHODS, ...CATEGORICAL_METHODS])];
export type DriftMethod = (typeof DRIFT_METHODS)[number];
export const PRESETS = ['pipewarden', 'evidently', 'tfdv'] as const;
export type Preset = (typeof PRESETS)[number];

/** What `data.drift` (and each `data.drift.columns.<name>`) in pipewarden.yml may set. */
export interface DriftCheckSettings {
  /** Distribution test; `auto` lets the preset choose by column kind and reference size. */
  method?: DriftMethod;
  /** Distance at or above which the distribution drifted, or for ks/chi-square the p-value below which it did. */
  threshold?: number;
  /** For `auto` under the pipewarden preset: the p-value the effect size must also be significant at. */
  alpha?: number;
  /** Largest tolerated absolute change of the null rate. */
  nullRate?: number;
  /** Largest tolerated absolute change of the type-mismatch rate (of non-null values). */
  typeMismatchRate?: number;
  /** Largest tolerated share of current values outside the reference range (widened by `rangeMargin`). */
  rangeShare?: number;
  /** The reference range is widened by this fraction of its width on each side. */
  rangeMargin?: number;
  /** Leave the column out of every drift check. */
  skip?: boolean;
}

export interface DriftConfig extends DriftCheckSettings {
  preset?: Preset;
  /** Reference row count up to which Evidently's preset uses a statistical test. */
  smallReferenceRows?: number;
  columns?: Record<string, DriftCheckSettings>;
}

export type ResolvedCheckSettings = Required<Omit<DriftCheckSettings, 'threshold'>> & { threshold?: number };

export interface DriftSettings {
  preset: Preset;
  smallReferenceRows: number;
  defaults: ResolvedCheckSettings;
  columns: Record<string, DriftCheckSettings>;
}

export const DEFAULT_DRIFT_SETTINGS: DriftSettings = {
  preset: 'pipewarden',
  smallReferenceRows: 1000,
  defaults: { method: 'auto', alpha: 0.001, nullRate: 0.05, typeMismatchRate: 0.01, rangeShare: 0.01, rangeMargin: 0.1, skip: false },
  columns: {},
};

/** Effective settings: built-in defaults, then the config file, then flags (`overrides`). */
export function resolveDriftSettings(config: DriftConfig = {}, overrides: Partial<DriftConfig> = {}): DriftSettings {
  const merged = { ...config, ...definedOnly(overrides) };
  const { preset, smallReferenceRows, columns, ...checks } = merged;
  return {
    preset: preset ?? DEFAULT_DRIFT_SETTINGS.preset,
    smallReferenceRows: smallReferenceRows ?? DEFAULT_DRIFT_SETTINGS.smallReferenceRows,
    defaults: { ...DEFAULT_DRIFT_SETTINGS.defaults, ...definedOnly(checks) },
    columns: columns ?? {},
  };
}

/** The settings that apply to one column. */
export function columnSettings(settings: DriftSettings, column: string): ResolvedCheckSettings {
  return { ...settings.defaults, ...definedOnly(settings.columns[column] ?? {}) };
}

export function parsePreset(value: string): Preset {
  if (!(PRESETS as readonly string[]).includes(value)) throw new UsageError(`unknown drift preset "${value}" (use ${PRESETS.join(', ')})`);
  return value as Preset;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
