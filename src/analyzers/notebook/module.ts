import type { RawFinding } from '../../core/analyzer.js';
import type { TraceStep } from '../../core/finding.js';
import type { PythonFacts, PythonLineage } from '../python/facts.js';
import { type CellCommand, translateCell } from './magics.js';
import { cellPlace, type Cell, type CellLine, type RawSpan } from './notebook.js';

/** A shell command (or `%sql` query) of a code cell, placed in the notebook. */
export interface ShellCommand {
  cell: number;
  line: number;
  command: string;
  expands: boolean;
  at: RawSpan;
  /** The cell line as written: `!pip install pandas`. */
  snippet: string;
}

interface ModuleLine {
  cell: number;
  /** 1-based within the cell. */
  line: number;
  source: CellLine;
}

/**
 * The code cells of a notebook as one Python module, in cell order, as the kernel runs them
 * top to bottom: a name imported in one cell is the same name in the next, so flows cross cells.
 * It maps positions of the module back to cells and to the raw file.
 */
export class NotebookModule {
  readonly text: string;
  readonly shell: ShellCommand[] = [];
  /** The `%sql` and `%%sql` queries, placed like the shell commands. */
  readonly queries: ShellCommand[] = [];
  private readonly lines: ModuleLine[] = [];

  constructor(cells: readonly Cell[]) {
    const python: string[] = [];
    for (const cell of cells) {
      if (cell.type !== 'code') continue;
      const translated = translateCell(cell.lines.map((l) => l.text));
      translated.python.forEach((text, i) => {
        python.push(text);
        this.lines.push({ cell: cell.number, line: i + 1, source: cell.lines[i]! });
      });
      const place = ({ line, command, expands }: CellCommand): ShellCommand => {
        const source = cell.lines[line - 1]!;
        return { cell: cell.number, line, command, expands, at: source.at, snippet: source.text.trim() };
      };
      this.shell.push(...translated.commands.map(place));
      this.queries.push(...translated.queries.map(place));
    }
    this.text = python.length > 0 ? `${python.join('\n')}\n` : '';
  }

  /** A finding on the module, moved onto the raw file; the message says the cell and line. */
  placeFinding(finding: RawFinding): RawFinding {
    const { location } = finding;
    const start = this.lineAt(location.startLine);
    const end = this.lineAt(location.endLine);
    return {
      ...finding,
      message: `${this.placeText(finding.message)} (${cellPlace(start.cell, start.line)})`,
      location: {
        ...location,
        startLine: start.source.at.line,
        startColumn: start.source.at.column,
        endLine: end.source.at.line,
        endColumn: end.source.at.endColumn,
      },
      ...(finding.trace ? { trace: finding.trace.map((step) => this.placeStep(step)) } : {}),
    };
  }

  /** Facts with each use at its line in the raw file, so reachability points into the notebook. */
  placeFacts(facts: PythonFacts): PythonFacts {
    const placed: PythonFacts = { imports: facts.imports, uses: facts.uses.map((u) => ({ name: u.name, line: this.rawLine(u.line) })) };
    // Taint summaries stay out: a notebook is not imported by other modules.
    return facts.lineage ? { ...placed, lineage: this.placeLineage(facts.lineage) } : placed;
  }

  /** Lineage with raw-file lines; node ids (`path#Lline:col`) are rewritten too, so they stay unique and consistent. */
  private placeLineage(lineage: PythonLineage): PythonLineage {
    const id = (nodeId: string) => nodeId.replace(/#L(\d+):/, (_all, line: string) => `#L${this.rawLine(Number(line))}:`);
    return {
      sources: lineage.sources.map((s) => ({ ...s, id: id(s.id), line: this.rawLine(s.line) })),
      sinks: lineage.sinks.map((s) => ({ ...s, id: id(s.id), line: this.rawLine(s.line), sources: s.sources.map(id) })),
      functions: lineage.functions.map((f) => ({ ...f, line: this.rawLine(f.line) })),
      tasks: lineage.tasks.map((t) => ({ ...t, line: this.rawLine(t.line), ...(t.image ? { image: { ...t.image, line: this.rawLine(t.image.line) } } : {}) })),
      taskEdges: lineage.taskEdges.map((e) => ({ ...e, line: this.rawLine(e.line) })),
      ...(lineage.containers ? { containers: lineage.containers.map((c) => ({ ...c, line: this.rawLine(c.line) })) } : {}),
    };
  }

  private rawLine(moduleLine: number): number {
    return this.lineAt(moduleLine).source.at.line;
  }

  /**
   * Rewrites the module's line numbers in a text of the Python analysis — a parser problem
   * (`near line 12`), a message naming the line of a source (`(line 10)`) — as cells and lines.
   */
  placeText(text: string): string {
    return text.replace(/\blines? (\d+(?:, \d+)*)/g, (_whole, list: string) =>
      list
        .split(', ')
        .map((n) => {
          const line = this.lineAt(Number(n));
          return cellPlace(line.cell, line.line);
        })
        .join('; '),
    );
  }

  private placeStep(step: TraceStep): TraceStep {
    const line = this.lineAt(step.line);
    return { ...step, line: line.source.at.line, label: `${this.placeText(step.label)} (${cellPlace(line.cell, line.line)})` };
  }

  /** Module lines past the last (an end position after the final newline) belong to the last line. */
  private lineAt(moduleLine: number): ModuleLine {
    return this.lines[Math.min(Math.max(moduleLine, 1), this.lines.length) - 1]!;
  }
}
