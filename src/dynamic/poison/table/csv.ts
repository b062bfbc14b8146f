import { csvCell } from '../../fuzz/csv.js';

/** One parsed CSV record and the 1-based lines it spans, so logs that cite a line can be matched. */
export interface CsvRecord {
  cells: string[];
  firstLine: number;
  lastLine: number;
}

/**
 * RFC 4180 with the usual liberties: quoted cells may hold delimiters, doubled quotes and line
 * breaks; rows end in LF or CRLF; a leading BOM is dropped. A stray quote inside an unquoted cell
 * is kept as text, as Python's csv module does.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let firstLine = 1;
  let started = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      started = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      started = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      if (started || cell !== '') records.push({ cells: [...cells, cell], firstLine, lastLine: line });
      cells = [];
      cell = '';
      started = false;
      line++;
      firstLine = line;
    } else {
      cell += ch;
      started = true;
    }
  }
  if (started || cell !== '') records.push({ cells: [...cells, cell], firstLine, lastLine: line });
  return records;
}

/** Rows back to CSV text, one line ending throughout. */
export function formatCsv(rows: string[][], lineEnding: string): string {
  return rows.map((row) => row.map(csvCell).join(',')).join(lineEnding) + lineEnding;
}

/** The line ending a CSV file uses, so a rewritten file reads like the original. */
export function detectLineEnding(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}
