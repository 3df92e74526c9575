-- The topics a document is really on (several on-topic segments, or a chapter
-- about it), decided by the tagger at import: topic and home pages count these.
CREATE TABLE `document_topics` (
	`document_id` integer NOT NULL REFERENCES `documents`(`id`) ON DELETE cascade,
	`topic_id` integer NOT NULL REFERENCES `topics`(`id`) ON DELETE cascade,
	`score` real NOT NULL,
	`segments` integer NOT NULL,
	`chapter` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`document_id`, `topic_id`)
);
--> statement-breakpoint
CREATE INDEX `document_topics_topic_idx` ON `document_topics` (`topic_id`, `score`);
