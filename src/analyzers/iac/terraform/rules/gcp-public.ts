import { namesPublicMember } from '../../cloud-rules/checks/exposure.js';
import { getAll, strings } from '../../cloud-rules/model.js';
import type { CloudContext } from '../../cloud-rules/rule.js';

/** Reports every attribute of `types` (IAM members, bindings, ACL entities) naming allUsers/allAuthenticatedUsers. */
export function reportPublicMembers(ctx: CloudContext, types: string[], paths: string[][], what: string): void {
  for (const r of ctx.ofType(...types)) {
    for (const path of paths) {
      for (const value of getAll(r.body, ...path)) {
        for (const s of strings(value)) {
          if (namesPublicMember(s.text)) ctx.report(r, s.range, { message: `${what} is granted to ${s.text}` });
        }
      }
    }
  }
}
