-- Content hashes of input files already read, with the size and modification time they had
-- (src/warehouse/content-hash.ts): an unchanged file is recognised without reading it again.
CREATE TABLE ops.file_hashes (
  path        VARCHAR PRIMARY KEY,
  size        BIGINT NOT NULL,
  modified_ns BIGINT NOT NULL,
  sha256      VARCHAR NOT NULL
);
