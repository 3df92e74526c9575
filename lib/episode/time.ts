import { formatTimestamp } from '@/lib/text/time';

/** "12:34", or "≈ 12:34" when the time was derived from word position rather than given. */
export function timeLabel(seconds: number, estimated: boolean): string {
  return estimated ? `≈ ${formatTimestamp(seconds)}` : formatTimestamp(seconds);
}

/** 7036 → "1 h 57 min"; 2880 → "48 min"; 40 → "40 s". */
export function durationLabel(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

/**
 * The `t` of `?t=` and `#t=`: plain seconds ("4135", "4135s"), YouTube style
 * ("1h8m55s", "8m") or a clock ("1:08:55", "68:55"). Anything else is ignored
 * rather than an error: a hand-edited link should still open the page.
 */
export function parseTimeParam(raw: string | string[] | null | undefined): number | null {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) return null;
  let m = /^(\d{1,6})s?$/.exec(value);
  if (m) return Number(m[1]);
  m = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s)?$/.exec(value);
  if (m && (m[1] || m[2] || m[3])) return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  m = /^(?:(\d{1,3}):)?(\d{1,3}):(\d{2})$/.exec(value);
  if (m && Number(m[3]) < 60 && (m[1] === undefined || Number(m[2]) < 60)) {
    return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  }
  return null;
}

/** The hash form `#t=4135` (as shared by hand or by other players) → seconds. */
export function parseTimeHash(hash: string): number | null {
  const m = /^#?t=([^&]+)$/.exec(hash.trim());
  return m ? parseTimeParam(decodeURIComponent(m[1]!)) : null;
}

/** Years in the industry from the year someone started (the current year counts as less than one). */
export function yearsSince(startYear: number, now: Date = new Date()): number {
  return Math.max(0, now.getFullYear() - startYear);
}

/** "2025-08-15" → "15 Aug 2025", stable across server time zones. */
export function dateLabel(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? ''} ${m[1]}`;
}
