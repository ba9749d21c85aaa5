const started = performance.now();

/** Progress goes to stderr, so stdout carries nothing but the final JSON. */
export function log(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}

/** Runs a step and logs how long it took. */
export async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  log(`${label} …`);
  const result = await work();
  log(`${label}: done in ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
}

export function elapsedSeconds(): number {
  return (performance.now() - started) / 1000;
}
