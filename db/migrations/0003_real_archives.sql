-- Real archives: generated chapters, turn structure and time marks inside a turn,
-- non-speech turns (breaks, ads, sound), episode numbers, near-duplicate fingerprints,
-- and the speakers of each document as the importer resolved them across the archive.
ALTER TABLE `chapters` ADD `generated` integer DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE `segments` ADD `kind` text DEFAULT 'speech' NOT NULL;
--> statement-breakpoint
ALTER TABLE `segments` ADD `turn` integer;
--> statement-breakpoint
ALTER TABLE `segments` ADD `marks` text;
--> statement-breakpoint
ALTER TABLE `documents` ADD `episode_number` integer;
--> statement-breakpoint
ALTER TABLE `documents` ADD `fingerprint` text;
--> statement-breakpoint
CREATE TABLE `document_speakers` (
	`document_id` integer NOT NULL REFERENCES `documents`(`id`) ON DELETE cascade,
	`label` text NOT NULL,
	`person_id` integer REFERENCES `people`(`id`) ON DELETE set null,
	`role` text NOT NULL,
	`declared_role` text,
	`turns` integer NOT NULL,
	`words` integer NOT NULL,
	`seconds` integer NOT NULL,
	`note` text,
	PRIMARY KEY(`document_id`, `label`)
);
--> statement-breakpoint
CREATE INDEX `document_speakers_person_idx` ON `document_speakers` (`person_id`);
--> statement-breakpoint
-- The FTS5 twin of segments was kept in step by triggers on every insert, and nothing
-- but the benchmark's baseline read it: on a 50 MB archive it was a third of the import.
-- The benchmark and the evaluation build their own FTS5 table when they need one.
DROP TRIGGER IF EXISTS `segments_fts_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `segments_fts_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `segments_fts_au`;
--> statement-breakpoint
DROP TABLE IF EXISTS `segments_fts`;
