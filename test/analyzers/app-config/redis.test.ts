import { describe, expect, it } from 'vitest';
import { analyzeAppConfigText } from './scan.js';

const found = (code: string, file: string) => analyzeAppConfigText(code, file).findings.map((f) => [f.ruleId, f.location.startLine]);

describe('redis.open-without-password', () => {
  it('reports protected mode off without a password, in redis.conf and per redis-server command', () => {
    expect(found('bind 0.0.0.0\nprotected-mode no\nappendonly yes\n', 'redis.conf')).toEqual([['redis.open-without-password', 2]]);
    const script = '#!/bin/sh\nredis-server --protected-mode no \\\n  --port 6380 &\nredis-server --protected-mode no --requirepass "$PASS"\n';
    expect(found(script, 'start-brokers.sh')).toEqual([['redis.open-without-password', 2]]);
    expect(found('FROM redis:7.2\nCMD ["redis-server", "--protected-mode", "no"]\n', 'Dockerfile')).toEqual([['redis.open-without-password', 2]]);
  });

  it('reads a command written as a YAML block list as one command line, at the lines the file has', () => {
    const compose = 'services:\n  broker:\n    image: redis:7.2\n    command:\n      - redis-server\n      - --protected-mode\n      - "no"\n    ports: ["6379:6379"]\n';
    expect(found(compose, 'docker-compose.yml')).toEqual([['redis.open-without-password', 6]]);
    expect(found(compose.replace(/\n/g, '\r\n'), 'docker-compose.yml')).toEqual([['redis.open-without-password', 6]]);
    const manifest =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broker\nspec:\n  containers:\n    - name: redis\n      image: redis:7.2\n      command:\n      - redis-server\n      - --protected-mode\n      - "no"\n      - --requirepass\n      - $(REDIS_PASSWORD)\n';
    expect(found(manifest, 'k8s/broker.yaml')).toEqual([]);
    expect(found(manifest.replace('      - --requirepass\n      - $(REDIS_PASSWORD)\n', ''), 'k8s/broker.yaml')).toEqual([['redis.open-without-password', 11]]);
  });

  it('leaves a password, protected mode on, and other files alone', () => {
    expect(found('protected-mode no\nrequirepass s3cr3t-from-vault\n', 'redis-broker.conf')).toEqual([]);
    expect(found('protected-mode yes\n', 'redis.conf')).toEqual([]);
    expect(found('protected-mode no\n', 'nginx.conf')).toEqual([]);
  });
});
