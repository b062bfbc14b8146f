import { exposedPorts, type IngressRule, isAllProtocols } from '../../cloud-rules/checks/network.js';
import { type CloudResource, get, getAll, num, str, type Value } from '../../cloud-rules/model.js';
import type { CloudContext } from '../../cloud-rules/rule.js';

function ingressRule(rule: Value): IngressRule[] {
  const sources = [str(get(rule, 'CidrIp')), str(get(rule, 'CidrIpv6'))].filter((s) => s !== undefined);
  if (isAllProtocols(str(get(rule, 'IpProtocol')))) return [{ from: 0, to: 65535, sources, range: rule.range }];
  const from = num(get(rule, 'FromPort'));
  const to = num(get(rule, 'ToPort'));
  return from === undefined || to === undefined ? [] : [{ from, to, sources, range: rule.range }];
}

function ingressRules(r: CloudResource): IngressRule[] {
  if (r.type === 'AWS::EC2::SecurityGroup') return getAll(r.body, 'SecurityGroupIngress').flatMap(ingressRule);
  return ingressRule(r.body);
}

/** Reports security group ingress that opens any of `ports` to 0.0.0.0/0 or ::/0. */
export function reportOpenPorts(ctx: CloudContext, ports: ReadonlyMap<number, string>, what: string): void {
  for (const r of ctx.ofType('AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress')) {
    for (const rule of ingressRules(r)) {
      const open = exposedPorts(rule, ports);
      if (open.length > 0) ctx.report(r, rule.range, { message: `${what} open to the internet: ${open.join(', ')}` });
    }
  }
}
