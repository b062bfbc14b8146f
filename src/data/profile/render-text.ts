import { SECURITY_SIGNALS, type ColumnProfile, type DatasetProfile, type LabelConditionalStats } from './types.js';

/** A terminal-safe one-screen summary: one line per column, then every security signal found. */
export function renderProfileText(profile: DatasetProfile): string {
  const lines = [
    `Profile of ${printable(profile.source)} (dataset ${printable(profile.dataset)}, ${profile.engine}): ${profile.rowCount} rows, ${profile.columns.length} columns`,
    ...profile.warnings.map((w) => `warning: ${printable(w)}`),
    '',
  ];
  const header = ['column', 'type', 'nulls', 'mismatch', 'distinct', 'min', 'max', 'mean', 'stddev'];
  const rows = profile.columns.map((c) => [
    printable(c.name),
    `${c.type}${c.typeSource === 'declared' ? '*' : ''}`,
    percent(c.nullRate),
    percent(c.typeMismatchRate),
    String(c.approxDistinct),
    c.kind === 'temporal' ? instant(c.min, c.type) : shown(c.min),
    c.kind === 'temporal' ? instant(c.max, c.type) : shown(c.max),
    shown(c.mean),
    shown(c.stddev),
  ]);
  lines.push(grid(header, rows));
  if (profile.labelConditional) lines.push(...labelLines(profile.labelConditional), '');
  const signals = profile.columns.flatMap((c) => signalLines(c));
  lines.push(signals.length > 0 ? `Security signals:\n${signals.join('\n')}` : 'Security signals: none');
  return `${lines.join('\n')}\n`;
}

/** One line per label: each numeric column's mean ± standard deviation among the label's rows. */
function labelLines(stats: LabelConditionalStats): string[] {
  if (stats.skipped) return [`Given label ${printable(stats.column)}: ${printable(stats.skipped)}`];
  return [
    `Given label ${printable(stats.column)} (mean ± stddev per label):`,
    ...stats.groups.map((g) => `  ${shown(g.label)} (${g.rows} rows): ${g.columns.map((c) => `${printable(c.column)} ${shown(c.mean)} ± ${shown(c.stddev)}`).join(', ')}`),
  ];
}

function signalLines(c: ColumnProfile): string[] {
  return SECURITY_SIGNALS.filter((s) => c.signals[s].count > 0).map(
    (s) => `  ${printable(c.name)}: ${s} in ${c.signals[s].count} values (${percent(c.signals[s].rate)}), e.g. ${c.signals[s].examples.map((e) => JSON.stringify(e)).join(', ')}`,
  );
}

function grid(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/**
 * Temporal extremes are stored as epoch milliseconds; people read them as dates, or as instants
 * in a timestamp column, both ends alike (a midnight maximum is still a time of day there).
 */
function instant(value: number | string | null, type: ColumnProfile['type']): string {
  if (typeof value !== 'number') return shown(value);
  const iso = new Date(value).toISOString();
  return type === 'date' ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

function percent(rate: number): string {
  return rate === 0 ? '0%' : `${(rate * 100).toPrecision(3)}%`;
}

function shown(value: number | string | null): string {
  if (value === null) return '-';
  // Six significant digits without padding zeros (1.5, not 1.50000), integers past 2^53 included.
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return printable(value.length > 24 ? `${value.slice(0, 24)}…` : value);
}

/** Control and bidi characters in data must not act on the terminal. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
