import { parseImageRef } from '../../inventory/containers.js';

/** Official and common images of databases, caches, queues, search engines and object stores (the name's last segment). */
const DATA_IMAGE =
  /^(postgres(ql)?|postgis|timescaledb(-ha)?|pgvector|mysql(-server)?|mariadb|mongo(db)?(-community-server|-enterprise-server)?|redis(-stack(-server)?)?|valkey|memcached|elasticsearch|opensearch|cassandra|clickhouse(-server)?|minio|rabbitmq|(cp-)?kafka|cp-server|redpanda|(cp-)?zookeeper|neo4j|couchdb|influxdb)$/;

/** Whether an image reference names a database, cache, queue, search engine or object store. */
export function isDataImage(reference: string): boolean {
  const name = parseImageRef(reference.trim()).name;
  return DATA_IMAGE.test(name.slice(name.lastIndexOf('/') + 1).toLowerCase());
}

/** Their well-known TCP ports; MinIO's and ClickHouse's 9000 is left out, as many web applications serve on it too. */
export const DATA_PORTS: ReadonlyMap<number, string> = new Map([
  [5432, 'PostgreSQL'],
  [3306, 'MySQL/MariaDB'],
  [27017, 'MongoDB'],
  [6379, 'Redis'],
  [11211, 'Memcached'],
  [9200, 'Elasticsearch/OpenSearch'],
  [9300, 'Elasticsearch transport'],
  [9042, 'Cassandra'],
  [8123, 'ClickHouse HTTP'],
  [5672, 'RabbitMQ'],
  [15672, 'RabbitMQ management'],
  [9092, 'Kafka'],
  [2181, 'ZooKeeper'],
  [7474, 'Neo4j HTTP'],
  [7687, 'Neo4j Bolt'],
  [5984, 'CouchDB'],
  [8086, 'InfluxDB'],
]);
