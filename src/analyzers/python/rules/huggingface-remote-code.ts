import type { PythonRule } from '../python-rule.js';
import { downloadsFromHub, hubRepository, isLocalPath } from './huggingface-hub.js';

/** A full commit id: the only revision whose code cannot change after it was reviewed. */
const COMMIT = /^[0-9a-f]{40}$/;

export const huggingfaceRemoteCode: PythonRule = {
  id: 'py.supply-chain.huggingface-remote-code',
  title: 'Hugging Face Hub repository code run with trust_remote_code=True',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-94', 'CWE-829'],
  what:
    'Finds from_pretrained() (transformers, diffusers, sentence-transformers) and datasets.load_dataset() calls with ' +
    'trust_remote_code=True on a Hub repository: high when no revision= pins it to a full commit id, medium when ' +
    'one does. A local directory is not reported.',
  why:
    'trust_remote_code=True imports the Python modules the repository ships (modeling code, dataset loading ' +
    'scripts) into the pipeline process, with its credentials and data. Whoever can push to the repository, or takes ' +
    'over its owner account, runs code in every later run; a branch or tag name moves with them.',
  remediation:
    'Prefer architectures the library ships. Where remote code is needed, review it, pin revision= to that full ' +
    'commit id, or vendor the repository into a local directory the team controls.',
  bad: [
    {
      file: 'jobs/embed.py',
      code: 'from transformers import AutoModel\n\nmodel = AutoModel.from_pretrained("acme/custom-encoder", trust_remote_code=True)\n',
    },
  ],
  good: [
    {
      file: 'jobs/embed.py',
      code: 'from transformers import AutoModel\n\nmodel = AutoModel.from_pretrained("./vendor/custom-encoder", trust_remote_code=True)\n',
    },
    {
      file: 'jobs/embed.py',
      code: 'from transformers import AutoModel\n\nmodel = AutoModel.from_pretrained("acme/custom-encoder", revision="c9745ed1d9f207416be6d2e6f8de32d1f16199bf")\n',
    },
  ],
  references: [
    'https://huggingface.co/docs/transformers/en/custom_models',
    'https://huggingface.co/docs/datasets/en/loading#loading-scripts',
    'https://cwe.mitre.org/data/definitions/94.html',
  ],
  onCall(call, ctx) {
    const flag = call.keywords.get('trust_remote_code');
    if (!flag || !downloadsFromHub(call)) return;
    const trusted = ctx.truthOf(flag);
    if (trusted === false) return;
    const repo = hubRepository(call);
    const name = repo ? ctx.constantOf(repo) : undefined;
    if (typeof name === 'string' && isLocalPath(name)) return;
    const revision = call.keywords.get('revision');
    const pinned = revision ? ctx.constantOf(revision) : undefined;
    const commit = typeof pinned === 'string' && COMMIT.test(pinned);
    const what = typeof name === 'string' ? `"${name}"` : 'a Hub repository';
    ctx.report(call.node, {
      message: commit
        ? `${call.method ?? call.name}() runs the Python code ${what} ships at commit ${pinned.slice(0, 12)} (trust_remote_code=True); review it before each bump`
        : `${call.method ?? call.name}() runs the Python code ${what} ships${trusted === true ? '' : ' if trust_remote_code is true'}, and nothing pins which version`,
      ...(commit ? { severity: 'medium' as const } : {}),
      ...(trusted === true ? {} : { confidence: 'medium' as const }),
    });
  },
};
