import { describe, expect, it } from 'vitest';
import { analyzeAppConfigText } from './scan.js';

const found = (code: string, file: string) => analyzeAppConfigText(code, file).findings.map((f) => [f.ruleId, f.location.startLine, f.message]);

describe('ray.dashboard-exposed', () => {
  it('reports the dashboard bound to all interfaces on command lines of every form and in ray.init', () => {
    expect(found('FROM rayproject/ray:2.9.3\nCMD ["ray", "start", "--head", "--dashboard-host", "0.0.0.0", "--block"]\n', 'Dockerfile').map((f) => f.slice(0, 2))).toEqual([['ray.dashboard-exposed', 2]]);
    expect(found('spec:\n  containers:\n    - name: head\n      args:\n        - ray start --head --dashboard-host=0.0.0.0 --block\n', 'k8s/ray-head.yaml').map((f) => f.slice(0, 2))).toEqual([['ray.dashboard-exposed', 5]]);
    expect(found('import ray\n\nray.init(include_dashboard=True, dashboard_host="0.0.0.0")\n', 'jobs/train.py')).toEqual([
      ['ray.dashboard-exposed', 3, "dashboard_host 0.0.0.0 exposes the dashboard's unauthenticated Jobs API: whoever reaches it runs commands on the cluster"],
    ]);
  });

  it('leaves the loopback default and values from elsewhere alone', () => {
    expect(found('#!/bin/sh\nray start --head --dashboard-host=127.0.0.1\n', 'start.sh')).toEqual([]);
    expect(found('#!/bin/sh\nray start --head --dashboard-host="${DASHBOARD_HOST}"\n', 'start.sh')).toEqual([]);
    expect(found('import ray\nray.init(dashboard_host="127.0.0.1")\n', 'jobs/train.py')).toEqual([]);
  });
});
