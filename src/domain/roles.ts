/** Who can sign in, and what follows from the role alone (before any organisation scoping). */
export const ROLES = ['administrator', 'coordinator', 'referrer', 'provider_planner', 'policy_viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see personal or health data, or the audit log about it: they must use a second factor. */
const READS_PERSONAL_DATA: ReadonlySet<Role> = new Set(['administrator', 'coordinator', 'referrer', 'provider_planner']);

export function requiresSecondFactor(role: Role): boolean {
  return READS_PERSONAL_DATA.has(role);
}

/**
 * Four eyes: a role that sees personal data, or such a role for another organisation, is given only with a second
 * administrator's approval. Taking access away (to a role without personal data) needs no approval.
 */
export function grantNeedsApproval(
  current: { role: Role; organisationId: string | null } | null,
  wanted: { role: Role; organisationId: string | null },
): boolean {
  if (!READS_PERSONAL_DATA.has(wanted.role)) return false;
  return current === null || current.role !== wanted.role || current.organisationId !== wanted.organisationId;
}

/** Referrers and provider planners act for one organisation; their data is scoped to it. */
export function requiresOrganisation(role: Role): boolean {
  return role === 'referrer' || role === 'provider_planner';
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The person behind a request, as established by the session. */
export interface Actor {
  readonly userId: string;
  readonly email: string;
  readonly role: Role;
  readonly organisationId: string | null;
}

export const ROLE_LABELS: Record<Role, { nl: string; en: string }> = {
  administrator: { nl: 'Beheerder', en: 'Administrator' },
  coordinator: { nl: 'Coördinator', en: 'Coordinator' },
  referrer: { nl: 'Verwijzer', en: 'Referrer' },
  provider_planner: { nl: 'Planner zorgaanbieder', en: 'Provider planner' },
  policy_viewer: { nl: 'Beleidsmedewerker', en: 'Policy officer' },
};
