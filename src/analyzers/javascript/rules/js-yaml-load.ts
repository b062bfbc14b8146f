import { calleeLabel, calls, optionsOf, propertyOf } from '../call-site.js';
import type { JsContext, JsRule } from '../js-rule.js';
import type { SyntaxNode } from '../parser.js';

const LOADERS = ['js-yaml.load', 'js-yaml.loadAll'];
/** Schemas that build only plain data, in v3 and v4 alike. */
const SAFE_SCHEMAS = ['FAILSAFE_SCHEMA', 'JSON_SCHEMA', 'CORE_SCHEMA', 'DEFAULT_SAFE_SCHEMA'].map((s) => `js-yaml.${s}`);
/** v3's full schema (!!js/function, !!js/regexp) and v4's opt-in package of the same types. */
const UNSAFE_SCHEMA = /^(?:js-yaml\.DEFAULT_FULL_SCHEMA|js-yaml-js-types)\b/;

export const jsYamlLoad: JsRule = {
  id: 'js.deserialization.js-yaml-load',
  title: 'js-yaml load with a schema that can build functions',
  category: 'sast',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-502'],
  what:
    'Finds js-yaml load()/loadAll(). With schema DEFAULT_FULL_SCHEMA or types from js-yaml-js-types it is reported ' +
    'at high confidence. Without a schema it depends on the version: js-yaml 3 loads with the full schema by default, ' +
    'js-yaml 4 made load() safe. The nearest package-lock.json, yarn.lock, pnpm-lock.yaml or package.json above the ' +
    'script decides: a 3.x install is reported at high confidence, a 4.x one not at all, and with neither it is ' +
    'reported at medium confidence. An explicit safe schema (JSON_SCHEMA, CORE_SCHEMA, FAILSAFE_SCHEMA, ' +
    'DEFAULT_SAFE_SCHEMA) and safeLoad() are not reported.',
  why:
    'js-yaml 3’s default schema understands !!js/function, which turns YAML text into a JavaScript function that ' +
    'runs when the loaded object is used (a toString called during logging, for one). Pipelines read YAML configs, ' +
    'dbt artifacts and manifests from buckets and repositories that more people can write than can deploy code.',
  remediation:
    'Upgrade to js-yaml 4 (load is safe there) and pass { schema: yaml.CORE_SCHEMA } to make the intent explicit; on ' +
    'js-yaml 3 use safeLoad()/safeLoadAll(). Never add js-yaml-js-types to a schema for untrusted input.',
  bad: [
    { file: 'config/load.js', code: "const yaml = require('js-yaml');\nconst fs = require('fs');\n\nmodule.exports = () => yaml.load(fs.readFileSync('pipeline.yml', 'utf8'));\n" },
    {
      file: 'config/load.ts',
      code: "import * as yaml from 'js-yaml';\n\nexport const parse = (text: string) => yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });\n",
    },
  ],
  good: [
    {
      file: 'config/load.js',
      code:
        "const yaml = require('js-yaml');\n\n" +
        'module.exports = (text) => [yaml.load(text, { schema: yaml.CORE_SCHEMA }), yaml.safeLoad(text), yaml.loadAll(text, null, { schema: yaml.JSON_SCHEMA })];\n',
    },
  ],
  references: ['https://github.com/nodeca/js-yaml/blob/master/migrate_v3_to_v4.md', 'https://cwe.mitre.org/data/definitions/502.html'],
  onCall(call, ctx) {
    if (!calls(call, LOADERS)) return;
    const schema = propertyOf(optionsOf(call), 'schema');
    const label = calleeLabel(call);
    if (schema && unsafeSchema(ctx, schema)) {
      ctx.report(call.node, { message: `${label} with a schema that builds JavaScript functions (!!js/function) from the document`, confidence: 'high' });
    } else if (!schema || !SAFE_SCHEMAS.includes(ctx.nameOf(schema) ?? '')) {
      ctx.reportBelow(
        call.node,
        { package: 'js-yaml', fixedIn: '4.0.0', confirmed: `${label} without a safe schema runs !!js/function tags from the document` },
        { message: `${label} without a safe schema runs !!js/function tags on js-yaml < 4; check the installed version or pass schema: CORE_SCHEMA` },
      );
    }
  },
};

/** The schema, or anything it is built from (`DEFAULT_SCHEMA.extend(require('js-yaml-js-types').all)`), is unsafe. */
function unsafeSchema(ctx: JsContext, schema: SyntaxNode): boolean {
  const parts = [schema, ...schema.descendantsOfType(['identifier', 'member_expression', 'call_expression'])];
  return parts.some((p) => UNSAFE_SCHEMA.test(ctx.nameOf(p) ?? ''));
}
