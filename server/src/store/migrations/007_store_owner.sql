-- Which org this store's tasks belong to: job record Ids are only unique within one org (a sandbox
-- keeps production's Ids), so a store answers to one org. simulator_run is set for a store that
-- served a simulator started in the service's own process: that org ends with the process.
CREATE TABLE store_owner (
    singleton      boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    org_id         text        NOT NULL,
    simulator_run  text,
    bound_at       timestamptz NOT NULL DEFAULT now()
);
