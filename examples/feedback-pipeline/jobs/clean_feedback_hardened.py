#!/usr/bin/env python3
"""Clean the nightly customer-feedback export (hardened version of clean_feedback.py).

    python3 jobs/clean_feedback_hardened.py --input data/feedback_sample.csv --output /tmp/out.csv

Same input, cleaned columns and quality rules as clean_feedback.py, but: every row is
validated and a bad row is set aside instead of stopping the run, SQL is parameterised,
quality rules are named checks rather than code from config, nothing is unpickled, emails
are pseudonymised with a keyed hash and never written out, and text cells cannot be read
as spreadsheet formulas by whoever opens the file. Values no real feedback can hold are
neutralised (an impossible rating is blanked, an unknown channel becomes "other", both flagged
for review) or rejected (a timestamp in the future, a re-sent record under a new id), and
every record set aside is logged with its input line and the reason.
"""
import argparse
import csv
import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import sqlite3
import sys
import tempfile
from datetime import datetime, timedelta, timezone

from feedback_fields import CLEAN_FIELDS, EXPORT_FIELDS, TIMESTAMP_FORMATS

JOB_DIR = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CONFIG = os.path.join(JOB_DIR, os.pardir, "config", "cleaning.json")

MAX_EMAIL_CHARS = 254
MAX_COMMENT_CHARS = 2000
FEEDBACK_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
RATING = re.compile(r"[0-9]{1,2}")
# A single quantified character class: matching time grows linearly with the comment.
PLAIN_COMMENT = re.compile(r"[\w\s.,;:!?'\"()/&%+-]*")
# Excel, LibreOffice and Google Sheets evaluate a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Comments shaped like markup, template, SQL or a path climb are held back for review rather
# than loaded: the warehouse, the HTML report and the analysts' tools downstream all trust them.
CODE_LIKE = re.compile(
    r"<[a-z/!%?]|\{\{|\{%|\$\{|\.\.[/\\]|%2e%2e|'\s*(or|and)\s+'|;\s*(drop|delete|insert|update|alter)\b|\bunion\s+select\b",
    re.IGNORECASE,
)
INVALID_UTF8 = re.compile("[\udc80-\udcff]")
# Vendor exports put whole email threads into one cell; the csv module's default limit is 128 KiB.
MAX_CELL_CHARS = 16 * 1024 * 1024
KNOWN_CHANNELS = frozenset({"email", "web", "app", "phone", "chat"})
RATINGS = range(1, 6)
# Clocks drift and time zones differ; anything later than this is not a real submission.
CLOCK_SKEW = timedelta(hours=24)

# The rules cleaning.json may name; its "expr" strings are documentation here, never run.
QUALITY_CHECKS = {
    "rating_in_range": lambda row: row["rating"] is None or 1 <= row["rating"] <= 5,
    "has_rating_or_comment": lambda row: row["rating"] is not None or row["comment"] != "" or row["comment_withheld"],
    "known_channel": lambda row: row["channel"] in KNOWN_CHANNELS,
}


class RejectedRow(ValueError):
    """A row that cannot be cleaned; it goes to the rejects file with this message."""


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True, help="vendor CSV export")
    parser.add_argument("--output", required=True, help="cleaned CSV for the warehouse loader")
    parser.add_argument("--config", default=DEFAULT_CONFIG, help="JSON settings")
    parser.add_argument("--state-db", default=":memory:", help="SQLite file remembering feedback already loaded")
    parser.add_argument("--rejects", help="CSV file for rows that could not be cleaned")
    parser.add_argument("--archive-dir", help="also keep a copy of the cleaned file here")
    return parser.parse_args(argv)


def load_settings(path):
    with open(path, encoding="utf-8") as handle:
        settings = json.load(handle)
    aliases = settings.get("channel_aliases")
    if not isinstance(aliases, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in aliases.items()
    ):
        raise SystemExit(f"{path}: channel_aliases must map strings to strings")
    rules = settings.get("quality_rules")
    if not isinstance(rules, list):
        raise SystemExit(f"{path}: quality_rules must be a list")
    for rule in rules:
        if not isinstance(rule, dict) or rule.get("name") not in QUALITY_CHECKS:
            raise SystemExit(f"{path}: unknown quality rule {rule!r}; known: {', '.join(QUALITY_CHECKS)}")
        if rule.get("on_fail") not in ("drop", "review"):
            raise SystemExit(f"{path}: rule {rule['name']} needs on_fail 'drop' or 'review'")
    return {alias.lower(): channel for alias, channel in aliases.items()}, rules


def pseudonym_key():
    key = os.environ.get("FEEDBACK_PSEUDONYM_KEY")
    if key:
        return key.encode()
    # Without the shared key, hashes are only comparable within this run: safe, if less useful.
    print("FEEDBACK_PSEUDONYM_KEY not set: customer hashes are random for this run", file=sys.stderr)
    return secrets.token_bytes(32)


def parse_timestamp(text):
    for fmt in TIMESTAMP_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=timezone.utc)
        if parsed > datetime.now(timezone.utc) + CLOCK_SKEW:
            raise RejectedRow("submitted_at is in the future")
        return parsed.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    raise RejectedRow("submitted_at is not in a known timestamp format")


