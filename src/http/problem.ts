import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldIssue } from '../errors.ts';
import { isDatabaseUnavailable } from '../data/database.ts';
import { localeOf } from './locale.ts';
import { ERROR_TEXTS, fieldText } from './messages.ts';

/** The one place where errors become HTTP: RFC 9457 problem documents with a Dutch or English detail. */
const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  not_found: 404,
  stay_conflict: 409,
  client_already_staying: 409,
  unit_lacks_features: 409,
  unit_closed: 409,
  unit_inactive: 409,
  stay_type_not_accepted: 422,
  arrival_in_past: 422,
  hold_expired: 409,
  invalid_transition: 409,
  series_invalid: 422,
  series_conflict: 409,
  unauthenticated: 401,
  second_factor_required: 401,
  forbidden: 403,
  csrf_failed: 403,
  login_failed: 401,
  second_factor_failed: 401,
  token_invalid: 410,
  email_taken: 409,
  rate_limited: 429,
  erasure_blocked: 409,
  not_triaged: 409,
  stay_type_not_advised: 422,
  no_tariff: 422,
  web_not_built: 503,
  region_exists: 409,
  postcode_taken: 409,
  agb_taken: 409,
  period_overlap: 409,
  unit_has_stays: 409,
  own_account: 403,
  grant_pending: 409,
  second_administrator_needed: 403,
  referral_dates_missing: 409,
  referral_not_changeable: 409,
  database_unavailable: 503,
};

/** When to try again after the database was unreachable: the pool reconnects on the next request that comes in. */
const DATABASE_RETRY_AFTER_SECONDS = 10;

export const PROBLEM_TYPE_BASE = 'https://adempauze.nl/problems/';

const DATE_FORMATS = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** Dates in a message as people write them ("25 januari 2027"), not as the machine stores them. */
function readableDates(params: Record<string, string | number>, locale: 'nl' | 'en'): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? DATE_FORMATS[locale].format(new Date(`${value}T00:00:00Z`)) : value,
    ]),
  );
}

/** The problem document of one of our errors, with its status and headers, in the caller's language. */
export function appErrorProblem(appError: AppError, request: FastifyRequest) {
  const locale = localeOf(request.headers['accept-language']);
  const texts = ERROR_TEXTS[appError.code][locale];
  const headers: Record<string, string> = { 'content-language': locale };
  if (appError.code === 'database_unavailable') headers['retry-after'] = String(DATABASE_RETRY_AFTER_SECONDS);
  return {
    status: STATUS[appError.code],
    headers,
    body: {
      type: `${PROBLEM_TYPE_BASE}${appError.code.replaceAll('_', '-')}`,
      title: texts.title,
      status: STATUS[appError.code],
      detail: texts.detail(readableDates(appError.params, locale)),
      instance: request.url,
      code: appError.code,
      ...(appError.fields.length > 0
        ? {
            errors: appError.fields.map((issue) => ({
              field: issue.field,
              code: issue.code,
              detail: fieldText(issue.code, locale, issue.params && readableDates(issue.params, locale)),
            })),
          }
        : {}),
      ...appError.extensions,
    },
  };
}

/** The problem document for any error a handler throws: ours in words, a few client errors, else a bare 500. */
export function problemOf(error: unknown, request: FastifyRequest): { status: number; headers: Record<string, string>; body: ProblemBody } {
  const appError = toAppError(error, request);
  if (appError) {
    if (appError.refusedClient) request.refusedClient = appError.refusedClient;
    if (appError.code === 'database_unavailable') request.log.warn({ err: error }, 'database unavailable');
    return appErrorProblem(appError, request);
  }
  // Only the client errors we have words for pass through; anything else is an internal error, never explained.
  const known = httpStatusOf(error);
  const status = known < 500 && GENERIC[known] ? known : 500;
  if (status === 500) request.log.error({ err: error }, 'unhandled error');
  return { status, headers: { 'content-language': localeOf(request.headers['accept-language']) }, body: genericProblem(status, request) };
}

export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, headers, body } = problemOf(error, request);
  return reply.status(status).headers(headers).type('application/problem+json').send(body);
}

/** What a problem document holds (RFC 9457), with our code and the fields at fault. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code?: string;
  errors?: { field: string; code: string; detail: string }[];
}

function genericProblem(status: number, request: FastifyRequest) {
  const texts = GENERIC[status]![localeOf(request.headers['accept-language'])];
  return { type: 'about:blank', title: texts.title, status, detail: texts.detail, instance: request.url };
}

/** The body of a 500 that explains nothing, for places that must fail after the error handler has had its turn. */
export function internalErrorProblem(request: FastifyRequest) {
  return genericProblem(500, request);
}

