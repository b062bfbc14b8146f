/**
 * The JSON shape of a data profile. Drift, slow-poisoning detection and the history store all read
 * these objects, so fields are only ever added, never renamed or removed.
 */

/** The logical type pipewarden reasons about, whatever the engine calls it. */
export type LogicalType = 'integer' | 'number' | 'boolean' | 'string' | 'date' | 'datetime' | 'time' | 'other';

/** Coarse kind that decides which metrics a column gets. */
export type ColumnKind = 'numeric' | 'categorical' | 'temporal' | 'other';

export interface HistogramBin {
  /** Inclusive lower edge. */
  lower: number;
  /** Exclusive upper edge, inclusive for the last bin. */
  upper: number;
  count: number;
}

export interface TopValue {
  /** The value as text (redacted when it carries a security signal). */
  value: string;
  count: number;
}

/** Names of the security signals computed per column. */
export const SECURITY_SIGNALS = [
  'formulaPrefix',
  'sqlFragment',
  'scriptFragment',
  'pathTraversal',
  'controlChars',
  'bidiOverride',
  'longString',
  'nanOrInfinity',
  'int64Overflow',
  'floatOverflow',
] as const;
export type SecuritySignal = (typeof SECURITY_SIGNALS)[number];

export interface SignalStats {
  count: number;
  /** Count divided by the column's non-null count (0 when there are none). */
  rate: number;
  /** A few offending values, redacted: safe to print or store. */
  examples: string[];
}

export interface StringLengthStats {
  min: number | null;
  max: number | null;
  mean: number | null;
}

export interface ColumnProfile {
  name: string;
  /** Type the engine reports for the column (e.g. DuckDB's VARCHAR, Postgres's text). */
  physicalType: string;
  /** Type the column is judged against: declared by a schema when one is given, else inferred. */
  type: LogicalType;
  typeSource: 'declared' | 'inferred';
  kind: ColumnKind;
  count: number;
  nullCount: number;
  nullRate: number;
  /** Non-null values that do not parse as `type`. */
  typeMismatchCount: number;
  typeMismatchRate: number;
  /** Distinct non-null values: a HyperLogLog estimate in DuckDB, unless `distinctExact`. */
  approxDistinct: number;
  /** The distinct count is exact: the engine counts exactly, or the column's values were grouped for its top values. */
  distinctExact?: boolean;
  /** Numeric and temporal columns: min/max as numbers (temporal as epoch ms); strings: lexical min/max. */
  min: number | string | null;
  max: number | string | null;
  mean: number | null;
  stddev: number | null;
  /** 101 evenly spaced quantiles p0..p100 of numeric columns; empty otherwise. */
  quantiles: number[];
  /** Equal-width bins of numeric columns; empty otherwise. */
  histogram: HistogramBin[];
  /** Up to 20 most frequent values of categorical (string/boolean) columns; empty otherwise. */
  topValues: TopValue[];
  /** Length of the text form of string values. */
  length: StringLengthStats;
  signals: Record<SecuritySignal, SignalStats>;
  /** String columns, when format detection was asked for: how many values have each format (date, email, uuid...). */
  formats?: Record<string, number>;
}

export interface DatasetProfile {
  /** Version of this JSON shape. */
  version: 1;
  /** Dataset name the batch is stored under (defaults to the file's base name). */
  dataset: string;
  /** What was profiled: a file path or `postgres:<table>`. */
  source: string;
  engine: string;
  profiledAt: string;
  rowCount: number;
  columns: ColumnProfile[];
  /** Problems found while reading (ragged rows skipped, bad encodings...) that did not stop the profile. */
  warnings: string[];
  /** Rows the reader could not read (ragged CSV rows, invalid encoding) and skipped. */
  rejectedRows: number;
  /** Present when a label column was declared (`--label`). */
  labelConditional?: LabelConditionalStats;
}

/** Moments of one numeric column among the rows of one label. */
export interface ConditionalMoments {
  column: string;
  /** Non-null values of the column among the label's rows. */
  count: number;
  mean: number | null;
  stddev: number | null;
}

export interface LabelGroup {
  /** The label as text (as in the label column's top values). */
  label: string;
  rows: number;
  columns: ConditionalMoments[];
}

/**
 * Statistics of each numeric column given the value of a declared label column (TFDV's and
 * Evidently's "target"): a label flip that leaves the label's own shares alone still moves them.
 */
export interface LabelConditionalStats {
  /** The declared label column. */
  column: string;
  /** Labels beyond this many are not profiled (the section is then `skipped`). */
  maxLabels: number;
  /** Why there are no groups, when there are none on purpose. */
  skipped?: string;
  /** One entry per non-null label, most rows first. */
  groups: LabelGroup[];
}
