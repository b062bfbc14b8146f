import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { DeclaredRequirement, ParsedManifest } from '../model.js';
import { normalizePyPIName } from '../model.js';
import { excerpt, ManifestError } from './errors.js';
import { SkippedEntries } from '../skipped-entries.js';
import { isVersion, leadingName } from './pep508.js';
import { RequirementLines, stripComment } from './requirement-lines.js';
import { requirementOf } from './requirement.js';
import { yamlErrorReason } from '../../../core/yaml-error.js';

type YamlNode = ReturnType<Document['createNode']>;

/** Conda packages that are the environment's tooling, not dependencies of the project's code. */
const TOOLING = new Set(['python', 'pip']);
const VERSION_TEXT = /^[A-Za-z0-9_.*+!<>=~|,-]+$/;
/**
 * The yaml package parses nesting recursively; near the end of the stack V8 can fail to
 * allocate for a regular expression and abort the process instead of throwing. No environment
 * file nests more than a few levels, so text that could nest past these limits is refused.
 */
const MAX_FLOW_DEPTH = 64;
const MAX_LEADING_RUN = 200;
const MAX_ALIASES = 100;

/**
 * A conda environment file (environment.yml): the `dependencies:` conda specs and the `pip:`
 * list in it, which pip reads exactly like requirements-file lines (`-r` included, relative to
 * this file). `channels:` is conda's business and is not recorded.
 *
 * Conda packages are recorded as PyPI packages of the same name. That is an approximation:
 * most data-stack packages (numpy, pandas, pyarrow, boto3) carry the same name and version on
 * both, but some differ (pytorch/torch) and some exist only on conda (cudatoolkit); a
 * vulnerability lookup may then find nothing, or, rarely, the wrong project.
 */
export function parseCondaEnvironment(text: string, file: string): ParsedManifest {
  const tooDeep = nestingBeyondLimits(text);
  if (tooDeep !== undefined) throw new ManifestError('nesting too deep for an environment file', tooDeep);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const error = doc.errors[0];
  if (error) {
    throw new ManifestError(`invalid YAML: ${yamlErrorReason(error)}`, error.linePos?.[0].line);
  }
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  let aliases = 0;
  const resolve = (node: unknown): YamlNode | undefined => {
    if (!isAlias(node)) return node as YamlNode | undefined;
    // Each resolution searches the document for its anchor: a few are fine, thousands are an attack.
    if (++aliases > MAX_ALIASES) throw new ManifestError(`more than ${MAX_ALIASES} aliases`, lineOf(node));
    return node.resolve(doc);
  };

  const manifest: ParsedManifest = {
    type: 'manifest',
    ecosystem: 'PyPI',
    format: 'conda environment',
    requirements: [],
    indexes: [],
    includes: [],
    isLibrary: false,
  };
  const root = resolve(doc.contents);
  if (root === undefined || root === null || (isScalar(root) && root.value === null)) return manifest;
  if (!isMap(root)) throw new ManifestError('an environment file must be a mapping with a dependencies list', lineOf(root));
  const dependencies = resolve(root.get('dependencies', true));
  if (dependencies === undefined || (isScalar(dependencies) && dependencies.value === null)) return manifest;
  if (!isSeq(dependencies)) throw new ManifestError('dependencies must be a list', lineOf(dependencies));

  const pip = new RequirementLines(file);
  const skipped = new SkippedEntries();
  for (const item of dependencies.items.map(resolve)) {
    const line = lineOf(item);
    if (isMap(item) && item.has('pip')) {
      const entries = resolve(item.get('pip', true));
      if (!isSeq(entries)) throw new ManifestError('pip must be a list of requirements', lineOf(entries) ?? line);
      for (const entry of entries.items.map(resolve)) {
        skipped.read(lineOf(entry) ?? line, () => {
          if (!isScalar(entry) || typeof entry.value !== 'string') throw new ManifestError('each pip entry must be a string');
          // conda hands the list to pip as a requirements file, where a " #" starts a comment.
          const content = stripComment(entry.value).trim();
          if (content !== '') pip.add(content, lineOf(entry) ?? line ?? 1);
        });
      }
      continue;
    }
    const requirement = skipped.read(line, () => {
      if (!isScalar(item) || typeof item.value !== 'string') throw new ManifestError('each dependency must be a conda package spec or a pip: list');
      return condaRequirement(item.value, line);
    });
    if (requirement) manifest.requirements.push(requirement);
  }
  manifest.skipped = skipped.entries;
  manifest.requirements.push(...pip.requirements);
  manifest.indexes.push(...pip.indexes);
  manifest.uncheckedTransport = pip.uncheckedTransport;
  manifest.includes.push(...pip.includes);
  return manifest;
}

/**
 * A conda MatchSpec (`conda-forge::numpy=1.21.0`, `pandas>=1.3`, `scipy 1.10.1 py310h_0`,
 * `pyarrow[version='>=12']`) as a requirement with the version text as written.
 *
 * Pins: `==X`, `=X=build` and the space form `name X` match X exactly. `=X` alone is conda's
 * fuzzy match, X.*; it is taken as a pin when X has three or more release components
 * (`=1.21.0`), since what else it admits (1.21.0.1, 1.21.0.post1) is the same upstream
 * release in practice, and as a range when it has fewer (`=1.21` admits every 1.21.x).
 */
function condaRequirement(spec: string, line: number | undefined): DeclaredRequirement | undefined {
  const channel = spec.lastIndexOf('::');
  const text = (channel < 0 ? spec : spec.slice(channel + 2)).trim();
  const head = leadingName(text);
  if (!head) throw new ManifestError(`invalid conda package spec ${excerpt(spec)}`, line);
  const name = normalizePyPIName(head.name);
  if (TOOLING.has(name)) return undefined;
  let rest = text.slice(head.end).trim();
  if (rest.startsWith('[')) rest = /\bversion\s*=\s*["']?([^"',\]]*)/.exec(rest)?.[1]?.trim() ?? '';
  const [version, exact] = condaVersion(rest);
  if (version !== '' && !VERSION_TEXT.test(version)) throw new ManifestError(`invalid version in conda package spec ${excerpt(spec)}`, line);
  const pinnedVersion = exact && isVersion(version) ? version : undefined;
  return requirementOf({ name, specifier: rest, pinnedVersion, group: 'main', line });
}

/** The version part of a spec's version text, and whether it matches that version exactly (see above). */
function condaVersion(rest: string): [version: string, exact: boolean] {
  if (rest === '') return ['', false];
  if (/^[<>!~]/.test(rest)) return [rest, false];
  const [version = '', build] = rest.replace(/^==?/, '').split(/=|\s+/);
  if (rest.startsWith('==') || !rest.startsWith('=')) return [version, true];
  return [version, build !== undefined || /^\d+(?:\.\d+){2,}/.test(version)];
}

/**
 * The first line where the text could nest too deep: flow brackets counted regardless of
 * quoting (an over-estimate at worst), block nesting bounded by the run of indentation and
 * "- ", "? ", ": " markers that starts a line.
 */
function nestingBeyondLimits(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  let leading = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      leading = 0;
      atLineStart = true;
      continue;
    }
    if (atLineStart && ' \t-?:'.includes(c)) {
      if (++leading > MAX_LEADING_RUN) return line;
    } else {
      atLineStart = false;
    }
    if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return line;
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}
