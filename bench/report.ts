/** Small helpers shared by the benchmark suites. */
export interface BenchRow {
  measure: string;
  value: string;
  target?: string;
  /** true = meets its target, false = misses it, undefined = no target. */
  ok?: boolean;
}

export interface BenchSection {
  title: string;
  notes?: string[];
  rows: BenchRow[];
}

export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { mean, median: pick(0.5), p95: pick(0.95), max: sorted[sorted.length - 1]!, min: sorted[0]! };
}

export async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

export const ms = (value: number) => `${(value < 10 ? value.toFixed(2) : value.toFixed(0)).replace('.', ',')} ms`;
