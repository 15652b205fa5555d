import { useRef } from "react";
import { useSearchParams } from "react-router";

type Change = (current: URLSearchParams) => URLSearchParams;

/**
 * useSearchParams whose functional update starts from the latest URL this page asked for, not from the last render's.
 * React Router hands the updater the search params of the render that created it, so two quick changes (a second
 * filter toggled before the first one's render) would build the second on the stale URL and drop the first; seen on a
 * slow machine, where the render after a navigation lags behind the next key press.
 */
export function useLatestSearchParams(): [URLSearchParams, (change: Change) => void] {
  const [params, setParams] = useSearchParams();
  const rendered = useRef(params);
  const latest = useRef(params);
  // A new URL from the router (this page's own change rendered, or Back, or a link) is the latest again.
  if (rendered.current !== params) {
    rendered.current = params;
    latest.current = params;
  }
  const update = (change: Change) => {
    const next = change(new URLSearchParams(latest.current));
    latest.current = next;
    setParams(next);
  };
  return [params, update];
}
