/**
 * Finds every occurrence of many lower-case ASCII words in a text at once, ignoring ASCII case:
 * an Aho–Corasick automaton compiled to a dense transition table, so a text costs one table
 * lookup per character however many words there are. A case-insensitive regex alternation of
 * the same ~190 secret anchors spends most of its time trying alternatives at every offset; the
 * npm Aho–Corasick packages fold no case and walk maps, not a table.
 *
 * Case is folded the way a non-Unicode `i` regex folds it for these words: only A–Z; a non-ASCII
 * character never matches an ASCII word and restarts the search.
 */
export class AnchorAutomaton {
  /** Each ASCII character's column in the table; characters in no word share column 0. */
  private readonly columnOf = new Uint8Array(128);
  /**
   * The transition table, one row of columns per state. An entry is the next state's row offset,
   * bit-inverted (negative) when words end at that state, so the hot loop needs one lookup.
   */
  private readonly next: Int32Array;
  /** For each state, where its words (its own and its suffix states') begin in `endings`, or -1. */
  private readonly endingsFrom: Int32Array;
  private readonly columns: number;
  /** Runs of [word, length, …] pairs, each run ended by -1. */
  private readonly endings: Int32Array;

  constructor(words: readonly string[]) {
    for (const word of words) {
      if (!/^[\x00-\x7f]+$/.test(word) || word !== word.toLowerCase()) throw new Error(`anchor must be lower-case ASCII: ${JSON.stringify(word)}`);
    }
    let columns = 1;
    for (const word of words) {
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        if (this.columnOf[c] === 0) this.columnOf[c] = columns++;
      }
    }
    // Upper-case letters read as their lower-case twins.
    for (let c = 65; c <= 90; c++) this.columnOf[c] = this.columnOf[c | 32]!;
    this.columns = columns;
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    words.forEach((word, index) => {
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const column = this.columnOf[word.charCodeAt(i)]!;
        let child = children[state]!.get(column);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          own.push([]);
          children[state]!.set(column, child);
        }
        state = child;
      }
      own[state]!.push(index);
    });
    const next = new Uint32Array(children.length * columns);
    const ending: number[][] = new Array(children.length);
    // Breadth first, so a state's suffix (failure) state is complete before the state itself.
    const suffix = new Uint32Array(children.length);
    const queue: number[] = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      ending[state] = [...own[state]!, ...(state === 0 ? [] : ending[suffix[state]!]!)];
      for (let column = 1; column < columns; column++) {
        const child = children[state]!.get(column);
        const fallback = state === 0 ? 0 : next[suffix[state]! * columns + column]!;
        if (child === undefined) {
          next[state * columns + column] = fallback;
        } else {
          next[state * columns + column] = child;
          suffix[child] = fallback;
          queue.push(child);
        }
      }
    }
    this.endingsFrom = new Int32Array(children.length).fill(-1);
    const endings: number[] = [];
    ending.forEach((list, state) => {
      if (list.length === 0) return;
      this.endingsFrom[state] = endings.length;
      for (const word of list) endings.push(word, words[word]!.length);
      endings.push(-1);
    });
    this.endings = Int32Array.from(endings);
    this.next = Int32Array.from(next, (state) => (this.endingsFrom[state]! < 0 ? state * columns : ~(state * columns)));
  }

  /** Calls `found(word, start)` for every occurrence of every word, in order of where each ends. */
  forEachOccurrence(text: string, found: (word: number, start: number) => void): void {
    const { next, columnOf, columns, endingsFrom, endings } = this;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      row = c < 128 ? next[row + columnOf[c]!]! : 0;
      if (row >= 0) continue;
      row = ~row;
      for (let k = endingsFrom[row / columns]!; endings[k]! >= 0; k += 2) found(endings[k]!, i + 1 - endings[k + 1]!);
    }
  }
}
