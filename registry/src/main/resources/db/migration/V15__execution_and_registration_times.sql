-- Portal II's queue ageing: the journal time (epoch ms, the time of the document that made it) at which a trade was
-- executed and at which a participant was registered. The projector writes both for every new event; rows projected
-- before this version keep NULL (no age is shown for them) until the registry is rebuilt from the journal.

ALTER TABLE transfers ADD COLUMN executed_at BIGINT NULL;
ALTER TABLE transfers ADD CONSTRAINT transfers_executed_at_ck CHECK (executed_at IS NULL OR executed_at >= 0);
ALTER TABLE participants ADD COLUMN registered_at BIGINT NULL;
ALTER TABLE participants ADD CONSTRAINT participants_registered_at_ck CHECK (registered_at IS NULL OR registered_at >= 0);
CREATE INDEX custody_registrations_submitter_ix ON custody_registrations (submitted_by, custody_id);
