-- Full-text twin of segments (external content, kept in step by triggers inside the
-- same transaction as the import): phrase verification and the FTS5 baseline of the benchmark.
CREATE VIRTUAL TABLE `segments_fts` USING fts5(`text`, content='segments', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `segments_fts_ai` AFTER INSERT ON `segments` BEGIN
  INSERT INTO `segments_fts`(rowid, `text`) VALUES (new.id, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `segments_fts_ad` AFTER DELETE ON `segments` BEGIN
  INSERT INTO `segments_fts`(`segments_fts`, rowid, `text`) VALUES ('delete', old.id, old.text);
END;
--> statement-breakpoint
CREATE TRIGGER `segments_fts_au` AFTER UPDATE OF `text` ON `segments` BEGIN
  INSERT INTO `segments_fts`(`segments_fts`, rowid, `text`) VALUES ('delete', old.id, old.text);
  INSERT INTO `segments_fts`(rowid, `text`) VALUES (new.id, new.text);
END;
