import type { AppRule } from '../../app-rule.js';
import { listensEverywhere, settingsOf } from '../../setting.js';

export const rayDashboardExposed: AppRule = {
  id: 'ray.dashboard-exposed',
  title: 'Ray dashboard and Jobs API listening on all interfaces',
  category: 'iac',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-306'],
  what:
    'Finds Ray’s dashboard bound to every interface: `ray start --head --dashboard-host=0.0.0.0` in Dockerfiles, shell ' +
    'scripts, compose and Kubernetes commands, and `ray.init(dashboard_host="0.0.0.0")` in Python.',
  why:
    'The dashboard serves Ray’s Jobs API, which has no authentication: whoever reaches the port submits a job, that is, ' +
    'runs any command on the cluster with its cloud credentials and data (the ShadowRay campaign, CVE-2023-48022, ' +
    'emptied training clusters this way).',
  remediation:
    'Keep the dashboard on 127.0.0.1 (the default) and reach it through `ray dashboard` / SSH port forwarding, or put ' +
    'an authenticating proxy and a network policy in front of it.',
  bad: [{ file: 'start.sh', code: '#!/bin/sh\nray start --head --port=6379 --dashboard-host=0.0.0.0 --block\n' }],
  good: [{ file: 'start.sh', code: '#!/bin/sh\nray start --head --port=6379 --dashboard-host=127.0.0.1 --block\n' }],
  references: ['https://docs.ray.io/en/latest/ray-security/index.html', 'https://cwe.mitre.org/data/definitions/306.html'],
  check(settings, report) {
    for (const s of settingsOf(settings, 'ray', ['dashboard'], 'host').filter((s) => listensEverywhere(s.value))) {
      report(s, `${s.spelling} ${s.value || '(empty)'} exposes the dashboard's unauthenticated Jobs API: whoever reaches it runs commands on the cluster`);
    }
  },
};
