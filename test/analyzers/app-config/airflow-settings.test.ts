import { describe, expect, it } from 'vitest';
import { airflowSettings } from '../../../src/analyzers/app-config/airflow/settings.js';
import type { AppSetting } from '../../../src/analyzers/app-config/setting.js';

/** Each setting as section, option, value and the text its offsets cover. */
const read = (file: string, text: string) => airflowSettings(file, text).map((s: AppSetting) => [s.section, s.option, s.value, text.slice(s.start, s.end)]);

describe('Airflow settings', () => {
  it('reads airflow.cfg by section, either separator, keeping an empty value and leaving templated ones unknown', () => {
    const text = '[core]\r\nfernet_key =\r\nenable_xcom_pickling: True\r\n# expose_config = True\r\n[webserver]\r\nsecret_key = {SECRET_KEY}\r\nbase_url = ${BASE}\r\n';
    expect(read('airflow.cfg', text)).toEqual([
      ['core', 'fernet_key', '', ''],
      ['core', 'enable_xcom_pickling', 'True', 'True'],
      ['webserver', 'secret_key', '{SECRET_KEY}', '{SECRET_KEY}'],
      ['webserver', 'base_url', undefined, '${BASE}'],
    ]);
  });

  it('reads AIRFLOW__ variables in .env, shell, compose maps and lists, Dockerfile ENV, Kubernetes env and Python dicts', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['.env', 'AIRFLOW__CORE__ENABLE_XCOM_PICKLING=True\n', 'True'],
      ['start.sh', 'export AIRFLOW__CORE__ENABLE_XCOM_PICKLING="true"\n', 'true'],
      ['docker-compose.yaml', "    AIRFLOW__CORE__FERNET_KEY: ''\n", ''],
      ['docker-compose.yaml', '      - AIRFLOW__CORE__ENABLE_XCOM_PICKLING=1\n', '1'],
      ['Dockerfile', 'ENV AIRFLOW__CORE__ENABLE_XCOM_PICKLING True\n', 'True'],
      ['deploy.yaml', '        - name: AIRFLOW__CORE__ENABLE_XCOM_PICKLING\n          value: "True"\n', 'True'],
      ['deploy.yaml', '        - { name: "AIRFLOW__CORE__ENABLE_XCOM_PICKLING", value: "True" }\n', 'True'],
      ['dag.py', 'env_vars = {"AIRFLOW__CORE__ENABLE_XCOM_PICKLING": "True"}\n', 'True'],
      ['.env', 'AIRFLOW__CORE__ENABLE_XCOM_PICKLING=${PICKLING}\n', undefined],
    ];
    for (const [file, text, value] of cases) {
      const [setting] = airflowSettings(file, text);
      expect([file, setting?.section, setting?.option, setting?.value]).toEqual([file, 'core', expect.stringMatching(/^(enable_xcom_pickling|fernet_key)$/), value]);
      if (value) expect(text.slice(setting!.start, setting!.end)).toBe(value);
    }
  });

  it('reads the Helm chart’s config: values by section, on the value without its quotes', () => {
    const text = "airflowVersion: 2.10.5\nconfig:\n  core:\n    enable_xcom_pickling: 'True'\n    load_examples: False\n  webserver:\n    expose_config: \"{{ .Values.expose }}\"\nenv:\n  - name: AIRFLOW__API__AUTH_BACKENDS\n    value: airflow.api.auth.backend.default\n";
    expect(read('values.yaml', text)).toEqual([
      ['core', 'enable_xcom_pickling', 'True', 'True'],
      ['core', 'load_examples', 'False', 'False'],
      ['webserver', 'expose_config', undefined, '{{ .Values.expose }}'],
      ['api', 'auth_backends', 'airflow.api.auth.backend.default', 'airflow.api.auth.backend.default'],
    ]);
    expect(airflowSettings('values.yaml', 'config:\n  core: &c\n    enable_xcom_pickling: x\nother: *c\n')).toHaveLength(1);
    expect(airflowSettings('values.yaml', 'config: [1, 2\n')).toEqual([]);
    expect(airflowSettings('values.yaml', `config:\n  core: ${'['.repeat(200_000)}\n`)).toEqual([]);
  });

  it('takes no value from a secret reference, a variable read in code, or prose', () => {
    expect(airflowSettings('deploy.yaml', '- name: AIRFLOW__CORE__FERNET_KEY\n  valueFrom:\n    secretKeyRef: {name: airflow, key: fernet}\n')).toEqual([]);
    expect(airflowSettings('dag.py', 'key = os.environ["AIRFLOW__CORE__FERNET_KEY"]\n')).toEqual([]);
    expect(airflowSettings('.env', 'AIRFLOW__CORE__FERNET_KEY_CMD=cat /run/secrets/fernet\n').map((s) => s.option)).toEqual(['fernet_key_cmd']);
    expect(airflowSettings('notes.cfg', '[core]\nenable_xcom_pickling = True\n')).toEqual([]);
  });
});
