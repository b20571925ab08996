/**
 * One instance of each per-message class, kept for the life of the process (`keepShape`).
 *
 * Why: V8 gives the instances of a class a hidden class ("map") per field added, linked from the
 * class's first map by weak transitions. When a full garbage collection finds no live instance,
 * those maps are freed, and every optimized function that was specialized for them — here the
 * hot per-message code that reads a `MessageAnalysis`, a text view or a shared scan, and the
 * callers it was inlined into — is deoptimized and has to warm up and be compiled again. A plain
 * object literal does not have this problem (its map stays alive with the literal's boilerplate);
 * a class instance does. It happens when a full collection runs while no conversation is in
 * flight: a service idle between bursts, or `bench/baseline.bench.ts`, which collects the heap
 * before each of its rounds. On the 206 verdict-fixture conversations (rounds of ≈ 0.3 s) every
 * round paid for it again: 0.3–0.5 ms more CPU per conversation in a pass right after a
 * collection than in one without (decision 150; `bench/gc-rounds.ts` measures it).
 *
 * A kept instance keeps its map, and with it the chain of transitions every new instance follows,
 * so code specialized for them stays valid. Only for classes whose instances always gain the same
 * fields in the same order (set in the constructor or declared), which is what a per-message
 * class with lazily filled private fields is.
 */
const kept: object[] = [];

/**
 * Keep `exemplar` alive for the life of the process (see above) and return it.
 *
 * @example
 * keepShape(new LazyTextView('', true)); // module level, next to the class
 */
export function keepShape<T extends object>(exemplar: T): T {
  kept.push(exemplar);
  return exemplar;
}
