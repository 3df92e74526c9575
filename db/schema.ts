import { relations, sql } from 'drizzle-orm';
import { SEGMENT_KINDS, SPEAKER_ROLES, type TimeMark } from '../lib/ingest/types';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const shows = sqliteTable('shows', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
});

export const people = sqliteTable('people', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  biggestRole: text('biggest_role'),
  currentCompany: text('current_company'),
  companySize: text('company_size'),
  careerStartYear: integer('career_start_year'),
});

export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    kind: text('kind', { enum: ['episode', 'brief', 'article', 'note'] }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    summary: text('summary'),
    showId: integer('show_id').references(() => shows.id, { onDelete: 'set null' }),
    publishedOn: text('published_on'),
    durationSeconds: integer('duration_seconds'),
    mediaUrl: text('media_url'),
    sourcePath: text('source_path').notNull().unique(),
    contentHash: text('content_hash').notNull(),
    format: text('format').notNull(),
    /** the episode number from the file name or metadata ("founders-talk-52" → 52) */
    episodeNumber: integer('episode_number'),
    /** MinHash signature of the text (hex), to find the same episode in two files */
    fingerprint: text('fingerprint'),
    warnings: text('warnings', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [index('documents_published_idx').on(t.publishedOn), index('documents_show_idx').on(t.showId)],
);

export const documentPeople = sqliteTable(
  'document_people',
  {
    documentId: integer('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['host', 'guest'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.personId, t.role] }), index('document_people_person_idx').on(t.personId)],
);

export const chapters = sqliteTable(
  'chapters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    title: text('title').notNull(),
    anchor: text('anchor').notNull(),
    startSeconds: integer('start_seconds'),
    endSeconds: integer('end_seconds'),
    estimated: integer('estimated', { mode: 'boolean' }).notNull().default(false),
    /** made by Ladder from the transcript (the source had no chapters), not written by a person */
    generated: integer('generated', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('chapters_document_ordinal_idx').on(t.documentId, t.ordinal)],
);

export const segments = sqliteTable(
  'segments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    chapterId: integer('chapter_id').references(() => chapters.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    speakerPersonId: integer('speaker_person_id').references(() => people.id, { onDelete: 'set null' }),
    /** the speaker as written in the file, always kept (the person is resolved across the archive) */
    speakerLabel: text('speaker_label'),
    startSeconds: integer('start_seconds'),
    estimated: integer('estimated', { mode: 'boolean' }).notNull().default(false),
    text: text('text').notNull(),
    /** speech, or a non-speech turn: a break marker, an ad read, a sound label; only speech is quoted */
    kind: text('kind', { enum: SEGMENT_KINDS }).notNull().default('speech'),
    /** index of the source turn this segment comes from (a turn split for length keeps its index) */
    turn: integer('turn'),
    /** times inside the text: [char offset, seconds, 1 exact | 0 estimated], ascending */
    marks: text('marks', { mode: 'json' }).$type<TimeMark[]>(),
  },
  (t) => [
    uniqueIndex('segments_document_ordinal_idx').on(t.documentId, t.ordinal),
    index('segments_chapter_idx').on(t.chapterId),
    index('segments_speaker_idx').on(t.speakerPersonId),
  ],
);

/**
 * Who speaks in a document, as the importer resolved them across the whole archive:
 * the label as written, the person it joined (none for voices and pseudo-speakers),
 * the role decided, and the talk time the decision was made on.
 */
export const documentSpeakers = sqliteTable(
  'document_speakers',
  {
    documentId: integer('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    role: text('role', { enum: SPEAKER_ROLES }).notNull(),
    /** what the file or a sidecar said, before inference */
    declaredRole: text('declared_role', { enum: SPEAKER_ROLES }),
    turns: integer('turns').notNull(),
    words: integer('words').notNull(),
    seconds: integer('seconds').notNull(),
    /** why the importer decided as it did ("first name of …", "heard 20 s") */
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.label] }), index('document_speakers_person_idx').on(t.personId)],
);

export const topics = sqliteTable('topics', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull(),
});

export const chapterTopics = sqliteTable(
  'chapter_topics',
  {
    chapterId: integer('chapter_id').notNull().references(() => chapters.id, { onDelete: 'cascade' }),
    topicId: integer('topic_id').notNull().references(() => topics.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chapterId, t.topicId] }), index('chapter_topics_topic_idx').on(t.topicId, t.score)],
);

export const segmentTopics = sqliteTable(
  'segment_topics',
  {
    segmentId: integer('segment_id').notNull().references(() => segments.id, { onDelete: 'cascade' }),
    topicId: integer('topic_id').notNull().references(() => topics.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.topicId] }), index('segment_topics_topic_idx').on(t.topicId, t.score)],
);

/** The topics a document is really on: several on-topic segments, or a chapter about it. */
export const documentTopics = sqliteTable(
  'document_topics',
  {
    documentId: integer('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
    topicId: integer('topic_id').notNull().references(() => topics.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
    /** how many of its segments are on the topic */
    segments: integer('segments').notNull(),
    /** a chapter of it is about the topic */
    chapter: integer('chapter', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.topicId] }), index('document_topics_topic_idx').on(t.topicId, t.score)],
);

