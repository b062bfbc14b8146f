import { namedLiteral, QUOTED_CHAR, randomLiteral, VALUE_CHAR } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

/**
 * Passwords are chosen by people, so the bar is lower than for random tokens: at least 6
 * characters and 2.5 bits per character, which keeps `Summer2024!` (≈3.3) and `s3cr3tpw` (2.75) but drops
 * `aaaaaa1` and `abcabc`.
 */
export const GENERIC_PASSWORD_MIN_ENTROPY = 2.5;
export const GENERIC_PASSWORD_MIN_LENGTH = 6;

const KEYWORD = String.raw`(?:password|passwd|passphrase|pwd)`;

export const genericPassword = secretRule({
  id: 'secret.generic-password',
  title: 'Hard-coded password',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-798', 'CWE-259'],
  specificity: 'generic',
  what:
    'Finds a literal assigned to a password-like name (password, passwd, passphrase, pwd — DB_PASSWORD, "password": …, ' +
    `password=… in a call) of at least ${GENERIC_PASSWORD_MIN_LENGTH} characters and ${GENERIC_PASSWORD_MIN_ENTROPY} bits ` +
    'of entropy per character, in code, config, .env files, Dockerfile ENV/ARG and compose files. Placeholders, ' +
    'references (${VAR}, {{ … }}), names of secrets and paths are left out.',
  why: 'A password in the repository is shared with everyone who can read it, forever: forks, CI logs, laptops and the history after the line is deleted.',
  remediation: 'Change the password on the system it opens, and read it at run time from the environment, a mounted secret or a secret store.',
  anchors: ['password', 'passwd', 'passphrase', 'pwd'],
  startsAtAnchor: true,
  pattern: namedLiteral(KEYWORD, `${QUOTED_CHAR}{${GENERIC_PASSWORD_MIN_LENGTH},200}`, `${VALUE_CHAR}{${GENERIC_PASSWORD_MIN_LENGTH},200}`),
  verify: randomLiteral(GENERIC_PASSWORD_MIN_ENTROPY),
  bad: [
    { file: 'etl/settings.py', code: 'DATABASES = {"default": {"USER": "etl", "PASSWORD": "Summer2024!"}}\n' },
    { file: 'docker/Dockerfile', code: 'FROM python:3.12-slim\nENV DB_PASSWORD=Wareh0usePw\n' },
    { file: 'docker-compose.yml', code: 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: Pg5ecretW0rd\n' },
  ],
  good: [
    { file: 'etl/settings.py', code: 'DATABASES = {"default": {"USER": "etl", "PASSWORD": os.environ["DB_PASSWORD"]}}\nconn = connect(password=db_password)\n' },
    { file: 'docker-compose.yml', code: 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/pg_password\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n' },
  ],
  bandit: ['B105', 'B106', 'B107'],
  references: ['https://cwe.mitre.org/data/definitions/259.html', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
});
