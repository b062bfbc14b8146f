import { endOfCommand } from '../command-line.js';
import { resolved, type AppSetting } from '../setting.js';

/** `mlflow server` / `mlflow ui`, also as JSON exec-form words (`"mlflow", "server"`). */
const START = /\bmlflow["']?(?:[ \t]+|["']?,[ \t]*["'])(server|ui)\b/g;
/** An option and its value after it: `--host 0.0.0.0`, `-h=0.0.0.0`, `"--host", "0.0.0.0"`. */
const option = (names: string) => new RegExp(`(?:^|[\\s"',\\[])(?:${names})(?:=|[ \\t]+|["'],[ \\t]*["'])["']?([^\\s"',\\]]*)`);
const HOST = option('--host|-h');
const APP_NAME = option('--app-name');

/**
 * The address each MLflow tracking server a file starts listens on, and the app it runs (basic-auth
 * or none), as settings of one section per command: the command's logical line, continuations joined.
 */
export function mlflowSettings(_fileName: string, text: string): AppSetting[] {
  if (!text.includes('mlflow')) return [];
  return [...text.matchAll(START)].flatMap((m) => {
    const end = endOfCommand(text, m.index);
    const command = text.slice(m.index, end);
    const section = `${m[1]}@${m.index}`;
    const host = HOST.exec(command);
    const app = APP_NAME.exec(command);
    const setting = (option: string, value: string | undefined): AppSetting => ({ app: 'mlflow', section, option, value, start: m.index, end, spelling: `mlflow ${m[1]}` });
    return [setting('host', host ? resolved(host[1]!) : '127.0.0.1'), ...(app ? [setting('app-name', resolved(app[1]!))] : [])];
  });
}
