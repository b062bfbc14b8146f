import { printable } from '../../report/printable.js';
import type { SlowDriftReport } from './monitor.js';

export function renderSlowDriftText(report: SlowDriftReport): string {
  const oneLine = (t: string) => printable(t, { keepNewlines: false });
  const lines = [`dataset ${oneLine(report.dataset)}: ${report.batches} batches against golden ${oneLine(report.golden)}`, ''];
  for (const s of report.series) {
    const levels = s.detectors.map((d) => `${d.detector} ${d.level.toFixed(2)}${d.alarm ? '!' : ''}`).join(', ');
    lines.push(`${s.alarm ? 'ALARM' : 'ok   '}  ${oneLine(s.column)} · ${oneLine(s.metric)}: z ${s.latestZ.toFixed(2)} · ${levels}`);
  }
  lines.push('', report.alarm ? 'Slow drift detected (levels are in units of the control limit; above 1 is an alarm).' : 'No slow drift.');
  return `${lines.join('\n')}\n`;
}
