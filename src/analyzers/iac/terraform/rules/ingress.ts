import { exposedPorts, type IngressRule, isAllProtocols } from '../../cloud-rules/checks/network.js';
import { type CloudResource, get, getAll, items, num, str, type Value } from '../../cloud-rules/model.js';
import type { CloudContext } from '../../cloud-rules/rule.js';

const ALL_PORTS = { from: 0, to: 65535 };

/** Every ingress permission a Terraform resource grants, with known ports and sources. */
function ingressRules(r: CloudResource): IngressRule[] {
  switch (r.type) {
    case 'aws_security_group':
      return getAll(r.body, 'ingress').flatMap((rule) => awsRule(rule, 'protocol', ['cidr_blocks', 'ipv6_cidr_blocks']));
    case 'aws_security_group_rule':
      return str(get(r.body, 'type')) === 'ingress' ? awsRule(r.body, 'protocol', ['cidr_blocks', 'ipv6_cidr_blocks']) : [];
    case 'aws_vpc_security_group_ingress_rule':
      return awsRule(r.body, 'ip_protocol', ['cidr_ipv4', 'cidr_ipv6']);
    case 'google_compute_firewall':
      return gcpRules(r.body);
    case 'azurerm_network_security_rule':
      return azureRules(r.body);
    case 'azurerm_network_security_group':
      return getAll(r.body, 'security_rule').flatMap(azureRules);
    default:
      return [];
  }
}

function sourcesOf(rule: Value, keys: string[]): string[] {
  return keys.flatMap((k) => items(get(rule, k)).map(str)).filter((s) => s !== undefined);
}

function awsRule(rule: Value, protocolKey: string, sourceKeys: string[]): IngressRule[] {
  const sources = sourcesOf(rule, sourceKeys);
  if (isAllProtocols(str(get(rule, protocolKey)))) return [{ ...ALL_PORTS, sources, range: rule.range }];
  const from = num(get(rule, 'from_port'));
  const to = num(get(rule, 'to_port'));
  return from === undefined || to === undefined ? [] : [{ from, to, sources, range: rule.range }];
}

function gcpRules(firewall: Value): IngressRule[] {
  const direction = str(get(firewall, 'direction'));
  if (direction !== undefined && direction.toUpperCase() !== 'INGRESS') return [];
  const sources = sourcesOf(firewall, ['source_ranges']);
  return getAll(firewall, 'allow').flatMap((allow) => {
    const ports = get(allow, 'ports');
    if (ports === undefined) return [{ ...ALL_PORTS, sources, range: allow.range }];
    return items(ports).flatMap((p) => {
      const m = /^(\d+)(?:-(\d+))?$/.exec(str(p) ?? '');
      return m ? [{ from: Number(m[1]), to: Number(m[2] ?? m[1]), sources, range: p.range }] : [];
    });
  });
}

/** Azure's names for every address: a wildcard, the `Internet` and `Any` service tags. */
const AZURE_WORLD = new Set(['*', 'internet', 'any']);

/** An Azure network security rule that lets traffic in: its sources (the world as 0.0.0.0/0) and destination ports. */
function azureRules(rule: Value): IngressRule[] {
  if (str(get(rule, 'direction'))?.toLowerCase() !== 'inbound' || str(get(rule, 'access'))?.toLowerCase() !== 'allow') return [];
  const sources = sourcesOf(rule, ['source_address_prefix', 'source_address_prefixes']).map((s) => (AZURE_WORLD.has(s.trim().toLowerCase()) ? '0.0.0.0/0' : s));
  return [...items(get(rule, 'destination_port_range')), ...items(get(rule, 'destination_port_ranges'))].flatMap((p) => {
    const text = str(p)?.trim();
    if (text === '*') return [{ ...ALL_PORTS, sources, range: p.range }];
    const m = /^(\d+)(?:-(\d+))?$/.exec(text ?? '');
    return m ? [{ from: Number(m[1]), to: Number(m[2] ?? m[1]), sources, range: p.range }] : [];
  });
}

const TYPES = ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'google_compute_firewall', 'azurerm_network_security_rule', 'azurerm_network_security_group'];

/** Reports ingress rules that open any of `ports` to 0.0.0.0/0 or ::/0. */
export function reportOpenPorts(ctx: CloudContext, ports: ReadonlyMap<number, string>, what: string): void {
  for (const r of ctx.ofType(...TYPES)) {
    for (const rule of ingressRules(r)) {
      const open = exposedPorts(rule, ports);
      if (open.length > 0) ctx.report(r, rule.range, { message: `${what} open to the internet: ${open.join(', ')}` });
    }
  }
}
