-- The lead grid filtered to the leads that reached a funnel step (the dashboard's drill-down), newest
-- first: reach >= k is read as one range of this index per step (k..Won), merged, instead of walking
-- the creation index past the many newer leads that have not got that far.
CREATE INDEX ix_leads_reach_created ON leads (reach, created_at, id);
