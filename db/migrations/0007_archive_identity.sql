-- A random identity for the archive, made once when the database is created (or
-- first migrated). The search index records the identity it was built from, so a
-- database recreated at the same path never picks up an index of the old one,
-- even when both reach the same content_version.
INSERT OR IGNORE INTO `meta` (`key`, `value`) VALUES ('archive_id', lower(hex(randomblob(16))));
