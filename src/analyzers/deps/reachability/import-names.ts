/**
 * The top-level modules a PyPI distribution installs, where they differ from its name. The
 * default (the name with dashes turned into underscores) covers most packages.
 */
const IMPORT_NAMES: Record<string, string[]> = {
  pyyaml: ['yaml'],
  pillow: ['PIL'],
  'scikit-learn': ['sklearn'],
  'scikit-image': ['skimage'],
  beautifulsoup4: ['bs4'],
  'python-dateutil': ['dateutil'],
  'opencv-python': ['cv2'],
  'opencv-python-headless': ['cv2'],
  protobuf: ['google.protobuf'],
  'psycopg2-binary': ['psycopg2'],
  'psycopg-binary': ['psycopg'],
  pyjwt: ['jwt'],
  'apache-airflow': ['airflow'],
  'apache-beam': ['apache_beam'],
  attrs: ['attr', 'attrs'],
  'google-cloud-storage': ['google.cloud.storage'],
  'google-cloud-bigquery': ['google.cloud.bigquery'],
  'azure-storage-blob': ['azure.storage.blob'],
  'kafka-python': ['kafka'],
  'confluent-kafka': ['confluent_kafka'],
  pymongo: ['pymongo', 'bson', 'gridfs'],
  'mysql-connector-python': ['mysql.connector'],
  pycryptodome: ['Crypto'],
  pyopenssl: ['OpenSSL'],
  'python-multipart': ['multipart'],
  'snowflake-connector-python': ['snowflake.connector'],
  'typing-extensions': ['typing_extensions'],
  'great-expectations': ['great_expectations'],
  pytorch: ['torch'],
  'tensorflow-cpu': ['tensorflow'],
  'tensorflow-gpu': ['tensorflow'],
};

export function importNamesOf(pypiName: string): string[] {
  return IMPORT_NAMES[pypiName] ?? [pypiName.replace(/-/g, '_')];
}
