import { useEffect, useState } from "react";
import { setBusyListener } from "../shared/api/http";

/**
 * "Busy, trying again" while a read waits out a 503/429 with Retry-After (shared/api/http.ts repeats it once). A live
 * region that is always in the page, so a screen reader announces the words when they appear; fixed to the bottom of
 * the window, so showing it moves nothing.
 */
export function BusyNotice() {
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    setBusyListener(setMessage);
    return () => setBusyListener(() => {});
  }, []);
  return (
    <p role="status" className="busy-notice">
      {message}
    </p>
  );
}
