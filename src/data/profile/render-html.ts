import { SECURITY_SIGNALS, type ColumnProfile, type DatasetProfile, type HistogramBin } from './types.js';

/** One self-contained page (no scripts, no external resources): a card per column with its histogram. */
export function renderProfileHtml(profile: DatasetProfile): string {
  const title = `Profile of ${profile.dataset}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
body{font:14px system-ui,sans-serif;margin:2em;color:#222}
.col{border:1px solid #ccc;border-radius:6px;padding:1em;margin:1em 0;display:flex;gap:2em;flex-wrap:wrap}
table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left;border-bottom:1px solid #eee}
.warn{color:#a40000}code{background:#f4f4f4;padding:0 3px}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(profile.source)} · ${escapeHtml(profile.engine)} · ${profile.rowCount} rows · ${profile.columns.length} columns · ${escapeHtml(profile.profiledAt)}</p>
${profile.warnings.map((w) => `<p class="warn">${escapeHtml(w)}</p>`).join('\n')}
${profile.columns.map(columnCard).join('\n')}
</body></html>
`;
}

function columnCard(c: ColumnProfile): string {
  const stats: Array<[string, string]> = [
    ['type', `${c.type} (${c.typeSource}; ${c.physicalType})`],
    ['nulls', `${c.nullCount} (${pct(c.nullRate)})`],
    ['type mismatches', `${c.typeMismatchCount} (${pct(c.typeMismatchRate)})`],
    [c.distinctExact ? 'distinct' : 'distinct (approx.)', String(c.approxDistinct)],
    ['min / max', `${c.min ?? '-'} / ${c.max ?? '-'}`],
    ['mean / stddev', `${c.mean ?? '-'} / ${c.stddev ?? '-'}`],
  ];
  if (c.quantiles.length === 101) stats.push(['p1 / p50 / p99', `${c.quantiles[1]} / ${c.quantiles[50]} / ${c.quantiles[99]}`]);
  if (c.length.max !== null) stats.push(['length min / mean / max', `${c.length.min} / ${c.length.mean?.toFixed(1)} / ${c.length.max}`]);
  const signals = SECURITY_SIGNALS.filter((s) => c.signals[s].count > 0).map(
    (s) => `<li class="warn">${s}: ${c.signals[s].count} (${pct(c.signals[s].rate)}) e.g. ${c.signals[s].examples.map((e) => `<code>${escapeHtml(e)}</code>`).join(' ')}</li>`,
  );
  const top = c.topValues.map((t) => `<tr><td><code>${escapeHtml(t.value)}</code></td><td>${t.count}</td></tr>`).join('');
  return `<section class="col"><div><h2>${escapeHtml(c.name)}</h2><table>${stats.map(([k, v]) => `<tr><th>${k}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
${signals.length > 0 ? `<ul>${signals.join('')}</ul>` : ''}</div>
${c.histogram.length > 0 ? `<div>${histogramSvg(c.histogram)}</div>` : ''}${top ? `<div><table><tr><th>top value</th><th>count</th></tr>${top}</table></div>` : ''}</section>`;
}

const WIDTH = 360;
const HEIGHT = 140;

function histogramSvg(bins: HistogramBin[]): string {
  const peak = Math.max(1, ...bins.map((b) => b.count));
  const barWidth = WIDTH / bins.length;
  const bars = bins
    .map((b, i) => {
      const h = (b.count / peak) * (HEIGHT - 20);
      return `<rect x="${(i * barWidth).toFixed(1)}" y="${(HEIGHT - 20 - h).toFixed(1)}" width="${Math.max(1, barWidth - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="#4a78b5"><title>[${fmt(b.lower)}, ${fmt(b.upper)}): ${b.count}</title></rect>`;
    })
    .join('');
  const axis = `<text x="0" y="${HEIGHT - 4}" font-size="11">${fmt(bins[0]!.lower)}</text><text x="${WIDTH}" y="${HEIGHT - 4}" font-size="11" text-anchor="end">${fmt(bins[bins.length - 1]!.upper)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="histogram">${bars}${axis}</svg>`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toPrecision(4);
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
