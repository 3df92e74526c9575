-- Career moments (issue 16): promotions, company moves, track switches, PIPs, layoffs and
-- foundings read from what guests say, one row per story, with the segment and second it
-- is told at. Levels are keys of the level map (content/levels.yaml); written with the
-- document, in its transaction, and removed with it.
CREATE TABLE `career_moments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL REFERENCES `documents`(`id`) ON DELETE cascade,
	`person_id` integer REFERENCES `people`(`id`) ON DELETE cascade,
	`segment_id` integer REFERENCES `segments`(`id`) ON DELETE set null,
	`ordinal` integer NOT NULL,
	`kind` text NOT NULL,
	`from_level` text,
	`to_level` text,
	`from_label` text,
	`to_label` text,
	`from_inferred` integer DEFAULT false NOT NULL,
	`track` text,
	`company` text,
	`year` integer,
	`year_inferred` integer DEFAULT false NOT NULL,
	`age` integer,
	`duration_months` integer,
	`confidence` real NOT NULL,
	`source` text NOT NULL,
	`seconds` integer,
	`estimated` integer DEFAULT false NOT NULL,
	`speaker_label` text,
	`speaker_role` text,
	`quote` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `career_moments_document_ordinal_idx` ON `career_moments` (`document_id`,`ordinal`);
--> statement-breakpoint
CREATE INDEX `career_moments_person_idx` ON `career_moments` (`person_id`);
--> statement-breakpoint
CREATE INDEX `career_moments_step_idx` ON `career_moments` (`kind`,`from_level`,`to_level`);
--> statement-breakpoint
CREATE INDEX `career_moments_company_idx` ON `career_moments` (`company`);
