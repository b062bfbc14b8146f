import { describe, expect, it } from 'vitest';
import { jupyterSettings } from '../../../src/analyzers/app-config/jupyter/settings.js';
import { analyzeAppConfigText } from './scan.js';

const found = (code: string, file: string) => analyzeAppConfigText(code, file).findings.map((f) => [f.ruleId, f.severity, f.location.startLine]);

describe('Jupyter server options', () => {
  it('reads options on command lines, in JSON exec forms, quoted or empty, and in jupyter_*_config.py', () => {
    const values = (file: string, text: string) => jupyterSettings(file, text).map((s) => [s.section, s.option, s.value]);
    expect(values('Dockerfile', 'CMD ["jupyter", "lab", "--ip=0.0.0.0", "--ServerApp.token=", "--no-browser"]\n')).toEqual([
      ['ServerApp', 'ip', '0.0.0.0'],
      ['ServerApp', 'token', ''],
    ]);
    expect(values('start.sh', "jupyter notebook --NotebookApp.token='' --NotebookApp.password=\"\" --allow-root\n")).toEqual([
      ['NotebookApp', 'token', ''],
      ['NotebookApp', 'password', ''],
    ]);
    expect(values('compose.yaml', 'command: ["start-notebook.sh", "--IdentityProvider.token=\'\'"]\n')).toEqual([['IdentityProvider', 'token', '']]);
    expect(values('job.yaml', 'args:\n  - --ServerApp.token\n  - --ServerApp.disable_check_xsrf=True\n')).toEqual([['ServerApp', 'disable_check_xsrf', 'True']]);
    expect(values('start.sh', 'jupyter lab --IdentityProvider.token="${JUPYTER_TOKEN}"\n')).toEqual([['IdentityProvider', 'token', undefined]]);
    expect(values('jupyter_server_config.py', "c = get_config()\nc.ServerApp.ip = '0.0.0.0'\nc.IdentityProvider.token = ''\n  c.ServerApp.disable_check_xsrf = True\n")).toEqual([
      ['ServerApp', 'ip', '0.0.0.0'],
      ['IdentityProvider', 'token', ''],
      ['ServerApp', 'disable_check_xsrf', 'True'],
    ]);
    expect(values('start.sh', 'docker run --ip=10.0.0.5 image\n')).toEqual([]);
  });

  it('reports a server without token or password: critical on all interfaces, high otherwise, nothing with a password', () => {
    expect(found('FROM jupyter/base-notebook\nCMD ["jupyter", "lab", "--ip=0.0.0.0", "--ServerApp.token="]\n', 'Dockerfile')).toEqual([['jupyter.no-auth', 'critical', 2]]);
    expect(found("#!/bin/sh\nexec jupyter notebook --NotebookApp.token=''\n", 'start.sh')).toEqual([['jupyter.no-auth', 'high', 2]]);
    expect(found("#!/bin/sh\nexec jupyter lab --ip=0.0.0.0 --ServerApp.token='' --ServerApp.password='argon2:$argon2id$v=19$m=10240'\n", 'start.sh')).toEqual([]);
    expect(found("c = get_config()\nc.ServerApp.ip = '*'\nc.ServerApp.token = ''\nc.PasswordIdentityProvider.hashed_password = ''\n", 'jupyter_server_config.py')).toEqual([['jupyter.no-auth', 'critical', 3]]);
    expect(found('#!/bin/sh\nexec jupyter lab --ip=0.0.0.0 --IdentityProvider.token="$JUPYTER_TOKEN"\n', 'start.sh')).toEqual([]);
  });

  it('reads jupyter_*_config.json, placing each option on its key, and reports one that is not JSON as a scan error', () => {
    const json = '{\n  "ServerApp": {\n    "ip": "0.0.0.0",\n    "token": "",\n    "disable_check_xsrf": true\n  }\n}\n';
    expect(found(json, 'jupyter_server_config.json')).toEqual([
      ['jupyter.no-auth', 'critical', 4],
      ['jupyter.xsrf-check-disabled', 'medium', 5],
    ]);
    expect(found('{"ServerApp": {"a(b": 1, "[x": "", "token": "", "ip": ""}}', 'jupyter_server_config.json')).toEqual([['jupyter.no-auth', 'critical', 1]]);
    const broken = analyzeAppConfigText('{"ServerApp": {"token": ""', 'jupyter_server_config.json');
    expect(broken.findings).toEqual([]);
    expect(broken.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^cannot parse jupyter_server_config\.json: invalid JSON/)]);
  });

  it('reports a token written into the file: high when short on all interfaces, medium otherwise, nothing when generated or from the environment', () => {
    const cmd = '["jupyter", "notebook", "--ip=0.0.0.0", "--port=19888", "--NotebookApp.token=\'1234\'", "--NotebookApp.password=\'1234\'"]';
    expect(found(`FROM spark:3.5.1\nCMD ${cmd}\n`, 'Dockerfile')).toEqual([['jupyter.fixed-token', 'high', 2]]);
    expect(analyzeAppConfigText(`FROM spark:3.5.1\nCMD ${cmd}\n`, 'Dockerfile').findings[0]!.message).toBe(
      "--NotebookApp.token is fixed in the file (4 characters): whoever reads it or pulls the image can run code in the server, and a token this short is guessed (listening on all interfaces)",
    );
    expect(found("c = get_config()\nc.IdentityProvider.token = '9f2c4e7a1b3d5f608e2a4c6b8d0f1e3a5c7b9d2f4e6a8c0b'\n", 'jupyter_server_config.py')).toEqual([['jupyter.fixed-token', 'medium', 2]]);
    expect(found('#!/bin/sh\nexec jupyter lab --ip=0.0.0.0 --IdentityProvider.token="$JUPYTER_TOKEN"\n', 'start.sh')).toEqual([]);
    expect(found('#!/bin/sh\nexec jupyter lab --ip=0.0.0.0\n', 'start.sh')).toEqual([]);
  });

  it('reports any-origin CORS and the XSRF check switched off', () => {
    const config = "c = get_config()\nc.ServerApp.allow_origin = '*'\nc.NotebookApp.allow_origin_pat = '.*'\nc.ServerApp.disable_check_xsrf = True\nc.ServerApp.allow_origin = 'https://hub.example.com'\n";
    expect(found(config, 'jupyter_server_config.py')).toEqual([
      ['jupyter.cors-any-origin', 'medium', 2],
      ['jupyter.cors-any-origin', 'medium', 3],
      ['jupyter.xsrf-check-disabled', 'medium', 4],
    ]);
  });
});
