-- Staging view over the table the Airflow loader fills every night.
-- `feedback_filter` lets analysts narrow a run without editing the model, e.g.
--   dbt run --select stg_feedback+ --vars '{feedback_filter: "channel = ''app''"}'
{{ config(materialized='view') }}

select
    feedback_id,
    customer_hash,
    cast(submitted_at as timestamp) as submitted_at,
    cast(nullif(rating, '') as integer) as rating,
    lower(channel) as channel,
    comment,
    cast(needs_review as boolean) as needs_review,
    customer_email
from {{ source('landing', 'feedback_clean') }}
where {{ var('feedback_filter', '1 = 1') }}
