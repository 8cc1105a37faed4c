// The page cache's memory: entries by key, least recently used evicted first once their bytes
// pass the budget. A Map keeps insertion order, so moving a found entry to the end makes the
// first one the least recently used.
export interface Sized {
  bytes: number;
}

export class LruStore<T extends Sized> {
  private readonly entries = new Map<string, T>();
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.used;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Keeps `entry` unless it alone is over the budget; evicts the least recently used to fit it. */
  set(key: string, entry: T): boolean {
    this.delete(key);
    if (entry.bytes > this.maxBytes) return false;
    this.entries.set(key, entry);
    this.used += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= old.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }
}
