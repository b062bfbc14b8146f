import { resolved, type AppSetting } from '../setting.js';

/** `ray start --head --dashboard-host=0.0.0.0` on a command line (also in a JSON exec form or a YAML args list). */
const CLI_HOST = /--dashboard-host(?:=|[ \t]+|",[ \t]*")["']?([^\s"',\]]*)/g;
/** `ray.init(dashboard_host="0.0.0.0")` in Python. */
const INIT_HOST = /\bdashboard_host[ \t]*=[ \t]*["']([^"'\n]*)["']/g;

/** The address Ray's dashboard (and with it the Jobs API) is told to listen on, wherever a file says so. */
export function raySettings(fileName: string, text: string): AppSetting[] {
  if (!text.includes('dashboard')) return [];
  const pattern = fileName.endsWith('.py') ? INIT_HOST : CLI_HOST;
  return [...text.matchAll(pattern)].map((m) => ({
    app: 'ray',
    section: 'dashboard',
    option: 'host',
    value: resolved(m[1]!),
    start: m.index,
    end: m.index + m[0].length,
    spelling: fileName.endsWith('.py') ? 'dashboard_host' : '--dashboard-host',
  }));
}
