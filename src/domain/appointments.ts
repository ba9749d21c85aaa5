/** The kinds of request that are an appointment at a location, not a stay: no bed, no medical triage. */
export const APPOINTMENT_KINDS = ['tour', 'trial_stay'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
