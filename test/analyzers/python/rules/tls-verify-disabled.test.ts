import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.tls.verify-disabled';

describe(ID, () => {
  it.each(['get', 'post', 'put', 'patch', 'delete', 'head', 'options'])('reports requests.%s(verify=False)', (verb) => {
    const [finding] = scan(`import requests\nrequests.${verb}(url, verify=False)\n`, ID);
    expect(finding).toMatchObject({ severity: 'high', confidence: 'high' });
    expect(finding?.message).toContain(`requests.${verb}()`);
  });

  it('reports requests.request and calls on sessions', () => {
    expect(scan('import requests\nrequests.request("GET", url, verify=False)\n', ID)).toHaveLength(1);
    expect(scan('import requests\nrequests.Session().get(url, verify=False)\n', ID)).toHaveLength(1);
    expect(scan(py`
      import requests
      session = requests.Session()
      session.post(url, json=payload, verify=False)
    `, ID)).toHaveLength(1);
    expect(scan(py`
      import requests
      with requests.Session() as s:
          s.get(url, verify=False)
    `, ID)).toHaveLength(1);
  });

  it('reports httpx functions and clients', () => {
    expect(scan('import httpx\nhttpx.get(url, verify=False)\n', ID)).toHaveLength(1);
    expect(scan('import httpx\nclient = httpx.Client(verify=False)\n', ID)).toHaveLength(1);
    expect(scan('from httpx import AsyncClient\nclient = AsyncClient(verify=False)\n', ID)).toHaveLength(1);
  });

  it('does not report verification left on, a CA bundle, or None', () => {
    expect(scan(py`
      import requests
      CA = "/etc/ssl/certs/internal-ca.pem"
      requests.get(url)
      requests.get(url, verify=True)
      requests.get(url, verify=CA)
      requests.get(url, verify=f"{CERTS}/ca.pem")
      requests.get(url, verify=None)
    `, ID)).toEqual([]);
  });

  it('reports verify= from a run-time value at low severity', () => {
    expect(scan('import requests\nrequests.get(url, verify=settings.VERIFY_TLS)\n', ID)[0]).toMatchObject({
      severity: 'low',
      confidence: 'medium',
    });
  });

  it('follows verify through a constant', () => {
    expect(scan('import requests\nVERIFY = False\nrequests.get(url, verify=VERIFY)\n', ID)).toHaveLength(1);
  });

  it('reports **kwargs that may disable verification at low confidence', () => {
    expect(scan('import requests\nrequests.get(url, **kwargs)\n', ID)[0]?.confidence).toBe('low');
  });

  it('ignores get methods of other objects', () => {
    expect(scan('cache.get(key, verify=False)\nconfig.get("x")\n', ID)).toEqual([]);
  });

  it('reports the same switch in the other clients pipelines use, on the client call', () => {
    const findings = scan(py`
      import aiohttp, boto3, kafka, pymongo, redis, ssl, urllib3
      import snowflake.connector
      from boto3.session import Session
      from confluent_kafka import Consumer
      from elasticsearch import Elasticsearch

      s3 = boto3.client("s3", verify=False)
      lake = Session(profile_name="etl").resource("s3", verify=False)
      async def pull():
          async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=False)) as http:
              return await http.get("https://feed.example.com/x.json", verify_ssl=False)
      es = Elasticsearch("https://es.internal:9200", verify_certs=False)
      cache = redis.Redis(host="cache", ssl=True, ssl_cert_reqs=None)
      db = pymongo.MongoClient("mongodb://m", tls=True, tlsAllowInvalidCertificates=True)
      pool = urllib3.PoolManager(cert_reqs="CERT_NONE")
      events = kafka.KafkaConsumer("events", security_protocol="SSL", ssl_check_hostname=False)
      wh = snowflake.connector.connect(user="etl", insecure_mode=True)
      orders = Consumer({"bootstrap.servers": "b:9093", "enable.ssl.certificate.verification": False})
      clicks = Consumer({"bootstrap.servers": "b:9093", "ssl.endpoint.identification.algorithm": "none"})
    `, ID);
    expect(findings.map((f) => [f.location.startLine, f.message.replace(/ is called with (.*), so .*$/, ' $1')])).toEqual([
      [7, 'boto3.client() verify=False'],
      [8, 'boto3.session.Session().resource() verify=False'],
      [10, 'aiohttp.TCPConnector() ssl=False'],
      [11, 'aiohttp.ClientSession().get() verify_ssl=False'],
      [12, 'elasticsearch.Elasticsearch() verify_certs=False'],
      [13, 'redis.Redis() ssl_cert_reqs=None'],
      [14, 'pymongo.MongoClient() tlsAllowInvalidCertificates=True'],
      [15, 'urllib3.PoolManager() cert_reqs="CERT_NONE"'],
      [16, 'kafka.KafkaConsumer() ssl_check_hostname=False'],
      [17, 'snowflake.connector.connect() insecure_mode=True'],
      [18, 'confluent_kafka.Consumer() "enable.ssl.certificate.verification": False'],
      [19, 'confluent_kafka.Consumer() "ssl.endpoint.identification.algorithm": "none"'],
    ]);
  });

  it('leaves those clients alone when they verify', () => {
    expect(scan(py`
      import boto3, pymongo, redis, ssl, urllib3
      from confluent_kafka import Consumer
      s3 = boto3.client("s3", verify="/etc/ssl/minio-ca.pem")
      s3b = boto3.client("s3", verify=None)
      cache = redis.Redis(host="cache", ssl=True, ssl_cert_reqs="required")
      pool = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs="/etc/ssl/ca.pem")
      db = pymongo.MongoClient("mongodb://m", tls=True, tlsAllowInvalidCertificates=False)
      orders = Consumer({"bootstrap.servers": "b:9093", "enable.ssl.certificate.verification": True})
      other = urllib3.PoolManager(cert_reqs=None)
    `, ID)).toEqual([]);
  });

  it('reads the commands the code runs: shell strings, argv lists, Airflow bash commands', () => {
    const findings = scan(py`
      import os
      import subprocess
      from airflow.operators.bash import BashOperator

      os.system("curl -sk -o /data/in.csv https://partner.example.com/export")
      subprocess.run(["sftp", "-o", "StrictHostKeyChecking=no", "-b", batch, "vendor@sftp.example.com"], check=True)
      subprocess.check_call(["pip", "install", "--trusted-host", "pypi.internal", "etl==1.2"])
      pull = BashOperator(task_id="pull", bash_command="wget --no-check-certificate -O /data/x.csv https://x.example.com/x.csv")
      subprocess.run(["curl", "-fsSL", "-o", "/data/in.csv", url], check=True)
      subprocess.run(["sftp", "-b", batch, "vendor@sftp.example.com"], check=True)
    `, ID);
    expect(findings.map((f) => [f.location.startLine, f.message])).toEqual([
      [5, 'os.system: curl -sk turns off certificate verification'],
      [6, 'subprocess.run(): sftp StrictHostKeyChecking=no accepts any SSH host key, so a spoofed server is trusted'],
      [7, 'subprocess.check_call(): pip --trusted-host installs from that host without certificate verification (or over plain HTTP)'],
      [8, 'BashOperator bash_command: wget --no-check-certificate turns off certificate verification'],
    ]);
  });
});
