import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { yamlErrorReason } from '../../../core/yaml-error.js';
import { parseImageRef, type ContainerImage } from '../../../inventory/containers.js';

/** values.yaml and its per-environment variants (values-prod.yaml, values.staging.yml). */
const VALUES_FILE = /^values([.-][\w.-]+)?\.ya?ml$/i;

export function isHelmValuesFile(file: string): boolean {
  return VALUES_FILE.test(path.posix.basename(file));
}

/**
 * The images a chart's values name the way charts conventionally take them — an `image` map with a
 * `repository` (Bitnami's `registry` in front, `tag` or `digest` after) — each with the key path it
 * sits under ("postgresql.image") as its workload. A tag left out is the chart's appVersion, which
 * this file does not say; such an image is listed without one.
 */
export function helmValuesImages(text: string, file: string): { images: ContainerImage[]; problems: string[] } {
  const lineCounter = new LineCounter();
  // The node tree is walked as written: an alias is not followed, so an alias bomb costs nothing.
  const doc = parseDocument(text, { lineCounter, logLevel: 'error', uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { images: [], problems: [`invalid YAML at line ${line}, column ${col}: ${yamlErrorReason(error)}`] };
  }
  const images: ContainerImage[] = [];
  const visit = (node: unknown, keys: string[]): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const image = key === 'image' && isMap(pair.value) ? imageOf(pair.value) : undefined;
      if (image) {
        const at = (pair.value as Node).range?.[0] ?? 0;
        images.push({ ...parseImageRef(image), file, line: lineCounter.linePos(at).line, workload: `Helm values ${[...keys, key].join('.')}` });
      } else visit(pair.value, [...keys, key]);
    }
  };
  visit(doc.contents, []);
  return { images, problems: [] };
}

/** `registry/repository:tag@digest` of an image map, or undefined when it names no repository. */
function imageOf(map: Node): string | undefined {
  const field = (name: string): string | undefined => {
    const value = isMap(map) ? map.get(name) : undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
  };
  const repository = field('repository');
  if (!repository || /\{\{/.test(repository)) return undefined;
  const registry = field('registry');
  const tag = field('tag');
  const digest = field('digest');
  return `${registry ? `${registry}/` : ''}${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}
