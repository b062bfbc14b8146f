import { argument, calls, type CallSite } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonContext, PythonRule } from '../python-rule.js';
import { reportUnseen } from './dynamic-value.js';

const LOADER_TAKING = ['yaml.load', 'yaml.load_all'];
/** Shorthands for loading with a loader that builds Python objects from tags. */
const UNSAFE_SHORTHANDS = new Map([
  ['yaml.unsafe_load', 'UnsafeLoader'],
  ['yaml.unsafe_load_all', 'UnsafeLoader'],
  ['yaml.full_load', 'FullLoader'],
  ['yaml.full_load_all', 'FullLoader'],
]);
const SAFE_LOADERS = new Set(['SafeLoader', 'CSafeLoader', 'BaseLoader', 'CBaseLoader']);
const UNSAFE_LOADERS = new Set(['Loader', 'CLoader', 'UnsafeLoader', 'CUnsafeLoader', 'FullLoader', 'CFullLoader']);

export const yamlLoad: PythonRule = {
  id: 'py.deserialization.yaml-load',
  title: 'YAML loaded with a loader that builds arbitrary objects',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-502'],
  what:
    'Finds PyYAML loads that do not use a safe loader: yaml.load()/load_all() without Loader= or with Loader, ' +
    'UnsafeLoader or FullLoader, and yaml.unsafe_load()/full_load() and their _all forms. yaml.safe_load() and ' +
    'loaders derived from SafeLoader are fine.',
  why:
    'PyYAML’s non-safe loaders turn tags such as !!python/object/apply into calls of any Python callable, so a YAML ' +
    'document can run commands as it is parsed. Pipeline YAML is rarely just the repository’s own: job specs, dbt ' +
    'and feature configs, and schemas arrive from users, buckets and APIs.',
  remediation:
    'Use yaml.safe_load() / yaml.safe_load_all(), or pass Loader=yaml.SafeLoader (CSafeLoader where libyaml is ' +
    'available). To support custom tags, subclass SafeLoader and register constructors on the subclass.',
  bad: [
    {
      file: 'pipeline/config.py',
      code:
        'import yaml\n\n\n' +
        'def load_job_spec(path: str) -> dict:\n' +
        '    with open(path, encoding="utf-8") as fh:\n' +
        '        spec = yaml.load(fh, Loader=yaml.Loader)\n' +
        '    if "sources" not in spec:\n' +
        '        raise ValueError(f"{path}: no sources")\n' +
        '    return spec\n',
    },
    {
      file: 'pipeline/schemas.py',
      code:
        'from yaml import full_load\n\n\n' +
        'def parse_schema(document: str) -> dict:\n' +
        '    # The registry client hands over the document it fetched.\n' +
        '    return full_load(document)\n',
    },
  ],
  good: [
    {
      file: 'pipeline/config.py',
      code:
        'import yaml\n\n\n' +
        'def load_job_spec(path: str) -> dict:\n' +
        '    with open(path, encoding="utf-8") as fh:\n' +
        '        spec = yaml.safe_load(fh)\n' +
        '    if "sources" not in spec:\n' +
        '        raise ValueError(f"{path}: no sources")\n' +
        '    return spec\n',
    },
    {
      file: 'pipeline/loader.py',
      code:
        'from yaml import SafeLoader, load\n\n\n' +
        'class EnvLoader(SafeLoader):\n' +
        '    """SafeLoader plus an !env tag for secrets injected by the scheduler."""\n\n\n' +
        'EnvLoader.add_constructor("!env", lambda loader, node: loader.construct_scalar(node))\n\n\n' +
        'def read(stream):\n' +
        '    return load(stream, Loader=EnvLoader)\n',
    },
  ],
  bandit: ['B506'],
  references: [
    'https://pyyaml.org/wiki/PyYAMLDocumentation',
    'https://github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation',
    'https://cwe.mitre.org/data/definitions/502.html',
  ],
  onCall(call, ctx) {
    const shorthandLoader = call.name === undefined ? undefined : UNSAFE_SHORTHANDS.get(call.name);
    if (!shorthandLoader && !calls(call, LOADER_TAKING)) return;
    // A document written out in the source is not attacker data.
    const stream = argument(call, 0, 'stream');
    if (stream && ctx.kindOf(stream) === 'literal') return;
    if (shorthandLoader) {
      ctx.report(call.node, {
        message: `${call.name}() parses with ${shorthandLoader}, which can build arbitrary Python objects from tags`,
      });
      return;
    }
    checkLoader(call, ctx);
  },
};

function checkLoader(call: CallSite, ctx: PythonContext): void {
  const verdict = yamlLoadVerdict(call, (node) => ctx.lineageOf(node));
  if (verdict === 'safe') return;
  const loader = argument(call, 1, 'Loader');
  if (!loader) {
    if (verdict === 'unknown') reportUnseen(ctx, call, 'the Loader');
    else ctx.report(call.node, { message: `${call.name}() without Loader= uses an unsafe default loader on PyYAML before 6.0` });
    return;
  }
  const name = ctx.nameOf(loader) ?? loader.text;
  ctx.report(call.node, {
    message:
      verdict === 'unsafe'
        ? `${call.name}() is called with Loader=${name}, which can build arbitrary Python objects from tags`
        : `${call.name}() is called with Loader=${name}, which is not known to be SafeLoader or derived from it`,
    confidence: verdict === 'unsafe' ? 'high' : 'medium',
  });
}

/**
 * How a yaml.load/load_all call's loader treats tags: no Loader= is PyYAML's unsafe default before
 * 6.0 (6.0 refuses the call); a call that may pass it through **kwargs is unknown.
 */
export function yamlLoadVerdict(call: CallSite, lineageOf: (node: SyntaxNode) => string[]): 'safe' | 'unsafe' | 'unknown' {
  const loader = argument(call, 1, 'Loader');
  if (!loader) return call.hasSplat ? 'unknown' : 'unsafe';
  return loaderVerdict(lineageOf(loader));
}

/** An unsafe loader anywhere in the lineage wins over a safe one further up. */
function loaderVerdict(lineage: string[]): 'safe' | 'unsafe' | 'unknown' {
  const yamlClasses = lineage.filter((name) => name.startsWith('yaml.')).map((name) => name.slice(name.lastIndexOf('.') + 1));
  if (yamlClasses.some((c) => UNSAFE_LOADERS.has(c))) return 'unsafe';
  return yamlClasses.some((c) => SAFE_LOADERS.has(c)) ? 'safe' : 'unknown';
}
