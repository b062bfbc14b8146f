import path from 'node:path';
import type { OutputFile } from '../sandbox/index.js';
import { isTableFile, parseDataset, type Row } from './table/dataset.js';

/** File names under a directory output that hold set-aside records rather than results. */
export const DEFAULT_QUARANTINE = /reject|quarantin|dead[-_. ]?letter|invalid|errors?\b|bad[-_. ]?(rows?|records?)/i;

export interface PipelineOutput {
  columns: string[];
  rows: Row[];
  /** The text of quarantine files, searched for the records they set aside. */
  quarantine: string;
}

/**
 * The records a run wrote: the rows of every tabular file of the output (one file, or a
 * directory), except quarantine files, whose text is kept for evidence instead.
 */
export function readPipelineOutput(files: OutputFile[], quarantine: RegExp = DEFAULT_QUARANTINE): PipelineOutput {
  const columns = new Set<string>();
  const rows: Row[] = [];
  const set: string[] = [];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const text = file.bytes.toString('utf8');
    if (file.path !== '' && quarantine.test(path.basename(file.path))) {
      set.push(text);
      continue;
    }
    if (file.path !== '' && !looksTabular(file.path)) continue;
    const dataset = parseDataset(file.path || 'output', text);
    for (const c of dataset.columns) columns.add(c);
    rows.push(...dataset.rows);
  }
  return { columns: [...columns], rows, quarantine: set.join('\n') };
}

/** In a directory output, logs, images and the like are not records. */
function looksTabular(name: string): boolean {
  return isTableFile(name) || path.extname(name) === '';
}
