/**
 * The one error type the services throw. The code is a closed set; the HTTP layer maps each code to a status
 * and a Dutch or English message in one place (src/http/problem.ts).
 */
export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'stay_conflict'
  | 'client_already_staying'
  | 'unit_lacks_features'
  | 'unit_closed'
  | 'unit_inactive'
  | 'stay_type_not_accepted'
  | 'arrival_in_past'
  | 'hold_expired'
  | 'invalid_transition'
  | 'series_invalid'
  | 'series_conflict'
  | 'unauthenticated'
  | 'second_factor_required'
  | 'forbidden'
  | 'csrf_failed'
  | 'login_failed'
  | 'second_factor_failed'
  | 'token_invalid'
  | 'email_taken'
  | 'rate_limited'
  | 'erasure_blocked'
  | 'not_triaged'
  | 'stay_type_not_advised'
  | 'no_tariff'
  | 'web_not_built'
  | 'region_exists'
  | 'postcode_taken'
  | 'agb_taken'
  | 'period_overlap'
  | 'unit_has_stays'
  | 'own_account'
  | 'grant_pending'
  | 'second_administrator_needed'
  | 'referral_dates_missing'
  | 'referral_not_changeable'
  | 'database_unavailable';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "departure" or "overrides.2.unitId". */
  readonly field: string;
  readonly code: string;
  readonly params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly fields: readonly FieldIssue[];
  /** Extra members of the problem document, e.g. alternatives for a conflict. */
  readonly extensions: Record<string, unknown>;
  /**
   * The client of a record of another organisation that was asked for: the answer is an ordinary 404, but the
   * audit log records the attempt as denied in that client's access report. Never shown to the caller.
   */
  readonly refusedClient: string | undefined;

  constructor(
    code: ErrorCode,
    options: {
      params?: Record<string, string | number>;
      fields?: readonly FieldIssue[];
      extensions?: Record<string, unknown>;
      refusedClient?: string | null;
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = options.params ?? {};
    this.fields = options.fields ?? [];
    this.extensions = options.extensions ?? {};
    this.refusedClient = options.refusedClient ?? undefined;
  }
}

/** A record outside the caller's organisation: answered as if it did not exist, audited as a denied look at its client. */
export function outOfScope(entity: 'stay' | 'referral', clientId: string | null | undefined) {
  return new AppError('not_found', { params: { entity }, refusedClient: clientId });
}

export function notFound(
  entity:
    | 'stay'
    | 'unit'
    | 'client'
    | 'region'
    | 'location'
    | 'organisation'
    | 'closure'
    | 'user'
    | 'role_grant'
    | 'referral'
    | 'triage'
    | 'task'
    | 'notification'
    | 'page'
    | 'information'
    | 'appointment'
    | 'api_client',
) {
  return new AppError('not_found', { params: { entity } });
}
