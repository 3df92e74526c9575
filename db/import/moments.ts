import { extractMoments } from '@/lib/careers/extract';
import type { CareerData } from '@/lib/careers/input';
import type { DocumentRows } from '@/lib/ingest/reshape';
import type { Db } from '../client';
import { careerMoments } from '../schema';
import { currentCareerData } from '../career-data';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The career moments of one document, written in the document's own transaction
 * (replacing a document removes its moments with it). `segmentIds` maps segment
 * ordinals to the ids just written; `personIds` lower-cased names to people.
 */
export function writeMoments(
  tx: Tx,
  args: { documentId: number; rows: DocumentRows; personIds: ReadonlyMap<string, number>; segmentIds: ReadonlyMap<number, number>; data?: CareerData },
): number {
  const moments = extractMoments(args.rows, args.data ?? currentCareerData());
  if (moments.length === 0) return 0;
  tx.insert(careerMoments)
    .values(
      moments.map((m, ordinal) => ({
        documentId: args.documentId,
        personId: args.personIds.get(m.person.toLowerCase()) ?? null,
        segmentId: m.segmentOrdinal === null ? null : (args.segmentIds.get(m.segmentOrdinal) ?? null),
        ordinal,
        kind: m.kind,
        fromLevel: m.fromLevel,
        toLevel: m.toLevel,
        fromLabel: m.fromLabel,
        toLabel: m.toLabel,
        fromInferred: m.fromInferred,
        track: m.track,
        company: m.company,
        year: m.year,
        yearInferred: m.yearInferred,
        age: m.age,
        durationMonths: m.durationMonths,
        confidence: m.confidence,
        source: m.source,
        seconds: m.seconds,
        estimated: m.estimated,
        speakerLabel: m.speakerLabel,
        speakerRole: m.speakerRole,
        quote: m.quote,
      })),
    )
    .run();
  return moments.length;
}
