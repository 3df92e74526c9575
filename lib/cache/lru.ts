/**
 * A least-recently-used cache bounded by entry count and by a size the caller
 * measures (bytes of a response, say). Map keeps insertion order, so the first
 * key is always the least recently used one.
 */
export class Lru<V> {
  private readonly map = new Map<string, { value: V; size: number }>();
  private bytes = 0;
  private version: string | null = null;

  constructor(
    private readonly opts: { maxEntries: number; maxSize: number; sizeOf: (value: V) => number },
  ) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  /** Stores the value unless it alone is larger than the whole budget; evicts the oldest to make room. */
  set(key: string, value: V): void {
    const size = this.opts.sizeOf(value);
    this.delete(key);
    if (size > this.opts.maxSize) return;
    this.map.set(key, { value, size });
    this.bytes += size;
    while (this.map.size > this.opts.maxEntries || this.bytes > this.opts.maxSize) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  delete(key: string): void {
    const old = this.map.get(key);
    if (!old) return;
    this.map.delete(key);
    this.bytes -= old.size;
  }

  clear(): void {
    this.map.clear();
    this.bytes = 0;
    this.version = null;
  }

  /** Empties the cache when `version` (what its values were computed from) differs from the last one given. */
  useVersion(version: string): void {
    if (version === this.version) return;
    this.clear();
    this.version = version;
  }

  get size(): number {
    return this.map.size;
  }

  get totalSize(): number {
    return this.bytes;
  }
}
