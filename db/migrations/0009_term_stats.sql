-- How many documents use each content term, for weighting generated chapter titles
-- against the whole archive. Kept up to date by the importer (documents counted in
-- meta 'term_stats_docs'), so an incremental import does not re-read the archive.
CREATE TABLE `term_stats` (
	`term` text PRIMARY KEY NOT NULL,
	`df` integer NOT NULL
) WITHOUT ROWID;
