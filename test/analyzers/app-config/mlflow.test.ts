import { describe, expect, it } from 'vitest';
import { analyzeAppConfigText } from './scan.js';

const found = (code: string, file: string) => analyzeAppConfigText(code, file).findings.map((f) => [f.ruleId, f.location.startLine]);

describe('mlflow.server-without-auth', () => {
  it('reports a server on all interfaces without an auth app, per command, across line continuations', () => {
    const script = '#!/bin/sh\nmlflow server \\\n  --backend-store-uri postgresql://mlflow@db/mlflow \\\n  --host 0.0.0.0 --port 5000\nmlflow ui -h 0.0.0.0 --app-name basic-auth\n';
    expect(found(script, 'serve.sh')).toEqual([['mlflow.server-without-auth', 2]]);
    expect(found('services:\n  tracking:\n    command: mlflow server --host=0.0.0.0 --serve-artifacts\n', 'docker-compose.yaml')).toEqual([['mlflow.server-without-auth', 3]]);
    const blockList = 'services:\n  tracking:\n    command:\n      - mlflow\n      - server\n      - --host\n      - 0.0.0.0\n    ports: ["5000:5000"]\n';
    expect(found(blockList, 'docker-compose.yaml')).toEqual([['mlflow.server-without-auth', 4]]);
    expect(found(blockList.replace('      - --host\n      - 0.0.0.0\n', ''), 'docker-compose.yaml')).toEqual([]);
  });

  it('leaves the loopback default, an auth app, and a host from elsewhere alone', () => {
    expect(found('#!/bin/sh\nmlflow server --port 5000\n', 'serve.sh')).toEqual([]);
    expect(found('#!/bin/sh\nmlflow server --host 0.0.0.0 --app-name "$AUTH_APP"\n', 'serve.sh')).toEqual([]);
    expect(found('#!/bin/sh\nmlflow server --host "$HOST"\npip install mlflow==2.14.1\n', 'serve.sh')).toEqual([]);
    expect(found('import mlflow\nmlflow.set_tracking_uri("http://0.0.0.0:5000")\n', 'train.py')).toEqual([]);
  });
});
