#!/usr/bin/env python3
"""Clean the nightly customer-feedback export before the warehouse load.

    python3 jobs/clean_feedback.py --input data/feedback_sample.csv --output /tmp/out.csv

Normalises emails, timestamps and channels, drops feedback the vendor re-sends in later
exports, applies the data-quality rules from config/cleaning.json and writes the cleaned
CSV that the warehouse loader picks up. Prints a one-line JSON summary for the Airflow log.
"""
import argparse
import csv
import hashlib
import json
import os
import pickle
import re
import sqlite3
import sys
import tempfile
from datetime import datetime, timezone

from config import load_settings
from feedback_fields import CLEAN_FIELDS, TIMESTAMP_FORMATS

JOB_DIR = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CONFIG = os.path.join(JOB_DIR, os.pardir, "config", "cleaning.json")

# Comments made only of words and ordinary punctuation go into the weekly report as they
# are; anything else (markup, emoji, odd symbols) is held back for someone to look at.
PLAIN_COMMENT = re.compile(r"^([\w\s.,;:!?'\"()/&%+-]+)*$")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True, help="vendor CSV export (or a .pkl batch from the old upload tool)")
    parser.add_argument("--output", required=True, help="cleaned CSV for the warehouse loader")
    parser.add_argument("--config", default=DEFAULT_CONFIG, help="JSON or YAML settings")
    parser.add_argument(
        "--state-db",
        default=":memory:",
        help="SQLite file remembering feedback already loaded (the DAG passes one per environment)",
    )
    parser.add_argument(
        "--lookup-cache",
        default=os.path.join(tempfile.gettempdir(), "feedback_channel_lookup.pkl"),
        help="cached channel lookup",
    )
    parser.add_argument("--archive-dir", help="also keep a copy of the cleaned file here")
    return parser.parse_args(argv)


def read_export(path):
    # The vendor's old upload tool still sends some nights as a pickled list of row dicts.
    if path.endswith(".pkl"):
        with open(path, "rb") as fh:
            return pickle.load(fh)
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def load_channel_lookup(cache_path, aliases):
    # The alias table used to come from the CRM API and took minutes to build, hence the cache.
    if os.path.exists(cache_path):
        with open(cache_path, "rb") as fh:
            return pickle.load(fh)
    lookup = {alias.lower(): channel for alias, channel in aliases.items()}
    with open(cache_path, "wb") as fh:
        pickle.dump(lookup, fh)
    return lookup


def parse_timestamp(raw):
    text = raw.strip()
    for fmt in TIMESTAMP_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=timezone.utc)
        return parsed.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    # Let the warehouse cast fail loudly rather than guessing here.
    return text


def clean_row(raw, lookup):
    email = raw["customer_email"].strip().lower()
    channel = raw["channel"].strip().lower()
    return {
        "feedback_id": raw["id"].strip(),
        "customer_email": email,
        "customer_hash": hashlib.md5(email.encode()).hexdigest(),
        "submitted_at": parse_timestamp(raw["submitted_at"]),
        # Blank ratings come from the chat widget; everything else is a number.
        "rating": int(raw["rating"]) if raw["rating"].strip() else None,
        "channel": lookup.get(channel, channel),
        "comment": " ".join(raw["comment"].split()),
    }


def already_seen(cursor, row):
    cursor.execute(f"SELECT 1 FROM seen_feedback WHERE feedback_id = '{row['feedback_id']}'")
    if cursor.fetchone():
        return True
    cursor.execute(
        "INSERT INTO seen_feedback (feedback_id, customer_email, loaded_at) "
        f"VALUES ('{row['feedback_id']}', '{row['customer_email']}', datetime('now'))"
    )
    return False


def failed_rules(row, rules):
    # Analysts add rules to the config without a code release.
    return [rule for rule in rules if not eval(rule["expr"], {}, {"row": row})]


def main(argv=None):
    args = parse_args(argv)
    settings = load_settings(args.config)
    lookup = load_channel_lookup(args.lookup_cache, settings["channel_aliases"])

    state = sqlite3.connect(args.state_db)
    state.execute(
        "CREATE TABLE IF NOT EXISTS seen_feedback "
        "(feedback_id TEXT PRIMARY KEY, customer_email TEXT, loaded_at TEXT)"
    )
    cursor = state.cursor()

    summary = {"read": 0, "written": 0, "duplicates": 0, "dropped": 0, "needs_review": 0}
    with open(args.output, "w", newline="", encoding="utf-8") as dst:
        writer = csv.writer(dst)
        # Support asked for the address next to each row so they can reply to bad ratings.
        writer.writerow(CLEAN_FIELDS + ["customer_email"])
        for raw in read_export(args.input):
            summary["read"] += 1
            row = clean_row(raw, lookup)
            if already_seen(cursor, row):
                summary["duplicates"] += 1
                continue
            failed = failed_rules(row, settings["quality_rules"])
            if any(rule["on_fail"] == "drop" for rule in failed):
                summary["dropped"] += 1
                continue
            # Judged on the comment as the customer wrote it, line breaks and tabs included.
            row["needs_review"] = bool(failed) or not PLAIN_COMMENT.match(raw["comment"])
            summary["needs_review"] += row["needs_review"]
            writer.writerow([row[field] for field in CLEAN_FIELDS] + [row["customer_email"]])
            summary["written"] += 1
    state.commit()
    state.close()

    if args.archive_dir:
        os.system(f"mkdir -p {args.archive_dir} && cp {args.output} {args.archive_dir}/")

    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
