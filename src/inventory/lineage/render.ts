import type { LineageGraph, LineageNode } from './graph.js';

/** Mermaid flowchart: datasets as cylinders, jobs as boxes, tasks as rounded boxes; exposed reads in red. */
export function renderMermaid(graph: LineageGraph): string {
  const ids = shortIds(graph.nodes);
  const shape = (n: LineageNode) => {
    const label = n.label.replace(/"/g, '#quot;');
    if (n.type === 'dataset') return `${ids.get(n.id)}[("${label}")]`;
    if (n.type === 'task') return `${ids.get(n.id)}("${label}")`;
    return `${ids.get(n.id)}["${label}"]`;
  };
  const exposed = new Set(graph.exposures.flatMap((e) => [`${e.source}>${e.job}`, `${e.job}>${e.sink}`]));
  const lines = ['flowchart LR', ...graph.nodes.map((n) => `  ${shape(n)}`)];
  graph.edges.forEach((e) => {
    const arrow = e.type === 'precedes' ? '-.->' : '-->';
    const label = e.type === 'reads' || e.type === 'writes' ? `|${e.type}${e.validated ? ', validated' : ''}|` : `|${e.type}|`;
    lines.push(`  ${ids.get(e.from)} ${arrow}${label} ${ids.get(e.to)}`);
  });
  graph.edges.forEach((e, i) => {
    if (exposed.has(`${e.from}>${e.to}`)) lines.push(`  linkStyle ${i} stroke:#d00,stroke-width:2px`);
  });
  return `${lines.join('\n')}\n`;
}

/** Graphviz DOT with the same conventions as the Mermaid output. */
export function renderDot(graph: LineageGraph): string {
  const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const exposed = new Set(graph.exposures.flatMap((e) => [`${e.source}>${e.job}`, `${e.job}>${e.sink}`]));
  const shapes = { dataset: 'cylinder', job: 'box', task: 'box, style=rounded' } as const;
  const lines = ['digraph lineage {', '  rankdir=LR;'];
  for (const n of graph.nodes) lines.push(`  ${q(n.id)} [label=${q(n.label)}, shape=${shapes[n.type]}];`);
  for (const e of graph.edges) {
    const attrs = [`label=${q(e.type + (e.validated ? ', validated' : ''))}`];
    if (e.type === 'precedes') attrs.push('style=dashed');
    if (exposed.has(`${e.from}>${e.to}`)) attrs.push('color=red', 'penwidth=2');
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function shortIds(nodes: LineageNode[]): Map<string, string> {
  return new Map(nodes.map((n, i) => [n.id, `n${i}`]));
}
