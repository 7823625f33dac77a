import type { Disposable } from '../../connection/emitter';

type Event<T> = (listener: (value: T) => void) => Disposable;

/**
 * Resolves with the first value the event fires that matches, or rejects after the timeout naming what it waited for.
 * Subscribe BEFORE causing the change: tests await observable conditions, never sleep.
 */
export function waitForEvent<T>(event: Event<T>, matches: (value: T) => boolean, what: string,
  timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const subscription = event(value => {
      if (matches(value)) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(value);
      }
    });
  });
}

/** Polls a condition that has no event (a process exiting). */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 25));
  }
}
