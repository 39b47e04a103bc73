-- The data room (issue 21): documents by listing (or offer) id, NDA acceptances and the access log. The bytes of each
-- document are in the node's document store (D/documents), never here; the journal and these rows hold the digest.

CREATE TABLE data_room_documents (
    document_id   BIGINT       NOT NULL, -- the index of the RegisterDocument command
    listing_id    BIGINT       NOT NULL, -- a listing's or an offer's id
    holder        VARCHAR(64)  NOT NULL,
    digest        VARCHAR(64)  NOT NULL,
    kind          VARCHAR(32)  NOT NULL,
    title         VARCHAR(200) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    pages         INTEGER      NOT NULL,
    nda_version   INTEGER      NOT NULL, -- 0 unless kind = 'NDA'
    registered_at BIGINT       NOT NULL, -- journal time, epoch ms
    CONSTRAINT data_room_documents_pk PRIMARY KEY (document_id),
    CONSTRAINT data_room_documents_holder_fk FOREIGN KEY (holder) REFERENCES participants (id),
    CONSTRAINT data_room_documents_listing_digest_uq UNIQUE (listing_id, digest),
    CONSTRAINT data_room_documents_digest_ck CHECK (char_length(digest) = 64),
    CONSTRAINT data_room_documents_size_ck CHECK (size_bytes > 0 AND pages > 0),
    CONSTRAINT data_room_documents_nda_ck CHECK ((kind = 'NDA' AND nda_version > 0) OR (kind <> 'NDA' AND nda_version = 0))
);

-- Every NdaAccepted, in journal order.
CREATE TABLE nda_acceptances (
    source_index BIGINT      NOT NULL,
    listing_id   BIGINT      NOT NULL,
    investor     VARCHAR(64) NOT NULL,
    holder       VARCHAR(64) NOT NULL,
    version      INTEGER     NOT NULL,
    digest       VARCHAR(64) NOT NULL,
    accepted_at  BIGINT      NOT NULL, -- journal time, epoch ms
    CONSTRAINT nda_acceptances_pk PRIMARY KEY (source_index),
    CONSTRAINT nda_acceptances_investor_fk FOREIGN KEY (investor) REFERENCES participants (id),
    CONSTRAINT nda_acceptances_version_ck CHECK (version > 0)
);

-- The access log: every DocumentOpened, in journal order.
CREATE TABLE data_room_openings (
    source_index BIGINT      NOT NULL,
    document_id  BIGINT      NOT NULL,
    listing_id   BIGINT      NOT NULL,
    viewer       VARCHAR(64) NOT NULL,
    holder       VARCHAR(64) NOT NULL,
    digest       VARCHAR(64) NOT NULL,
    opened_at    BIGINT      NOT NULL, -- journal time, epoch ms
    CONSTRAINT data_room_openings_pk PRIMARY KEY (source_index),
    CONSTRAINT data_room_openings_document_fk FOREIGN KEY (document_id) REFERENCES data_room_documents (document_id),
    CONSTRAINT data_room_openings_viewer_fk FOREIGN KEY (viewer) REFERENCES participants (id)
);

CREATE INDEX data_room_documents_listing_ix ON data_room_documents (listing_id, document_id);
-- The upload sweep asks whether any room registers a digest (DataRoomReads.registered).
CREATE INDEX data_room_documents_digest_ix ON data_room_documents (digest);
CREATE INDEX nda_acceptances_listing_ix ON nda_acceptances (listing_id, source_index);
CREATE INDEX data_room_openings_listing_ix ON data_room_openings (listing_id, source_index);

-- The latest DisclosureDirected of each room: its investors, sorted, comma-separated; '' for every investor.
CREATE TABLE data_room_directions (
    listing_id BIGINT      NOT NULL,
    holder     VARCHAR(64) NOT NULL,
    investors  TEXT        NOT NULL,
    set_index  BIGINT      NOT NULL,
    CONSTRAINT data_room_directions_pk PRIMARY KEY (listing_id)
);
