/** How our problem codes read as OperationOutcome issue types (FHIR's IssueType code list). */
const ISSUE_TYPE: Record<string, string> = {
  validation_failed: 'invalid',
  not_found: 'not-found',
  unauthenticated: 'login',
  second_factor_required: 'login',
  forbidden: 'forbidden',
  rate_limited: 'throttled',
  database_unavailable: 'transient',
};

/** A problem document (RFC 9457) as a FHIR OperationOutcome: one issue, or one per field at fault. */
export function operationOutcome(problem: {
  status: number;
  title: string;
  detail: string;
  code?: string;
  errors?: { field: string; code: string; detail: string }[];
}) {
  const code = ISSUE_TYPE[problem.code ?? ''] ?? (problem.status === 404 ? 'not-found' : problem.status < 500 ? 'invalid' : 'exception');
  const severity = problem.status >= 500 ? 'fatal' : 'error';
  const issues =
    problem.errors && problem.errors.length > 0
      ? problem.errors.map((error) => ({
          severity,
          code,
          diagnostics: error.code,
          details: { text: error.detail },
          expression: [error.field],
        }))
      : [
          {
            severity,
            code,
            ...(problem.code ? { diagnostics: problem.code } : {}),
            details: { text: `${problem.title}: ${problem.detail}` },
          },
        ];
  return { resourceType: 'OperationOutcome' as const, issue: issues };
}
