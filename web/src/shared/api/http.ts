// The one place that talks HTTP: every call goes to the gateway on the same origin (/api/...), carries the signed-in
// user's access token when there is one, and turns RFC 7807 problem details into a typed error the pages can show.

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

/** An HTTP failure with the server's problem details, so pages can show the field errors and the reason. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }

  /** The first message for a field (case-insensitive, as ASP.NET may camel-case or not). */
  fieldError(field: string): string | undefined {
    const errors = this.problem.errors ?? {};
    const key = Object.keys(errors).find((k) => k.toLowerCase() === field.toLowerCase());
    return key ? errors[key]?.[0] : undefined;
  }
}

/**
 * The one paging contract every list endpoint answers: `items`, and `next`, the opaque cursor of the following page
 * (null on the last). Ask for a page with `cursor` (the previous page's `next`) and `limit`.
 */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** The query every list endpoint takes. */
export interface PageQuery {
  cursor?: string;
  limit?: number;
}

/**
 * A request body as the services read it: a property that may be null may also be left out (the generated OpenAPI
 * types list every constructor parameter as required, but the services treat a missing one as null).
 */
export type RequestBody<T> = { [K in keyof T as null extends T[K] ? K : never]?: T[K] } & { [K in keyof T as null extends T[K] ? never : K]: T[K] };

type TokenSource = () => string | undefined;
let accessToken: TokenSource = () => undefined;

/** The auth provider registers how to read the current access token; the API modules never see the user object. */
export function setAccessTokenSource(source: TokenSource): void {
  accessToken = source;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Sent as multipart/form-data (file uploads); the browser sets the boundary. */
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Told "busy, trying again" while a read waits out a busy answer, and undefined when it is over (a layout may show it). */
type BusyListener = (message: string | undefined) => void;
let busyListener: BusyListener = () => {};

export function setBusyListener(listener: BusyListener): void {
  busyListener = listener;
}

export const busyMessage = "The store is very busy right now; trying again in a moment…";

/**
 * A busy answer (503 or 429 with Retry-After: the server refused before doing anything) to a read is tried again after
 * the wait it names (at most 10 s), up to {@link busyRetries} times: in a local run the gateway refuses a share of
 * browsing while checkout is saturated, so a page waits a few seconds rather than failing. A write is not repeated
 * here; its error says to try again.
 */
export const busyRetries = 3;

function retryAfterMs(response: Response): number | undefined {
  if (response.status !== 503 && response.status !== 429) return undefined;
  const header = response.headers.get("Retry-After");
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.min(Math.max(ms, 0), 10_000);
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  const token = accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | FormData | undefined = options.form;
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const method = options.method ?? "GET";
  let response = await fetch(path, { method, headers, body, signal: options.signal });
  let busyFor = method === "GET" ? retryAfterMs(response) : undefined;
  if (busyFor !== undefined) {
    busyListener(busyMessage);
    try {
      for (let retry = 1; busyFor !== undefined && retry <= busyRetries; retry++) {
        await wait(busyFor, options.signal);
        response = await fetch(path, { method, headers, body, signal: options.signal });
        busyFor = retryAfterMs(response);
      }
    } finally {
      busyListener(undefined);
    }
  }
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204 || response.headers.get("Content-Length") === "0") return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  try {
    const text = await response.text();
    if (!text) return { status: response.status, title: response.statusText || defaultTitle(response.status) };
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? (parsed as ProblemDetails) : { status: response.status };
  } catch {
    return { status: response.status, title: defaultTitle(response.status) };
  }
}

function defaultTitle(status: number): string {
  if (status === 401) return "Please sign in.";
  if (status === 403) return "You are not allowed to do that.";
  if (status === 404) return "Not found.";
  if (status === 429) return "Too many requests; try again in a moment.";
  if (status === 503) return "The store is very busy right now; please try again in a moment.";
  return status >= 500 ? "The store is having trouble; please try again." : "The request was not accepted.";
}

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