/** The last import of each source file, failed ones included. */
export const fileImports = sqliteTable('file_imports', {
  sourcePath: text('source_path').primaryKey(),
  contentHash: text('content_hash').notNull(),
  /** 'duplicate': the same episode as documentId, which came from another file; not imported again */
  status: text('status', { enum: ['imported', 'updated', 'unchanged', 'failed', 'duplicate'] }).notNull(),
  error: text('error'),
  line: integer('line'),
  documentId: integer('document_id').references(() => documents.id, { onDelete: 'set null' }),
  importedAt: text('imported_at').notNull(),
});

export const showsRelations = relations(shows, ({ many }) => ({ documents: many(documents) }));

export const peopleRelations = relations(people, ({ many }) => ({
  documentLinks: many(documentPeople),
  speaking: many(documentSpeakers),
  segments: many(segments),
}));

export const documentsRelations = relations(documents, ({ one, many }) => ({
  show: one(shows, { fields: [documents.showId], references: [shows.id] }),
  people: many(documentPeople),
  speakers: many(documentSpeakers),
  chapters: many(chapters),
  segments: many(segments),
  topics: many(documentTopics),
}));

export const documentPeopleRelations = relations(documentPeople, ({ one }) => ({
  document: one(documents, { fields: [documentPeople.documentId], references: [documents.id] }),
  person: one(people, { fields: [documentPeople.personId], references: [people.id] }),
}));

export const documentSpeakersRelations = relations(documentSpeakers, ({ one }) => ({
  document: one(documents, { fields: [documentSpeakers.documentId], references: [documents.id] }),
  person: one(people, { fields: [documentSpeakers.personId], references: [people.id] }),
}));

export const chaptersRelations = relations(chapters, ({ one, many }) => ({
  document: one(documents, { fields: [chapters.documentId], references: [documents.id] }),
  segments: many(segments),
  topics: many(chapterTopics),
}));

export const segmentsRelations = relations(segments, ({ one, many }) => ({
  document: one(documents, { fields: [segments.documentId], references: [documents.id] }),
  chapter: one(chapters, { fields: [segments.chapterId], references: [chapters.id] }),
  speaker: one(people, { fields: [segments.speakerPersonId], references: [people.id] }),
  topics: many(segmentTopics),
}));

export const topicsRelations = relations(topics, ({ many }) => ({
  documents: many(documentTopics),
  chapters: many(chapterTopics),
  segments: many(segmentTopics),
}));

export const chapterTopicsRelations = relations(chapterTopics, ({ one }) => ({
  chapter: one(chapters, { fields: [chapterTopics.chapterId], references: [chapters.id] }),
  topic: one(topics, { fields: [chapterTopics.topicId], references: [topics.id] }),
}));

export const documentTopicsRelations = relations(documentTopics, ({ one }) => ({
  document: one(documents, { fields: [documentTopics.documentId], references: [documents.id] }),
  topic: one(topics, { fields: [documentTopics.topicId], references: [topics.id] }),
}));

export const segmentTopicsRelations = relations(segmentTopics, ({ one }) => ({
  segment: one(segments, { fields: [segmentTopics.segmentId], references: [segments.id] }),
  topic: one(topics, { fields: [segmentTopics.topicId], references: [topics.id] }),
}));

export type Show = typeof shows.$inferSelect;
export type NewShow = typeof shows.$inferInsert;
export type Person = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;
export type Document = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;
export type DocumentPerson = typeof documentPeople.$inferSelect;
export type NewDocumentPerson = typeof documentPeople.$inferInsert;
export type DocumentSpeaker = typeof documentSpeakers.$inferSelect;
export type NewDocumentSpeaker = typeof documentSpeakers.$inferInsert;
export type Chapter = typeof chapters.$inferSelect;
export type NewChapter = typeof chapters.$inferInsert;
export type Segment = typeof segments.$inferSelect;
export type NewSegment = typeof segments.$inferInsert;
export type Topic = typeof topics.$inferSelect;
export type NewTopic = typeof topics.$inferInsert;
export type ChapterTopic = typeof chapterTopics.$inferSelect;
export type NewChapterTopic = typeof chapterTopics.$inferInsert;
export type DocumentTopicRow = typeof documentTopics.$inferSelect;
export type NewDocumentTopicRow = typeof documentTopics.$inferInsert;
export type SegmentTopic = typeof segmentTopics.$inferSelect;
export type NewSegmentTopic = typeof segmentTopics.$inferInsert;
export type FileImport = typeof fileImports.$inferSelect;
export type NewFileImport = typeof fileImports.$inferInsert;

/**
 * Small key/value facts about the database itself; `content_version` goes up with
 * every committed import so a search index built from an older version is known stale.
 * (segments_fts, an FTS5 twin of segments made in migration 0001, was dropped in 0003:
 * nothing but the benchmark read it; scripts/bench/fts.ts builds one when it measures.)
 */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
export type Meta = typeof meta.$inferSelect;
