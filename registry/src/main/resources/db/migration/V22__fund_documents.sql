-- Fund documents (issue 21, rules version 6): a fund's manager registers documents that the data room of every listing
-- and offer of the fund shows. A row is a listing's own document (listing_id and holder) or a fund's (fund_code);
-- registered_by names who registered it: the holder, or the fund's manager.

ALTER TABLE data_room_documents ADD COLUMN fund_code VARCHAR(64);
ALTER TABLE data_room_documents ADD COLUMN registered_by VARCHAR(64);
UPDATE data_room_documents SET registered_by = holder;
ALTER TABLE data_room_documents ALTER COLUMN registered_by SET NOT NULL;
ALTER TABLE data_room_documents ALTER COLUMN listing_id DROP NOT NULL;
ALTER TABLE data_room_documents ALTER COLUMN holder DROP NOT NULL;
ALTER TABLE data_room_documents ADD CONSTRAINT data_room_documents_subject_ck
    CHECK ((listing_id IS NOT NULL AND holder IS NOT NULL AND fund_code IS NULL)
        OR (listing_id IS NULL AND holder IS NULL AND fund_code IS NOT NULL));
ALTER TABLE data_room_documents ADD CONSTRAINT data_room_documents_fund_digest_uq UNIQUE (fund_code, digest);
ALTER TABLE data_room_documents ADD CONSTRAINT data_room_documents_fund_fk FOREIGN KEY (fund_code) REFERENCES funds (code);
ALTER TABLE data_room_documents ADD CONSTRAINT data_room_documents_registered_by_fk
    FOREIGN KEY (registered_by) REFERENCES participants (id);
CREATE INDEX data_room_documents_fund_ix ON data_room_documents (fund_code, document_id);
