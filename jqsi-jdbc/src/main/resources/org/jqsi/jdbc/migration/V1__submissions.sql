-- Submissions, their history, and what their approvals publish (#19).
-- Runs as it is on PostgreSQL and on H2 in its PostgreSQL mode (Database.embedded): plain SQL types only.
-- Times are UTC instants, to the millisecond. Codes are those of the domain (SubmissionState.code(), ...).
-- Accounts and log-in sessions (#20) come in later migrations: never edit this file once released, add a V2.

CREATE TABLE submissions (
    id VARCHAR(40) PRIMARY KEY,
    -- new, change, cancel (Submission.Kind.code())
    kind VARCHAR(10) NOT NULL,
    -- the published activity a change or cancellation is about; NULL for a new one
    target_id VARCHAR(100),
    -- the activity's region, its official code ('04'); NULL for a province-wide activity
    region VARCHAR(2),
    -- pending, changes-requested, approved, refused, withdrawn (SubmissionState.code())
    state VARCHAR(20) NOT NULL,
    -- the activity as it would be published, in the program file's format (ActivityJson)
    activity TEXT NOT NULL,
    submitter_organisation VARCHAR(200) NOT NULL,
    -- never published
    submitter_email VARCHAR(254) NOT NULL,
    -- SHA-256 of the private key of its status page, in hexadecimal (SubmissionIds.hashStatusKey): never the key
    status_key_hash VARCHAR(64) NOT NULL,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the number of events in its history (Submission.version()): an action is done only on the version it read
    version INTEGER NOT NULL,
    CONSTRAINT submissions_status_key_hash UNIQUE (status_key_hash)
);

CREATE INDEX submissions_by_state ON submissions (state, submitted_at);
CREATE INDEX submissions_by_region ON submissions (region, submitted_at);

-- Every action on a submission, only ever added to.
CREATE TABLE submission_events (
    submission_id VARCHAR(40) NOT NULL REFERENCES submissions (id),
    -- 1 for the submission itself, then 2, 3...: the submission's version once it was done
    seq INTEGER NOT NULL,
    acted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- 'submitter', a reviewer's address, 'cli:USER'
    actor VARCHAR(320) NOT NULL,
    -- submit, edit, withdraw, approve, request-changes, refuse (SubmissionAction.code())
    action VARCHAR(20) NOT NULL,
    -- the state it left the submission in
    state VARCHAR(20) NOT NULL,
    note TEXT,
    -- for a submission and an edit, the activity as then proposed: what was reviewed stays known
    activity TEXT,
    PRIMARY KEY (submission_id, seq)
);

-- What approvals publish: one row per activity, owned by the submission that last approved it.
CREATE TABLE published_activities (
    activity_id VARCHAR(100) PRIMARY KEY,
    submission_id VARCHAR(40) NOT NULL REFERENCES submissions (id),
    -- the order of first approval: a change keeps its activity's place
    ordinal INTEGER NOT NULL,
    -- the activity as published, in the program file's format (ActivityJson)
    activity TEXT NOT NULL,
    CONSTRAINT published_activities_ordinal UNIQUE (ordinal)
);

-- One row: the revision of what is published, one more at each approval. Approvals lock it (SELECT ... FOR UPDATE)
-- so that they are done one after the other, whichever process does them.
CREATE TABLE publication (
    id INTEGER PRIMARY KEY,
    revision BIGINT NOT NULL,
    CONSTRAINT publication_one_row CHECK (id = 1)
);

INSERT INTO publication (id, revision) VALUES (1, 0);
