import { JsonError, member, parseJson, stringMember, type JsonNode, type JsonString } from './json.js';

/** Where a piece of notebook text sits in the raw .ipynb file: the JSON string holding it. */
export interface RawSpan {
  line: number;
  column: number;
  endColumn: number;
}

/** One line of a cell's source, without its line break. */
export interface CellLine {
  text: string;
  at: RawSpan;
}

/** One JSON string of an output's text, ANSI colours removed. */
export interface OutputText {
  /** `text` (streams), a MIME type of `data`, or `traceback`/`evalue` (errors). */
  field: string;
  text: string;
  at: RawSpan;
}

export interface CellOutput {
  /** 1-based among the cell's outputs. */
  number: number;
  /** nbformat `output_type`: stream, execute_result, display_data, error. */
  type: string;
  /** A stream's name: stdout or stderr. */
  stream?: string;
  texts: OutputText[];
}

export interface Cell {
  /** 1-based position among all cells, markdown included: the cell as a reader counts it down the page. */
  number: number;
  type: string;
  lines: CellLine[];
  outputs: CellOutput[];
}

export interface Notebook {
  /** The kernel's language as the metadata names it, lower case; undefined when not named. */
  language: string | undefined;
  cells: Cell[];
  /** Parts that were skipped or cut, worded for the user. */
  problems: string[];
}

/** The file is no nbformat 4 notebook; the message says why. */
export class NotebookError extends Error {}

/**
 * Outputs are scanned up to this much text each: enough for any printed table or traceback,
 * while a runaway print loop does not make scanning cost grow without bound.
 */
export const MAX_OUTPUT_TEXT = 1_000_000;

/** Output fields worth reading; images and other binary MIME types are skipped. */
const TEXT_MIME_TYPES = ['text/plain', 'text/html'];
// Colour codes as IPython writes them into tracebacks (CSI … letter); no nested quantifiers.
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export function readNotebook(text: string): Notebook {
  let root: JsonNode;
  try {
    root = parseJson(text);
  } catch (err) {
    if (err instanceof JsonError) throw new NotebookError(`not a readable notebook: ${err.message}`);
    throw err;
  }
  if (root.kind !== 'object') throw new NotebookError('not a Jupyter notebook: the top level is not a JSON object');
  const format = member(root, 'nbformat');
  if (member(root, 'worksheets') || (format?.kind === 'scalar' && typeof format.value === 'number' && format.value < 4)) {
    throw new NotebookError(
      'nbformat 3 notebook: only nbformat 4 is analysed (convert it with `jupyter nbconvert --to notebook --nbformat 4`)',
    );
  }
  const cells = member(root, 'cells');
  if (cells?.kind !== 'array') throw new NotebookError('not a Jupyter notebook: there is no "cells" list');
  const problems: string[] = [];
  const metadata = member(root, 'metadata');
  const language = stringMember(member(metadata, 'kernelspec'), 'language') ?? stringMember(member(metadata, 'language_info'), 'name');
  return {
    language: language?.toLowerCase(),
    cells: cells.items.map((node, i) => readCell(node, i + 1, problems)),
    problems,
  };
}

function readCell(node: JsonNode, number: number, problems: string[]): Cell {
  const type = stringMember(node, 'cell_type') ?? 'unknown';
  const source = textPieces(member(node, 'source'));
  if (!source) problems.push(`cell ${number}: "source" is neither text nor a list of text, so the cell was skipped`);
  const outputs = member(node, 'outputs');
  return {
    number,
    type,
    lines: source ? splitLines(source) : [],
    outputs: outputs?.kind === 'array' ? outputs.items.map((o, i) => readOutput(o, i + 1, `cell ${number}, output ${i + 1}`, problems)) : [],
  };
}

function readOutput(node: JsonNode, number: number, place: string, problems: string[]): CellOutput {
  const type = stringMember(node, 'output_type') ?? 'unknown';
  const fields: Array<[string, JsonNode | undefined]> =
    type === 'error'
      ? [
          ['evalue', member(node, 'evalue')],
          ['traceback', member(node, 'traceback')],
        ]
      : type === 'stream'
        ? [['text', member(node, 'text')]]
        : TEXT_MIME_TYPES.map((mime) => [mime, member(member(node, 'data'), mime)]);
  const texts: OutputText[] = [];
  let room = MAX_OUTPUT_TEXT;
  let cut = false;
  for (const [field, value] of fields) {
    for (const piece of textPieces(value) ?? []) {
      if (piece.value.length > room) cut = true;
      if (room === 0) break;
      const text = piece.value.slice(0, room);
      room -= text.length;
      texts.push({ field, text: text.replace(ANSI, ''), at: spanOf(piece) });
    }
  }
  if (cut) problems.push(`${place} holds more than ${MAX_OUTPUT_TEXT} characters of text; only the first ${MAX_OUTPUT_TEXT} were scanned`);
  const stream = stringMember(node, 'name');
  return { number, type, ...(type === 'stream' && stream ? { stream } : {}), texts };
}

/** nbformat "multiline strings" are one string or a list of strings; anything else is malformed. */
function textPieces(node: JsonNode | undefined): JsonString[] | undefined {
  if (node === undefined) return [];
  if (node.kind === 'string') return [node];
  if (node.kind === 'array' && node.items.every((item) => item.kind === 'string')) return node.items as JsonString[];
  return undefined;
}

/**
 * Source lines from the source's strings. Jupyter writes one string per line, but a string may
 * hold several lines (or a line be split over strings): each line is placed at the string it starts in.
 */
function splitLines(pieces: JsonString[]): CellLine[] {
  const lines: CellLine[] = [];
  let current: CellLine | undefined;
  for (const piece of pieces) {
    const parts = piece.value.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) {
        lines.push(current!);
        current = undefined;
      }
      if (current) current.text += part;
      else if (i < parts.length - 1 || part !== '') current = { text: part, at: spanOf(piece) };
    });
  }
  if (current) lines.push(current);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\r$/, '') }));
}

function spanOf(piece: JsonString): RawSpan {
  return { line: piece.at.line, column: piece.at.column, endColumn: piece.endColumn };
}

/** How messages name a line of a cell. */
export function cellPlace(cell: number, line: number): string {
  return `cell ${cell}, line ${line}`;
}