/** Fastify's own client errors (bad JSON, too large, wrong media type, unknown route), without internals. */
const GENERIC: Record<number, Record<'nl' | 'en', { title: string; detail: string }>> = {
  400: {
    nl: { title: 'Verzoek niet juist', detail: 'Het verzoek kan niet worden gelezen. Controleer of het geldige JSON is.' },
    en: { title: 'Bad request', detail: 'The request cannot be read. Check that it is valid JSON.' },
  },
  404: {
    nl: { title: 'Niet gevonden', detail: 'Dit adres bestaat niet.' },
    en: { title: 'Not found', detail: 'This address does not exist.' },
  },
  405: {
    nl: { title: 'Methode niet toegestaan', detail: 'Deze methode kan niet op dit adres.' },
    en: { title: 'Method not allowed', detail: 'This method is not allowed here.' },
  },
  413: {
    nl: { title: 'Verzoek te groot', detail: 'Het verzoek is te groot.' },
    en: { title: 'Payload too large', detail: 'The request is too large.' },
  },
  414: {
    nl: { title: 'Adres te lang', detail: 'Het adres van het verzoek is te lang.' },
    en: { title: 'URI too long', detail: 'The address of the request is too long.' },
  },
  408: {
    nl: { title: 'Verzoek duurde te lang', detail: 'Het verzoek kwam niet op tijd binnen. Probeer het opnieuw.' },
    en: { title: 'Request timeout', detail: 'The request did not arrive in time. Please try again.' },
  },
  431: {
    nl: { title: 'Adres of kopregels te lang', detail: 'Het adres of de kopregels (headers) van het verzoek zijn te lang.' },
    en: { title: 'Request header fields too large', detail: 'The address or the headers of the request are too long.' },
  },
  415: {
    nl: { title: 'Verkeerd formaat', detail: 'Stuur de gegevens als JSON (Content-Type: application/json).' },
    en: { title: 'Unsupported media type', detail: 'Send the data as JSON (Content-Type: application/json).' },
  },
  500: {
    nl: { title: 'Er ging iets mis', detail: 'Er ging bij ons iets mis. Probeer het later opnieuw.' },
    en: { title: 'Something went wrong', detail: 'Something went wrong on our side. Please try again later.' },
  },
};

/** A request that is not HTTP: GENERIC's 400 is about the body, and there is none here. */
const UNREADABLE_REQUEST = {
  nl: { title: 'Verzoek niet juist', detail: 'Het verzoek kan niet worden gelezen.' },
  en: { title: 'Bad request', detail: 'The request cannot be read.' },
};

/**
 * Fastify's clientErrorHandler: Node's HTTP parser refuses some requests (address or headers over 16 kB, not HTTP
 * at all, too slow) before there is a request or a reply, so the problem document is written on the socket. No
 * header has been read, so the language is the default one.
 */
export function sendClientErrorProblem(error: ConnectionError, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // Bytes of a response already on the wire would be corrupted by ours (Node's own handler checks the same).
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const texts = (status === 400 ? UNREADABLE_REQUEST : GENERIC[status]!).nl;
  const body = JSON.stringify({ type: 'about:blank', title: texts.title, status, detail: texts.detail });
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/problem+json; charset=utf-8',
    'Content-Language: nl',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    'Connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
}

function httpStatusOf(error: unknown): number {
  const status = (error as FastifyError | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function toAppError(error: unknown, request: FastifyRequest): AppError | undefined {
  if (error instanceof AppError) return error;
  // A lost or refused connection is an outage to wait out, not a fault of ours to hide behind a 500.
  if (isDatabaseUnavailable(error)) return new AppError('database_unavailable', { params: { seconds: DATABASE_RETRY_AFTER_SECONDS } });
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as { validationContext?: string }).validationContext;
    const input: unknown =
      part === 'body' ? request.body : part === 'querystring' ? request.query : part === 'params' ? request.params : undefined;
    return new AppError('validation_failed', {
      // The provider spreads each zod issue over keyword (code), instancePath (path) and params (the rest).
      fields: error.validation.flatMap((v) => {
        const path = v.instancePath.split('/').filter(Boolean);
        return zodIssueToFields(
          { ...(v.params as Partial<ZodIssueLike>), code: v.keyword, path, message: v.message ?? '' },
          valueAt(input, path) === undefined,
        );
      }),
    });
  }
  return undefined;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  format?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  values?: unknown[];
  keys?: string[];
  params?: Record<string, string | number>;
}

function valueAt(input: unknown, path: readonly string[]): unknown {
  let value = input;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** `missing`: nothing was sent for the field, so it is required, whatever the rule it broke says. */
export function zodIssueToFields(issue: ZodIssueLike, missing = false): FieldIssue[] {
  const field = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((key) => ({ field: field ? `${field}.${key}` : key, code: 'unknown_field' }));
    case 'invalid_type':
      return [
        issue.message.includes('received undefined')
          ? { field, code: 'required' }
          : { field, code: 'invalid_type', params: { expected: String(issue.expected) } },
      ];
    case 'invalid_format':
      return [{ field, code: issue.format === 'date' ? 'invalid_date' : issue.format === 'uuid' ? 'invalid_uuid' : 'invalid_format' }];
    case 'invalid_value':
      // A choice not made is missing, not wrong: "Kies een van: partner, child" would show our codes to a person.
      if (missing) return [{ field, code: 'required' }];
      return [{ field, code: 'invalid_value', params: { options: (issue.values ?? []).map(String).join(', ') } }];
    case 'too_small':
      return [{ field, code: issue.origin === 'string' ? 'too_short' : 'too_small', params: { minimum: Number(issue.minimum) } }];
    case 'too_big':
      return [{ field, code: issue.origin === 'string' ? 'too_long' : 'too_big', params: { maximum: Number(issue.maximum) } }];
    case 'custom':
      return [{ field, code: String(issue.params?.code ?? 'invalid_format'), params: issue.params ?? {} }];
    default:
      return [{ field, code: 'invalid_format' }];
  }
}
