"""Column layout of the vendor export and of the cleaned feed, shared by both cleaning jobs.

The vendor (our support-desk provider) exports one CSV per night. The warehouse loader and
the weekly report both expect the cleaned columns below in this order.
"""

EXPORT_FIELDS = ["id", "customer_email", "submitted_at", "rating", "channel", "comment"]

CLEAN_FIELDS = [
    "feedback_id",
    "customer_hash",
    "submitted_at",
    "rating",
    "channel",
    "comment",
    "needs_review",
]

# The vendor changed its timestamp format twice in 2023 and old exports get re-sent,
# so every format it has ever used has to stay accepted.
TIMESTAMP_FORMATS = [
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
]
