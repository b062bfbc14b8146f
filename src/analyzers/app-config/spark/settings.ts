import { resolved, type AppSetting } from '../setting.js';

/** Spark properties whose values are judged here. */
const JUDGED = 'spark\\.master\\.rest\\.enabled';
/**
 * A property and its value as Spark is given it: spark-defaults.conf (`key value`), `--conf key=value`,
 * `-Dkey=value` in SPARK_MASTER_OPTS, `.config("key", "value")` / `.set("key", "value")` in code, or
 * `key: value` in YAML.
 */
const PROPERTY = new RegExp(`(${JUDGED})["']?(?:[ \\t]*[=:][ \\t]*|[ \\t]+|["']?[ \\t]*,[ \\t]*)["']?([\\w.\${}-]*)`, 'g');

/** The Spark properties a file sets, wherever it sets them. */
export function sparkSettings(_fileName: string, text: string): AppSetting[] {
  if (!text.includes('spark.master.rest')) return [];
  return [...text.matchAll(PROPERTY)].map((m) => ({
    app: 'spark',
    section: 'conf',
    option: m[1]!,
    value: resolved(m[2]!),
    start: m.index,
    end: m.index + m[0].length,
    spelling: m[1]!,
  }));
}
