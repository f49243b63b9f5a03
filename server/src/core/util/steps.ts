/**
 * Work done in steps: a generator that pauses (yields) between pieces of a long job so a
 * caller can serve other requests in between (see checkSteps), run here to its end by
 * callers that have nothing else to do.
 */

/** Runs a stepped job to its end and returns its result. */
export function finishSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
