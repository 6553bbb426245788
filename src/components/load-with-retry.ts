/**
 * Loads a chunk, trying again after a failure (0.3 s, 0.6 s): one dropped
 * request on a flaky connection should cost a moment, not the page. What still
 * fails after that is for an error boundary, which keeps the emergency number in view.
 */
export async function loadWithRetry<T>(load: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await load();
    } catch (error) {
      if (attempt >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * 2 ** (attempt - 1)));
    }
  }
}
