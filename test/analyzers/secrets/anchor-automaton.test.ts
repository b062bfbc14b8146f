import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnchorAutomaton } from '../../../src/analyzers/secrets/anchor-automaton.js';
import { secretRules } from '../../../src/analyzers/secrets/rules/index.js';

/** Every (word, start) pair by brute force: each word tried at each offset of the ASCII-lower-cased text. */
function naive(words: string[], text: string): string[] {
  const folded = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const out: string[] = [];
  words.forEach((word, w) => {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) out.push(`${w}@${at}`);
  });
  return out.sort();
}

function found(automaton: AnchorAutomaton, text: string): string[] {
  const out: string[] = [];
  automaton.forEachOccurrence(text, (word, start) => out.push(`${word}@${start}`));
  return out.sort();
}

describe('anchor automaton', () => {
  it('finds exactly the occurrences brute force finds, overlapping and nested ones included (property)', () => {
    const words = ['he', 'she', 'his', 'hers', 'h', 'ss', 'password', 'password=', 'pwd', 'sword'];
    const automaton = new AnchorAutomaton(words);
    const alphabet = fc.constantFrom(...'heisrpaswod=SHEPWD é\n'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (chars) => {
        const text = chars.join('');
        expect(found(automaton, text)).toEqual(naive(words, text));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with brute force for every secret detector anchor on mixed text', () => {
    const anchors = [...new Set(secretRules.flatMap((r) => r.anchors))];
    const automaton = new AnchorAutomaton(anchors);
    const text = 'DB_PASSWORD=x AKIA1234 -----BEGIN OPENSSH PRIVATE KEY----- Ghp_ xoxb- Postgresql://u:p@h Secret_Access_Key İpassword ſecret';
    const result = found(automaton, text);
    expect(result.length).toBeGreaterThan(8);
    expect(result).toEqual(naive(anchors, text));
  });

  it('matches no ASCII word on a non-ASCII letter that folds to one (as a non-Unicode i regex)', () => {
    const automaton = new AnchorAutomaton(['secret', 'kelvin']);
    expect(found(automaton, 'ſecret \u212Aelvin')).toEqual([]);
    expect(found(automaton, 'SECRET Kelvin')).toEqual(['0@0', '1@7']);
  });

  it('refuses a word it could not fold', () => {
    expect(() => new AnchorAutomaton(['Secret'])).toThrow(/lower-case ASCII/);
    expect(() => new AnchorAutomaton(['clé'])).toThrow(/lower-case ASCII/);
  });
});
