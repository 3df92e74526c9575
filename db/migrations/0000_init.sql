CREATE TABLE `chapter_topics` (
	`chapter_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`score` real NOT NULL,
	PRIMARY KEY(`chapter_id`, `topic_id`),
	FOREIGN KEY (`chapter_id`) REFERENCES `chapters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `chapter_topics_topic_idx` ON `chapter_topics` (`topic_id`,`score`);--> statement-breakpoint
CREATE TABLE `chapters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`title` text NOT NULL,
	`anchor` text NOT NULL,
	`start_seconds` integer,
	`end_seconds` integer,
	`estimated` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chapters_document_ordinal_idx` ON `chapters` (`document_id`,`ordinal`);--> statement-breakpoint
CREATE TABLE `document_people` (
	`document_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`document_id`, `person_id`, `role`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_people_person_idx` ON `document_people` (`person_id`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`summary` text,
	`show_id` integer,
	`published_on` text,
	`duration_seconds` integer,
	`media_url` text,
	`source_path` text NOT NULL,
	`content_hash` text NOT NULL,
	`format` text NOT NULL,
	`warnings` text DEFAULT '[]' NOT NULL,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`show_id`) REFERENCES `shows`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_slug_unique` ON `documents` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_source_path_unique` ON `documents` (`source_path`);--> statement-breakpoint
CREATE INDEX `documents_published_idx` ON `documents` (`published_on`);--> statement-breakpoint
CREATE INDEX `documents_show_idx` ON `documents` (`show_id`);--> statement-breakpoint
CREATE TABLE `file_imports` (
	`source_path` text PRIMARY KEY NOT NULL,
	`content_hash` text NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`line` integer,
	`document_id` integer,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`biggest_role` text,
	`current_company` text,
	`company_size` text,
	`career_start_year` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_slug_unique` ON `people` (`slug`);--> statement-breakpoint
CREATE TABLE `segment_topics` (
	`segment_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`score` real NOT NULL,
	PRIMARY KEY(`segment_id`, `topic_id`),
	FOREIGN KEY (`segment_id`) REFERENCES `segments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `segment_topics_topic_idx` ON `segment_topics` (`topic_id`,`score`);--> statement-breakpoint
CREATE TABLE `segments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`chapter_id` integer,
	`ordinal` integer NOT NULL,
	`speaker_person_id` integer,
	`speaker_label` text,
	`start_seconds` integer,
	`estimated` integer DEFAULT false NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`chapter_id`) REFERENCES `chapters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`speaker_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `segments_document_ordinal_idx` ON `segments` (`document_id`,`ordinal`);--> statement-breakpoint
CREATE INDEX `segments_chapter_idx` ON `segments` (`chapter_id`);--> statement-breakpoint
CREATE INDEX `segments_speaker_idx` ON `segments` (`speaker_person_id`);--> statement-breakpoint
CREATE TABLE `shows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shows_slug_unique` ON `shows` (`slug`);--> statement-breakpoint
CREATE TABLE `topics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `topics_slug_unique` ON `topics` (`slug`);