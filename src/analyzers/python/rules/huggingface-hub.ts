import type { CallSite } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import { HUB_LIBRARIES } from '../taint/sinks.js';

/** Hub download entry points that fetch whatever the repository's default branch holds now. */
const HUB_FUNCTIONS = ['huggingface_hub.hf_hub_download', 'huggingface_hub.snapshot_download', 'datasets.load_dataset'];

/** datasets' packaged builders read local files; they are not Hub repositories. */
const PACKAGED_BUILDERS = new Set(['csv', 'json', 'parquet', 'text', 'arrow', 'pandas', 'sql', 'imagefolder', 'audiofolder', 'webdataset']);

/** A call that loads a Hugging Face Hub repository: a download function, or `from_pretrained` of a Hub library. */
export function downloadsFromHub(call: CallSite): boolean {
  if (call.name !== undefined && HUB_FUNCTIONS.includes(call.name)) return true;
  return call.method === 'from_pretrained' && HUB_LIBRARIES.some((library) => call.name?.startsWith(library));
}

/** The argument naming the repository, by position or by each entry point's keyword. */
export function hubRepository(call: CallSite): SyntaxNode | undefined {
  return call.positional[0] ?? call.keywords.get('repo_id') ?? call.keywords.get('path') ?? call.keywords.get('pretrained_model_name_or_path');
}

/** A local directory, or a datasets builder of local files: the team's own copy, not the Hub. */
export function isLocalPath(name: string): boolean {
  return name.startsWith('.') || name.startsWith('/') || name.startsWith('~') || PACKAGED_BUILDERS.has(name);
}
