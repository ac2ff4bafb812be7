-- Outputs derived from the warehouse (the mart, the Parquet lake) that a committed load made out
-- of date. A load adds its mark in its own transaction, so a crash between the load and the
-- rebuild still leaves the mark; each output's rebuild removes its marks once it is complete.
CREATE TABLE ops.stale_outputs (
  output    VARCHAR NOT NULL,          -- mart | lake
  load_id   VARCHAR NOT NULL,          -- the load that made it stale
  marked_at TIMESTAMPTZ NOT NULL
);
