import { useCallback, useRef } from "react";

/**
 * One Idempotency-Key per distinct request: asking again for the same body (a double click, a retry after a timeout
 * or a 503) gives the same key, so the service acts once; a different body gets a new key. `reset` after a success
 * makes the next request a new one even if its body is the same.
 */
export function useIdempotencyKey() {
  const current = useRef<{ body: string; key: string } | null>(null);
  const keyFor = useCallback((body: unknown) => {
    const text = JSON.stringify(body);
    if (current.current?.body !== text) current.current = { body: text, key: crypto.randomUUID() };
    return current.current.key;
  }, []);
  const reset = useCallback(() => {
    current.current = null;
  }, []);
  return { keyFor, reset };
}
