/** A seeded generator: the same seed gives the same sequence on every machine and Node version. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** A random (version 4) UUID. */
  uuid(): string;
}

/** FNV-1a, so a stream can be named ("xapi", "sheets/SN") instead of numbered. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Independent streams per label: the sheets do not change when the number of statements
 * (scale) does, because each part draws from its own stream.
 */
export function rngFor(seed: number, label: string): Rng {
  // mulberry32: tiny, fast, and good enough for synthetic data.
  let state = (Math.imul(seed >>> 0, 0x9e3779b1) ^ hashLabel(label)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (bits: number, digits: number) => (bits >>> 0).toString(16).padStart(digits, "0");
  const word = () => Math.floor(next() * 4294967296);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    chance: (probability) => next() < probability,
    uuid() {
      const a = word();
      const b = word();
      const c = word();
      const d = word();
      const version = ((b & 0xffff0fff) | 0x00004000) >>> 0;
      const variant = ((c & 0x3fffffff) | 0x80000000) >>> 0;
      const bh = hex(version, 8);
      const ch = hex(variant, 8);
      return `${hex(a, 8)}-${bh.slice(0, 4)}-${bh.slice(4)}-${ch.slice(0, 4)}-${ch.slice(4)}${hex(d, 8)}`;
    },
  };
}
