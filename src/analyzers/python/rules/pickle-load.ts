import { walkPickle } from '../../pickle-artifact/walk.js';
import { judgeGlobal } from '../../pickle-artifact/safe-globals.js';
import { bytesLiteral } from '../bytes-literal.js';
import { calls } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonContext, PythonRule } from '../python-rule.js';

const UNSAFE_LOADERS = [
  'pickle.load',
  'pickle.loads',
  'pickle.Unpickler',
  '_pickle.load',
  '_pickle.loads',
  'cPickle.load',
  'cPickle.loads',
  'dill.load',
  'dill.loads',
  'cloudpickle.load',
  'cloudpickle.loads',
  'joblib.load',
  'sklearn.externals.joblib.load',
  'shelve.open',
];
/** Serialisers whose bytes, made in this very process, a loader may read back safely. */
const DUMPERS = ['pickle.dumps', '_pickle.dumps', 'cPickle.dumps', 'dill.dumps', 'cloudpickle.dumps'];

export const pickleLoad: PythonRule = {
  id: 'py.deserialization.pickle',
  title: 'Deserialization with pickle or a pickle-based loader',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-502'],
  what:
    'Finds calls that unpickle data: pickle, cPickle, dill, cloudpickle, joblib and shelve loaders. A round trip ' +
    '(`loads(dumps(x))`, `loads(array.dumps())`) is not reported; a pickle written into the source as a bytes literal is judged by its opcodes ' +
    'against the allow-list used for pickle files: passed when it imports only data classes, critical when it imports ' +
    'code such as os.system.',
  why:
    'Unpickling runs code chosen by whoever wrote the bytes: a pickle can call os.system while it loads. ' +
    'Pipelines unpickle model artifacts, cached frames and messages from queues and buckets, so one writable ' +
    'bucket or one poisoned upload is enough to run commands with the job’s credentials.',
  remediation:
    'Store data as JSON, Parquet, CSV or safetensors and load it with a parser that builds data only. Where a ' +
    'pickle is unavoidable, load only artifacts your own pipeline wrote and verify an HMAC over the bytes first.',
  bad: [
    {
      file: 'load_model.py',
      code: 'import pickle as p\n\n\ndef load_model(fh):\n    return p.load(fh)\n',
    },
    { file: 'cache.py', code: 'from joblib import load\n\nfeatures = load("features.joblib")\n' },
  ],
  good: [
    { file: 'load_frame.py', code: 'import pandas as pd\n\nframe = pd.read_parquet("features.parquet")\n' },
    { file: 'copy_model.py', code: 'import pickle\n\n\ndef deep_copy(model):\n    blob = pickle.dumps(model)\n    return pickle.loads(blob)\n' },
  ],
  bandit: ['B301'],
  references: ['https://docs.python.org/3/library/pickle.html', 'https://cwe.mitre.org/data/definitions/502.html'],
  onCall(call, ctx) {
    if (!calls(call, UNSAFE_LOADERS) || isRoundTrip(call.positional[0], ctx)) return;
    const literal = literalPickle(call.positional[0], ctx);
    if (literal === 'data only') return;
    ctx.report(call.node, {
      message: literal
        ? `${call.name}() unpickles a literal that imports ${literal.runs}, which runs when it loads`
        : `${call.name}() deserializes with pickle, which runs code embedded in the data`,
      ...(literal ? { severity: 'critical' as const } : {}),
    });
  },
};

/**
 * A pickle written into the source as a bytes literal (a test's fixed payload), judged by its
 * opcodes against the same allow-list as pickle files in the repo, never unpickled: `data only`
 * when it imports only data classes, the first code-running import when it has one, and
 * undefined when the data is not such a literal or imports something the list does not know.
 */
function literalPickle(data: SyntaxNode | undefined, ctx: PythonContext): 'data only' | { runs: string } | undefined {
  const node = data && (ctx.taint.engine.assignedValue(data) ?? data);
  const bytes = node ? bytesLiteral(node) : undefined;
  if (!bytes) return undefined;
  const walk = walkPickle(bytes);
  const verdicts = walk.globals.map((g) => ({ name: `${g.module}.${g.name}`, verdict: judgeGlobal(g.module, g.name) }));
  const running = verdicts.find((v) => v.verdict === 'critical');
  if (running) return { runs: running.name };
  return !walk.problem && verdicts.every((v) => v.verdict === 'allowed') ? 'data only' : undefined;
}

/**
 * `pickle.loads(pickle.dumps(x))` or `pickle.loads(array.dumps())` (an object pickling itself),
 * directly or through a name bound once: a copy, reading nothing from outside.
 */
function isRoundTrip(data: SyntaxNode | undefined, ctx: PythonContext): boolean {
  if (!data) return false;
  const made = data.type === 'call' ? data : ctx.taint.engine.assignedValue(data);
  const callee = made?.type === 'call' ? made.childForFieldName('function') : undefined;
  if (!callee) return false;
  const ownDumps = callee.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'dumps' && made!.childForFieldName('arguments')?.namedChildCount === 0;
  return ownDumps || DUMPERS.includes(ctx.nameOf(callee) ?? '');
}
