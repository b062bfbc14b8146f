import type { PythonRule } from '../python-rule.js';
import { downloadsFromHub, hubRepository, isLocalPath } from './huggingface-hub.js';

export const huggingfaceUnpinned: PythonRule = {
  id: 'py.supply-chain.huggingface-unpinned',
  title: 'Model or dataset downloaded from the Hugging Face Hub without a pinned revision',
  category: 'sast',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-494', 'CWE-829'],
  what:
    'Finds from_pretrained(), hf_hub_download(), snapshot_download() and datasets.load_dataset() calls of a Hub ' +
    'repository without revision= (Bandit B615).',
  why:
    'Without a revision the pipeline takes whatever the repository holds at run time. Whoever can push to it — or ' +
    'takes it over — changes the model weights, tokenizer code or training data every later run uses.',
  remediation: 'Pass revision="<full commit sha>" (a branch or tag name can move) and review updates like dependency bumps.',
  bad: [
    {
      file: 'jobs/embed.py',
      code: 'from transformers import AutoModel\n\nmodel = AutoModel.from_pretrained("sentence-transformers/all-MiniLM-L6-v2")\n',
    },
    {
      file: 'jobs/load.py',
      code: 'from datasets import load_dataset\n\nreviews = load_dataset("imdb")\n',
    },
  ],
  good: [
    {
      file: 'jobs/embed.py',
      code:
        'from transformers import AutoModel\n\n' +
        'model = AutoModel.from_pretrained(\n' +
        '    "sentence-transformers/all-MiniLM-L6-v2",\n' +
        '    revision="c9745ed1d9f207416be6d2e6f8de32d1f16199bf",\n' +
        ')\n',
    },
    {
      file: 'jobs/embed.py',
      code: 'from transformers import AutoModel\n\nmodel = AutoModel.from_pretrained("./models/minilm")\n',
    },
  ],
  bandit: ['B615'],
  references: [
    'https://bandit.readthedocs.io/en/latest/plugins/b615_huggingface_unsafe_download.html',
    'https://huggingface.co/docs/huggingface_hub/guides/download',
  ],
  onCall(call, ctx) {
    if (!downloadsFromHub(call)) return;
    if (call.keywords.has('revision') || call.hasSplat) return;
    const repo = hubRepository(call);
    const name = repo ? ctx.constantOf(repo) : undefined;
    // A local directory is the team's own copy, not the Hub.
    if (typeof name === 'string' && isLocalPath(name)) return;
    ctx.report(call.node, { message: `${call.method ?? call.name}() downloads ${typeof name === 'string' ? `"${name}"` : 'a Hub repository'} without revision=, so its content can change under the pipeline` });
  },
};
