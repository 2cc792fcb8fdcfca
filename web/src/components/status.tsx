import type { AsyncState } from '../use-async.js';

/** Loading and error states, announced to screen readers. */
export function Status<T>({ state, what }: { state: AsyncState<T>; what: string }) {
  if (state.status === 'loading') {
    return (
      <p class="status-line" role="status">
        Loading {what}…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p class="error" role="alert">
        Could not load {what}: {state.error.message}
      </p>
    );
  }
  return null;
}
