import { useEffect, useState } from 'preact/hooks';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'error'; error: Error } | { status: 'done'; value: T };

/** Runs `load` whenever `key` changes; a newer load aborts the one before. */
export function useAsync<T>(key: string, load: (signal: AbortSignal) => Promise<T>): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (value) => controller.signal.aborted || setState({ status: 'done', value }),
      (error: unknown) =>
        controller.signal.aborted ||
        setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => controller.abort();
    // `key` names everything `load` reads, so only `key` is a dependency.
  }, [key]);
  return state;
}