def validate_row(raw, lookup, key):
    # DictReader puts surplus cells under None and fills missing ones with None.
    if None in raw or any(raw.get(field) is None for field in EXPORT_FIELDS):
        raise RejectedRow("wrong number of columns")
    # Bytes that are not UTF-8 were read as lone surrogates (surrogateescape): one bad row, not a bad file.
    if any(INVALID_UTF8.search(value) for value in raw.values()):
        raise RejectedRow("not valid UTF-8")
    feedback_id = raw["id"].strip()
    if not FEEDBACK_ID.fullmatch(feedback_id):
        raise RejectedRow("id is not a vendor feedback id")
    email = raw["customer_email"].strip().lower()
    if len(email) > MAX_EMAIL_CHARS or not EMAIL.fullmatch(email):
        raise RejectedRow("customer_email is not an email address")
    rating_text = raw["rating"].strip()
    if rating_text and not RATING.fullmatch(rating_text):
        raise RejectedRow("rating is not a whole number")
    rating = int(rating_text) if rating_text else None
    channel = lookup.get(raw["channel"].strip().lower())
    comment = " ".join(raw["comment"].split())[:MAX_COMMENT_CHARS]
    return {
        "feedback_id": feedback_id,
        "customer_hash": hmac.new(key, email.encode(), hashlib.sha256).hexdigest(),
        "submitted_at": parse_timestamp(raw["submitted_at"].strip()),
        # Kept for review, but an impossible rating must not skew the averages.
        "rating": rating if rating is None or rating in RATINGS else None,
        "rating_out_of_range": rating is not None and rating not in RATINGS,
        "channel": channel if channel in KNOWN_CHANNELS else "other",
        "comment": "" if CODE_LIKE.search(comment) else comment,
        "comment_withheld": bool(CODE_LIKE.search(comment)),
    }


def content_key(row):
    """The vendor re-sends old feedback under new ids: same customer, same time, same words."""
    return row["customer_hash"], row["submitted_at"], row["comment"].casefold()


def first_sighting(state, row):
    cursor = state.execute(
        "INSERT OR IGNORE INTO seen_feedback (feedback_id, customer_hash, loaded_at) "
        "VALUES (?, ?, datetime('now'))",
        (row["feedback_id"], row["customer_hash"]),
    )
    return cursor.rowcount == 1


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def main(argv=None):
    args = parse_args(argv)
    if args.input.endswith(".pkl"):
        print(f"{args.input}: pickled uploads are not accepted (loading one runs code); export CSV", file=sys.stderr)
        return 2
    lookup, rules = load_settings(args.config)
    key = pseudonym_key()
    csv.field_size_limit(MAX_CELL_CHARS)

    state = sqlite3.connect(args.state_db)
    state.execute(
        "CREATE TABLE IF NOT EXISTS seen_feedback "
        "(feedback_id TEXT PRIMARY KEY, customer_hash TEXT, loaded_at TEXT)"
    )

    summary = {"read": 0, "written": 0, "duplicates": 0, "dropped": 0, "needs_review": 0, "rejected": 0}
    rejects = []
    # Write next to the target and rename at the end, so the loader never sees half a file.
    out_dir = os.path.dirname(os.path.abspath(args.output))
    fd, partial = tempfile.mkstemp(prefix=".clean-", suffix=".csv", dir=out_dir)
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as dst, open(
            args.input, newline="", encoding="utf-8-sig", errors="surrogateescape"
        ) as src:
            writer = csv.writer(dst)
            writer.writerow(CLEAN_FIELDS)
            reader = csv.DictReader(src)
            first_by_content = {}
            for raw in reader:
                summary["read"] += 1
                where = f"{args.input}:{reader.line_num}"
                try:
                    row = validate_row(raw, lookup, key)
                except RejectedRow as exc:
                    rejects.append((reader.line_num, str(exc), raw))
                    continue
                earlier = first_by_content.get(content_key(row))
                if earlier or not first_sighting(state, row):
                    summary["duplicates"] += 1
                    print(f"{where}: skipped: {row['feedback_id']} repeats {earlier or 'feedback already loaded'}", file=sys.stderr)
                    continue
                first_by_content[content_key(row)] = row["feedback_id"]
                failed = [rule for rule in rules if not QUALITY_CHECKS[rule["name"]](row)]
                if any(rule["on_fail"] == "drop" for rule in failed):
                    summary["dropped"] += 1
                    print(f"{where}: dropped: fails {', '.join(rule['name'] for rule in failed)}", file=sys.stderr)
                    continue
                if row["comment_withheld"]:
                    print(f"{where}: comment of {row['feedback_id']} withheld for review: it looks like markup or code", file=sys.stderr)
                row["needs_review"] = (
                    bool(failed)
                    or row["rating_out_of_range"]
                    or row["comment_withheld"]
                    or not PLAIN_COMMENT.fullmatch(row["comment"])
                )
                summary["needs_review"] += row["needs_review"]
                writer.writerow([neutralise(row[field]) for field in CLEAN_FIELDS])
                summary["written"] += 1
        os.replace(partial, args.output)
    except csv.Error as exc:
        print(f"{args.input}: unreadable export: {exc}", file=sys.stderr)
        return 1
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    state.commit()
    state.close()

    summary["rejected"] = len(rejects)
    for line, reason, _ in rejects:
        print(f"{args.input}:{line}: rejected: {reason}", file=sys.stderr)
    if args.rejects:
        write_rejects(args.rejects, rejects)
    if args.archive_dir:
        os.makedirs(args.archive_dir, exist_ok=True)
        shutil.copy2(args.output, args.archive_dir)

    print(json.dumps(summary))
    return 0


def write_rejects(path, rejects):
    with open(path, "w", newline="", encoding="utf-8", errors="backslashreplace") as handle:
        writer = csv.writer(handle)
        writer.writerow(["line", "reason"] + EXPORT_FIELDS)
        for line, reason, raw in rejects:
            writer.writerow([line, reason] + [neutralise(raw.get(field) or "") for field in EXPORT_FIELDS])


if __name__ == "__main__":
    sys.exit(main())
