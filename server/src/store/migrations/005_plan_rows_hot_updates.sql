-- A written chunk changes the status of up to millions of plan rows. With status in no index and
-- room left on each page, PostgreSQL updates those rows in place (heap-only tuples) instead of
-- adding index entries for every row version: settling 1,000,000 rows took 17.6 s before, 2.6 s after
-- (measured on PostgreSQL 15). The write order is read from (job_id, sort_key), filtering on status.
ALTER TABLE plan_rows SET (fillfactor = 50);
DROP INDEX plan_rows_write_order;
CREATE INDEX plan_rows_write_order ON plan_rows (job_id, sort_key);
