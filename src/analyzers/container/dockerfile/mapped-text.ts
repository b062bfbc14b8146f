/** A 1-based position in the Dockerfile. */
export interface Position {
  line: number;
  column: number;
}

/** One stretch of a MappedText copied from one place in the file. */
interface Piece {
  /** Offset in the mapped text. */
  at: number;
  line: number;
  column: number;
}

/**
 * Text assembled from pieces of the file (an instruction's lines with their continuations
 * removed, a heredoc body), which still knows where each of its characters was written.
 */
export class MappedText {
  private readonly pieces: Piece[] = [];
  private content = '';

  get text(): string {
    return this.content;
  }

  append(text: string, line: number, column: number): void {
    this.pieces.push({ at: this.content.length, line, column });
    this.content += text;
  }

  /** Text from `offset` on, still mapped (an instruction's arguments after its keyword). */
  from(offset: number): MappedText {
    const rest = new MappedText();
    this.pieces.forEach((piece, i) => {
      const end = this.pieces[i + 1]?.at ?? this.content.length;
      const begin = Math.max(piece.at, offset);
      if (begin < end) rest.append(this.content.slice(begin, end), piece.line, piece.column + begin - piece.at);
    });
    if (rest.pieces.length === 0) {
      const at = this.position(offset);
      rest.append('', at.line, at.column);
    }
    return rest;
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.pieces[mid]!.at <= offset) lo = mid;
      else hi = mid - 1;
    }
    const piece = this.pieces[lo] ?? { at: 0, line: 1, column: 1 };
    return { line: piece.line, column: piece.column + offset - piece.at };
  }
}
