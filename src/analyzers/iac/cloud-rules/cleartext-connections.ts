import { cleartextConnection } from './checks/transport.js';
import { strings } from './model.js';
import type { CloudContext } from './rule.js';

/** Reports every string in any resource's settings that holds a connection string without TLS. */
export function reportCleartextConnections(ctx: CloudContext): void {
  for (const r of ctx.resources) {
    for (const s of strings(r.body)) {
      const setting = cleartextConnection(s.text);
      if (setting) ctx.report(r, s.range, { message: `Connection string turns TLS off or makes it optional (${setting})` });
    }
  }
}
