import fs from 'node:fs';

/** Three evenly spread classes, as penguins' species are. */
export const CLASSES = ['adelie', 'gentoo', 'chinstrap'];
export const LABELLED_HEADER = 'species,mass,length,side';
export type LabelledRow = [string, string, string, string];

/** Rows of the three classes in turn; mass has means 0/3/6 and length 10/12/14 by class (sd 1), side is noise. */
export function labelledPopulation(n: number, random: () => number, z: () => number): LabelledRow[] {
  return Array.from({ length: n }, (_, i) => {
    const k = i % 3;
    return [CLASSES[k]!, (3 * k + z()).toFixed(3), (10 + 2 * k + z()).toFixed(3), random() < 0.5 ? 'north' : 'south'];
  });
}

/**
 * A bootstrap sample of `rows`; with `flip`, that share of rows gets a random other class (the
 * bench's flip-random attack): the class shares stay even, the features stay, only the pairing changes.
 */
export function labelledBatch(rows: LabelledRow[], n: number, random: () => number, flip = 0): LabelledRow[] {
  return Array.from({ length: n }, () => {
    const row = [...rows[Math.floor(random() * rows.length)]!] as LabelledRow;
    if (random() < flip) {
      const others = CLASSES.filter((c) => c !== row[0]);
      row[0] = others[Math.floor(random() * others.length)]!;
    }
    return row;
  });
}

export function writeLabelled(file: string, rows: LabelledRow[]): string {
  fs.writeFileSync(file, `${LABELLED_HEADER}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  return file;
}
