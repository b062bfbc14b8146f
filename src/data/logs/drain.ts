import { isVariable, maskMessage, WILDCARD } from './mask.js';
import { SCANNED_LENGTH } from './parse.js';

export interface Template {
  id: number;
  /** The leaf it lives in: kept when saved, because joining may turn routing tokens into wildcards. */
  key: string;
  tokens: string[];
  /** Counts per phase (baseline, current) of the messages that matched it. */
  counts: [number, number];
}

export interface MinerOptions {
  /** Leading tokens that route a message down the tree (Drain's depth minus the length layer). */
  depth: number;
  /** Share of positions that must agree for a message to join a template. */
  similarity: number;
  /** Templates per leaf before the least used would be crowded out: a bound on memory. */
  maxPerLeaf: number;
}

const DEFAULTS: MinerOptions = { depth: 2, similarity: 0.5, maxPerLeaf: 200 };

/**
 * A Drain-style template miner (He et al., ICWS 2017): messages are masked, split into tokens,
 * routed by their token count and first tokens (a token with a digit or a placeholder routes as
 * a wildcard), and joined to the most similar template of that leaf, or start a new one. Joining
 * turns the positions that differ into wildcards.
 */
export class TemplateMiner {
  private readonly leaves = new Map<string, Template[]>();
  private readonly options: MinerOptions;
  private nextId = 1;

  constructor(options: Partial<MinerOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Adds a message seen in `phase` (0 = baseline, 1 = current) and returns its template. */
  add(message: string, phase: 0 | 1): Template {
    const tokens = tokenize(message);
    const key = this.routeKey(tokens);
    const leaf = this.leaves.get(key) ?? [];
    this.leaves.set(key, leaf);
    let best: Template | undefined;
    let bestScore = -1;
    for (const t of leaf) {
      const score = similarity(t.tokens, tokens);
      if (score > bestScore) [best, bestScore] = [t, score];
    }
    if (best && bestScore >= this.options.similarity) {
      best.tokens = best.tokens.map((tok, i) => (tok === tokens[i] ? tok : WILDCARD));
      best.counts[phase]++;
      return best;
    }
    const created: Template = { id: this.nextId++, key, tokens, counts: [0, 0] };
    created.counts[phase]++;
    if (leaf.length >= this.options.maxPerLeaf) {
      leaf.sort((a, b) => b.counts[0] + b.counts[1] - (a.counts[0] + a.counts[1]));
      leaf.pop();
    }
    leaf.push(created);
    return created;
  }

  /** Seeds a template learnt earlier (a saved baseline) with its baseline count. */
  seed(key: string, template: string, count: number): Template {
    const t: Template = { id: this.nextId++, key, tokens: template.split(' ').filter(Boolean), counts: [count, 0] };
    this.leaves.set(key, [...(this.leaves.get(key) ?? []), t]);
    return t;
  }

  templates(): Template[] {
    return [...this.leaves.values()].flat();
  }

  private routeKey(tokens: string[]): string {
    const head = tokens.slice(0, this.options.depth).map((t) => (isVariable(t) || /\d/.test(t) ? WILDCARD : t));
    return `${tokens.length}\u0000${head.join('\u0000')}`;
  }
}

export function templateText(t: Template): string {
  return t.tokens.join(' ');
}

/** Templates come from the start of a message: a megabyte-long line must not cost quadratic masking. */
function tokenize(message: string): string[] {
  return maskMessage(message.slice(0, SCANNED_LENGTH)).split(/\s+/).filter(Boolean);
}

/** Share of positions where the template and the message agree; a wildcard agrees with anything. */
function similarity(template: string[], tokens: string[]): number {
  if (template.length === 0) return 1;
  let same = 0;
  for (let i = 0; i < template.length; i++) if (template[i] === tokens[i] || template[i] === WILDCARD) same++;
  return same / template.length;
}
