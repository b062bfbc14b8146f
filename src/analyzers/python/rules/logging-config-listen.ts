import { calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';

export const loggingConfigListen: PythonRule = {
  id: 'py.logging.config-listen',
  title: 'logging.config.listen() accepts configuration that runs code',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-94'],
  what: 'Finds logging.config.listen(), which opens a socket that applies any logging configuration sent to it (Bandit B612).',
  why:
    'A logging configuration can name arbitrary classes and factories to instantiate, so whoever can reach the port — ' +
    'any process on a shared worker, or the network when it binds widely — runs code inside the job.',
  remediation: 'Configure logging from a file shipped with the job; if live reconfiguration is needed, pass verify= to authenticate the payload.',
  bad: [{ file: 'jobs/service.py', code: 'import logging.config\n\nlistener = logging.config.listen(9030)\nlistener.start()\n' }],
  good: [{ file: 'jobs/service.py', code: 'import logging.config\n\nlogging.config.fileConfig("logging.ini")\n' }],
  bandit: ['B612'],
  references: ['https://docs.python.org/3/library/logging.config.html#logging.config.listen', 'https://bandit.readthedocs.io/en/latest/plugins/b612_logging_config_insecure_listen.html'],
  onCall(call, ctx) {
    if (calls(call, ['logging.config.listen']) && !call.keywords.has('verify') && !call.hasSplat) {
      ctx.report(call.node, { message: 'logging.config.listen() without verify= applies, and so runs, whatever configuration reaches its port' });
    }
  },
};
