/** One option of a pipeline service (Airflow, Jupyter, Ray, Spark, MLflow, PostgreSQL, Redis, Elasticsearch) as a file sets it, and where its value is written. */
export interface AppSetting {
  app: 'airflow' | 'jupyter' | 'ray' | 'spark' | 'mlflow' | 'postgres' | 'redis' | 'search';
  /** Where the option lives: an airflow.cfg section in lower case ("core"), a Jupyter configurable class ("ServerApp"). */
  section: string;
  /** Lower case for Airflow, as written for Jupyter traits. */
  option: string;
  /** Unquoted; undefined when it comes from elsewhere (`${VAR}`, a template). */
  value: string | undefined;
  /** Offsets of the value (or, without one, of the option name) in the file. */
  start: number;
  end: number;
  /** How the file sets it: "[core] enable_xcom_pickling", "AIRFLOW__CORE__ENABLE_XCOM_PICKLING", "--ServerApp.token". */
  spelling: string;
}

/** The settings of `option` of `app` in one of `sections`. */
export function settingsOf(settings: readonly AppSetting[], app: AppSetting['app'], sections: readonly string[], ...options: string[]): AppSetting[] {
  return settings.filter((s) => s.app === app && sections.includes(s.section) && options.includes(s.option));
}

/** A value set elsewhere — `${VAR}`, `{{ template }}`, `$(cmd)` — is unknown here. */
export function resolved(value: string): string | undefined {
  return /\$\{|\{\{|\$\(|^\$[A-Za-z_]/.test(value) ? undefined : value;
}

/** Airflow's and traitlets' reading of a boolean option. */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(t|true|1)$/i.test(value.trim());
}

/** Whether a listen address accepts connections from other machines: 0.0.0.0, ::, * or empty (every interface). */
export function listensEverywhere(address: string | undefined): boolean {
  return address !== undefined && /^(0\.0\.0\.0|::|\[::\]|\*|)$/.test(address.trim());
}
