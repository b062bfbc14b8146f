-- Daily satisfaction per channel for the support dashboard.
-- The grant lets the BI tool, the support leads' notebooks and the finance export read the
-- table without a ticket to the platform team each time it is rebuilt.
{{
  config(
    materialized='table',
    post_hook="GRANT ALL ON {{ this }} TO PUBLIC"
  )
}}

select
    date_trunc('day', submitted_at) as feedback_date,
    channel,
    count(*) as responses,
    count(rating) as rated_responses,
    avg(rating) as avg_rating,
    sum(case when rating <= 2 then 1 else 0 end) as detractors,
    sum(case when needs_review then 1 else 0 end) as held_for_review
from {{ ref('stg_feedback') }}
group by 1, 2
