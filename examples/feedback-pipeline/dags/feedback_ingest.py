"""Nightly customer-feedback ingestion.

download_export -> clean_feedback -> load_to_warehouse -> publish_report

Backfill a day by triggering the DAG with {"export_date": "2024-02-29"}; load into a
scratch schema with {"target_schema": "analytics_dev"}.
"""
import os
import subprocess
import sys
from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.operators.python import PythonOperator
from airflow.providers.postgres.hooks.postgres import PostgresHook

PIPELINE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(PIPELINE_DIR, "jobs"))

from fetch_export import download_export, unpack_export  # noqa: E402
from publish_report import build_report, publish  # noqa: E402

LANDING_DIR = "/data/landing/feedback"
ARCHIVE_DIR = "/data/archive/feedback"
REPORTS_DIR = "/data/reports/feedback"

default_args = {
    "owner": "data-platform",
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
    "email": ["data-platform-alerts@example.com"],
    "email_on_failure": True,
}


def _export_date(context):
    conf = context["dag_run"].conf or {}
    return conf.get("export_date", context["ds"])


def download(**context):
    date = _export_date(context)
    token = Variable.get("helpdesk_export_token")
    day_dir = os.path.join(LANDING_DIR, date)
    archive = download_export(date, token, day_dir)
    return unpack_export(archive, day_dir)


def clean(**context):
    raw_csv = context["ti"].xcom_pull(task_ids="download_export")
    date = _export_date(context)
    clean_csv = os.path.join(LANDING_DIR, date, "feedback_clean.csv")
    state_db = Variable.get("feedback_state_db", default_var="/data/state/feedback.db")
    # Run as a separate process so a crash in the job does not take the worker down with it.
    cmd = (
        f"python3 {PIPELINE_DIR}/jobs/clean_feedback.py --input {raw_csv} --output {clean_csv} "
        f"--state-db {state_db} --archive-dir {ARCHIVE_DIR}/{date}"
    )
    subprocess.run(cmd, shell=True, check=True)
    return clean_csv


def load(**context):
    clean_csv = context["ti"].xcom_pull(task_ids="clean_feedback")
    conf = context["dag_run"].conf or {}
    schema = conf.get("target_schema", Variable.get("feedback_schema", default_var="analytics"))
    date = _export_date(context)
    conn = PostgresHook(postgres_conn_id="warehouse").get_conn()
    cursor = conn.cursor()
    # Re-runs of a day replace that day's rows.
    cursor.execute(f"DELETE FROM {schema}.feedback_clean WHERE submitted_at::date = '{date}'")
    with open(clean_csv, encoding="utf-8") as fh:
        cursor.copy_expert(f"COPY {schema}.feedback_clean FROM STDIN WITH CSV HEADER", fh)
    conn.commit()


def report(**context):
    clean_csv = context["ti"].xcom_pull(task_ids="clean_feedback")
    date = _export_date(context)
    html = build_report(clean_csv, period=date)
    publish(html, os.path.join(REPORTS_DIR, f"{date}.html"), Variable.get("support_webhook_url"))


with DAG(
    dag_id="feedback_ingest",
    description="Nightly customer-feedback export from the support desk into the warehouse",
    default_args=default_args,
    schedule_interval="30 2 * * *",
    start_date=datetime(2023, 6, 1),
    catchup=False,
    max_active_runs=1,
    tags=["feedback", "pii"],
) as dag:
    download_export_task = PythonOperator(task_id="download_export", python_callable=download)
    clean_task = PythonOperator(task_id="clean_feedback", python_callable=clean)
    load_task = PythonOperator(task_id="load_to_warehouse", python_callable=load)
    report_task = PythonOperator(task_id="publish_report", python_callable=report)

    download_export_task >> clean_task >> load_task >> report_task
