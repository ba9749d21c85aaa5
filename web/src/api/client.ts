import { SERVER_TIME_HEADER, syncWithServer } from './clock.ts';

/**
 * The one way the web application talks to the API: JSON in and out, the session cookie sent along, the CSRF token
 * on every change, the interface language as Accept-Language (the server's messages follow it), and problem
 * documents (RFC 9457) turned into an ApiError whose field errors a form can show beside its inputs.
 */
export interface FieldError {
  field: string;
  code: string;
  detail: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly fields: FieldError[];
  /** The whole problem document, for members beyond the standard ones (e.g. the stays a refused change would strand). */
  readonly problem: Record<string, unknown>;

  constructor(status: number, problem: { title?: string; detail?: string; code?: string; errors?: FieldError[] }) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = problem.code;
    this.fields = problem.errors ?? [];
    this.problem = problem;
  }

  fieldError(field: string): string | undefined {
    return this.fields.find((error) => error.field === field)?.detail;
  }
}

let csrfToken: string | undefined;
let language = 'nl';

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function setApiLanguage(next: string): void {
  language = next;
}

let afterChange: (() => void) | undefined;

/** Called after every change the server accepted (not after a GET): the query cache marks its answers stale. */
export function setAfterChange(listener: (() => void) | undefined): void {
  afterChange = listener;
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  syncWithServer(response.headers.get(SERVER_TIME_HEADER));
  if (response.ok && method !== 'GET') afterChange?.();
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload as T;
}
