/**
 * The longest time anything in an archive can be at: 100 hours. The longest real
 * episodes run about 3 hours; a time past this is a typo or garbage ("999:00:00",
 * a chapter at 1e300 s), and is refused where it is read.
 */
export const MAX_SECONDS = 100 * 3600;

/** A time in seconds that can be stored and shown: finite, not negative, at most MAX_SECONDS. */
export function isReasonableSeconds(n: number): boolean {
  return Number.isFinite(n) && n >= 0 && n <= MAX_SECONDS;
}

/**
 * Timestamps as people write them: "1:08:55", "01:08:55", "68:55", "00:01:02,500",
 * "00:01:02.500". Returns seconds (fractional when milliseconds are given), or null
 * when the text is not a timestamp, a field is out of range ("00:75:00") or the
 * time is past MAX_SECONDS ("999:00:00").
 */
export function parseTimestamp(raw: string): number | null {
  const m = /^\s*(?:(\d{1,3}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?\s*$/.exec(raw);
  if (!m) return null;
  const hasHours = m[1] !== undefined;
  const h = hasHours ? Number(m[1]) : 0;
  const min = Number(m[2]);
  const s = Number(m[3]);
  if (s > 59) return null;
  if (hasHours && min > 59) return null;
  const ms = m[4] ? Number(m[4].padEnd(3, '0')) / 1000 : 0;
  const total = h * 3600 + min * 60 + s + ms;
  return total <= MAX_SECONDS ? total : null;
}

/** 4135 → "1:08:55"; 59 → "0:59". */
export function formatTimestamp(totalSeconds: number): string {
  const t = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "117:16" minutes:seconds of a duration label → seconds. */
export function parseDurationLabel(raw: string): number | null {
  const m = /^\s*(\d+):(\d{2})\s*$/.exec(raw);
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}
