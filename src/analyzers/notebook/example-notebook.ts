/**
 * Builds small nbformat 4 notebooks, laid out as Jupyter saves them (one source string per line,
 * one-space indent), for rule examples and tests.
 */

export type ExampleOutput = Record<string, unknown>;

export interface ExampleCell {
  type?: 'code' | 'markdown';
  source: string;
  outputs?: ExampleOutput[];
}

/** A code cell is given as its source alone, or as a cell with outputs. */
export function exampleNotebook(cells: ReadonlyArray<string | ExampleCell>): string {
  const notebook = {
    cells: cells.map((c) => toCell(typeof c === 'string' ? { source: c } : c)),
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

export function streamOutput(text: string, name: 'stdout' | 'stderr' = 'stdout'): ExampleOutput {
  return { output_type: 'stream', name, text: multiline(text) };
}

export function resultOutput(data: Record<string, string>): ExampleOutput {
  const multilineData = Object.fromEntries(Object.entries(data).map(([mime, text]) => [mime, multiline(text)]));
  return { output_type: 'execute_result', execution_count: 1, metadata: {}, data: multilineData };
}

export function errorOutput(ename: string, evalue: string, traceback: string[]): ExampleOutput {
  return { output_type: 'error', ename, evalue, traceback };
}

function toCell({ type = 'code', source, outputs = [] }: ExampleCell): Record<string, unknown> {
  const common = { cell_type: type, metadata: {}, source: multiline(source) };
  return type === 'code' ? { ...common, execution_count: null, outputs } : common;
}

/** nbformat's multiline string: the text split after each line break. */
function multiline(text: string): string[] {
  return text.split(/(?<=\n)/).filter((line) => line !== '');
}
