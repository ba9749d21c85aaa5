import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ClosureKind, ClosureReason } from '../domain/provider/closures.ts';
import type { SupportCategory } from '../domain/support-info.ts';
import type { ReferralKind, ReferrerKind } from '../domain/referral.ts';
import type { ReferralStatus } from '../domain/referral-lifecycle.ts';
import type { Role } from '../domain/roles.ts';
import type { StayType } from '../domain/stay-types.ts';
import type { Topic, Urgency } from '../domain/triage/outcome.ts';

/** Row types of the tables created by the SQL migrations. Rows stop at the service layer. */

// Dates and ranges are parsed as strings by both drivers (see database.ts); timestamps as Date.
type DateColumn = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type ReadOnly<T> = ColumnType<T, never, never>;

export interface RegionTable {
  id: string;
  name: string;
  municipalities: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
}

export interface RegionPostcodeTable {
  pc4: string;
  region_id: string;
}

export interface RegionNeighbourTable {
  region_id: string;
  neighbour_id: string;
}

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  agb_code: string | null;
  contact_name: ColumnType<string | null, string | null | undefined, string | null>;
  contact_email: ColumnType<string | null, string | null | undefined, string | null>;
  contact_phone: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface AdmissionHoursJson {
  weekday: number;
  from: string;
  until: string;
}

export interface LocationTable {
  id: Generated<string>;
  organisation_id: string;
  region_id: string;
  name: string;
  street: string;
  house_number: string;
  postcode: string;
  city: string;
  pc4: string;
  latitude: number;
  longitude: number;
  features: ColumnType<string[], string[] | undefined, string[]>;
  admission_hours: ColumnType<AdmissionHoursJson[], string | undefined, string>;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  description: ColumnType<string | null, string | null | undefined, string | null>;
  homeliness: ColumnType<string | null, string | null | undefined, string | null>;
  confirmed_at: Timestamp;
  updated_at: Timestamp;
  created_at: Timestamp;
}

export interface CapacityUnitTable {
  id: Generated<string>;
  location_id: string;
  name: string;
  kind: ColumnType<'bed' | 'home_night', 'bed' | 'home_night' | undefined, 'bed' | 'home_night'>;
  accepted_stay_types: StayType[];
  reserved_for: StayType | null;
  features: ColumnType<string[], string[] | undefined, string[]>;
  active_from: DateColumn;
  active_until: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnitClosureTable {
  id: Generated<string>;
  unit_id: string;
  starts_on: DateColumn;
  ends_on: DateColumn;
  period: ReadOnly<string>;
  /** 'not_admitting': staffed capacity is down for a while, with an expected end; 'closure': planned. */
  kind: ColumnType<ClosureKind, ClosureKind | undefined, ClosureKind>;
  reason: ClosureReason;
  note: string | null;
  created_at: Timestamp;
}

export interface ClientTable {
  id: Generated<string>;
  name: string;
  date_of_birth: ColumnType<string | null, string | null | undefined, string | null>;
  pc4: string | null;
  bsn: ColumnType<string | null, string | null | undefined, string | null>;
  street: ColumnType<string | null, string | null | undefined, string | null>;
  house_number: ColumnType<string | null, string | null | undefined, string | null>;
  postcode: ColumnType<string | null, string | null | undefined, string | null>;
  city: ColumnType<string | null, string | null | undefined, string | null>;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  anonymised_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ReferralTable {
  id: Generated<string>;
  reference: string;
  status: ColumnType<ReferralStatus, ReferralStatus | undefined, ReferralStatus>;
  source: 'professional' | 'public';
  referrer_kind: ReferrerKind;
  referrer_user_id: string | null;
  referrer_organisation_id: string | null;
  kind: ReferralKind;
  client_id: string;
  partner_client_id: string | null;
  caregiver_name: string | null;
  caregiver_relation: string | null;
  caregiver_works: boolean | null;
  caregiver_phone: string | null;
  caregiver_email: string | null;
  wished_arrival: ColumnType<string | null, string | null | undefined, string | null>;
  wished_departure: ColumnType<string | null, string | null | undefined, string | null>;
  flexibility_days: ColumnType<number, number | undefined, number>;
  recurrence: string | null;
  preferred_location_ids: ColumnType<string[], string[] | undefined, string[]>;
  indication_wmo: ColumnType<boolean, boolean | undefined, boolean>;
  indication_wlz_profile: string | null;
  indication_zvw_nursing: ColumnType<boolean, boolean | undefined, boolean>;
  consent_at: ColumnType<Date, Date | string, Date | string>;
  consent_given_by: string;
  message: string | null;
  cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
  expected_nights: ColumnType<number | null, number | null | undefined, number | null>;
  urgency: ColumnType<Urgency | null, Urgency | null | undefined, Urgency | null>;
  callback_phone: ColumnType<string | null, string | null | undefined, string | null>;
  close_reason: ColumnType<string | null, string | null | undefined, string | null>;
  provider_note: ColumnType<string | null, string | null | undefined, string | null>;
  /** The system (FHIR key) that sent it, instead of a person (0032_api_client.sql). */
  referrer_api_client_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Triage answers the sending system proposed (0033); the coordinator's triage decides. */
  proposed_answers: ColumnType<unknown, string | null | undefined, string | null>;
  /** Night care at home instead of a bed away from home (0030_public_request_needs.sql). */
  at_home: ColumnType<boolean, boolean | undefined, boolean>;
  /** What the caregiver ticked about the care needed (CARE_NEEDS); not a triage. */
  care_needs: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StaySeriesTable {
  id: Generated<string>;
  client_id: string;
  rrule: string;
  nights: number;
  created_at: Timestamp;
}

export type StayStatus = 'hold' | 'confirmed' | 'arrived' | 'departed' | 'cancelled' | 'no_show' | 'expired';

export interface StayTable {
  id: Generated<string>;
  unit_id: string;
  client_id: string;
  stay_type: StayType;
  arrival: DateColumn;
  departure: DateColumn;
  period: ReadOnly<string>;
  status: StayStatus;
  hold_expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancel_reason: string | null;
  series_id: string | null;
  referral_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The departure is an expectation (crisis, ELV): extended or shortened when the end is known. */
  open_ended: ColumnType<boolean, boolean | undefined, boolean>;
  /** Grows by one with every change (trigger of 0015_stay_revision.sql): the iCalendar SEQUENCE. */
  revision: ColumnType<number, never, never>;
  /** What the guest needs, from the triage; the database refuses a unit that lacks it (0026_required_features.sql). */
  required_features: ColumnType<string[], string[] | undefined, string[]>;
  /** A coordinator placed the guest on a unit that lacks some of it, for this reason. */
  feature_override_reason: ColumnType<string | null, string | null | undefined, string | null>;
  feature_override_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MunicipalityEntitlementTable {
  municipality: string;
  crisis_max_nights: number | null;
  respite_nights_per_year: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface LocationTariffTable {
  id: Generated<string>;
  location_id: string;
  stay_type: StayType;
  funding: ColumnType<'in_kind' | 'personal_budget', 'in_kind' | 'personal_budget' | undefined, 'in_kind' | 'personal_budget'>;
  housing_cents: ColumnType<number, number | undefined, number>;
  stay_cents: ColumnType<number, number | undefined, number>;
  care_cents: ColumnType<number, number | undefined, number>;
  valid_from: DateColumn;
  valid_until: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RegionYearlyCostTable {
  id: Generated<string>;
  region_id: string;
  kind: 'staff' | 'coordination' | 'availability_contract';
  description: string;
  location_id: string | null;
  cents_per_year: number;
  /** Whole percents that add up to 100. */
  municipality_percent: number;
  insurer_percent: number;
  care_office_percent: number;
  valid_from: DateColumn;
  valid_until: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface JobRunTable {
  job: string;
  tick: Timestamp;
  process: string;
  started_at: Timestamp;
  finished_at: Date | null;
  failed: boolean | null;
}

/** The change feed the read model polls (0037): which row changed in which transaction, not its new state. */
export interface AvailabilityChangeTable {
  /** xid8, read as text: it may exceed 2^53. */
  xid: Generated<string>;
  kind: 'stay' | 'closure' | 'registry';
  row_id: string | null;
}

/** How far the change feed has been pruned: rows of transactions before `before` are gone (xid8 as text). */
export interface AvailabilityChangePrunedTable {
  before: string;
}

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Role;
  organisation_id: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  totp_last_step: ColumnType<string | null, number | null | undefined, number | null>;
  failed_second_factors: ColumnType<number, number | undefined, number>;
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface PasswordFailureTable {
  user_id: string;
  address: string;
  failures: ColumnType<number, number | undefined, number>;
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ReferralStatusLinkTable {
  token_hash: string;
  referral_id: string;
  created_at: Timestamp;
}

export interface AccessPointContactTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  phone: string | null;
  email: string | null;
  hours: string | null;
  updated_at: Timestamp;
}

/** 0031_caregiver_contact.sql: the caregiver's fixed contact person and yearly check-in, by the guest. */
export interface CaregiverContactTable {
  client_id: string;
  contact_user_id: string | null;
  next_check_in: ColumnType<string | null, string | null | undefined, string | null>;
  opted_out_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_at: Timestamp;
}

export interface BurdenScreeningTable {
  id: Generated<string>;
  client_id: string;
  /** Stored as given; read back through parseBurdenAnswers. */
  answers: ColumnType<unknown, string, never>;
  score: number;
  taken_by: 'caregiver' | 'coordinator';
  recorded_by: string | null;
  taken_at: Timestamp;
}

/** 0032_api_client.sql: a system that calls the FHIR endpoint with a key. */
export interface ApiClientTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  key_hash: string;
  scopes: string[];
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface LocationPhotoTable {
  id: Generated<string>;
  location_id: string;
  content_type: string;
  bytes: Buffer;
  alt: string;
  created_at: Timestamp;
}

export interface RoleGrantTable {
  id: Generated<string>;
  user_id: string;
  role: Role;
  organisation_id: string | null;
  invitation: boolean;
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  approved: boolean | null;
}

export interface RecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type SessionStage = 'second_factor' | 'enrol' | 'full';

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  stage: SessionStage;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date, Date>;
  ip: string | null;
}

export interface OneTimeTokenTable {
  token_hash: string;
  user_id: string;
  purpose: 'invite' | 'password_reset';
  expires_at: ColumnType<Date, Date, Date>;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Timestamp;
}

export interface MailMessageTable {
  id: Generated<string>;
  recipient: string;
  subject: string;
  body: string;
  created_at: Timestamp;
}

export interface AuditEventTable {
  id: ColumnType<string, never, never>;
  at: Timestamp;
  user_id: string | null;
  user_email: string | null;
  role: string | null;
  organisation_id: string | null;
  action: string;
  entity: string;
  record_id: string | null;
  client_id: string | null;
  purpose: string;
  outcome: 'success' | 'denied' | 'failed';
  http_status: number | null;
  ip: string | null;
}

export interface TriageTable {
  id: Generated<string>;
  referral_id: string;
  client_id: string;
  questionnaire_version: string;
  answers: ColumnType<unknown, string, string>;
  outcome: ColumnType<unknown, string, string>;
  triaged_by: string | null;
  created_at: Timestamp;
}

export interface TriageOverrideTable {
  id: Generated<string>;
  triage_id: string;
  client_id: string;
  topic: Topic;
  value: ColumnType<unknown, string, string>;
  reason: string;
  overridden_by: string | null;
  created_at: Timestamp;
}

export interface TaskTable {
  id: Generated<string>;
  referral_id: string;
  client_id: string;
  kind: 'aftercare_call';
  status: ColumnType<'open' | 'done', 'open' | 'done' | undefined, 'open' | 'done'>;
  due_on: DateColumn;
  note: string | null;
  done_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  done_by: string | null;
  created_at: Timestamp;
}

export interface SurveyTable {
  id: Generated<string>;
  stay_id: string;
  referral_id: string;
  client_id: string;
  respondent: 'caregiver' | 'guest';
  token_hash: string;
  expires_at: ColumnType<Date, Date, Date>;
  answered_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  scores: ColumnType<unknown, string | null | undefined, string | null>;
  comment: string | null;
  created_at: Timestamp;
}

export interface CoPaymentRuleTable {
  id: Generated<string>;
  municipality: string;
  cents_per_night: number;
  valid_from: DateColumn;
  valid_until: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OfferTable {
  id: Generated<string>;
  referral_id: string;
  stay_id: string;
  unit_id: string;
  created_at: Timestamp;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string | null;
  role: string | null;
  kind: 'offer' | 'booking' | 'change' | 'reminder';
  title: string;
  body: string;
  referral_id: string | null;
  stay_id: string | null;
  created_at: Timestamp;
  read_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type ReferralEventKind =
  | 'waiting'
  | 'booked'
  | 'confirmed'
  | 'cancelled'
  | 'expired'
  | 'no_show'
  | 'arrived'
  | 'departed'
  | 'extended'
  | 'shortened'
  | 'dates_changed'
  | 'moved'
  | 'referral_changed'
  | 'referral_withdrawn'
  | 'referral_closed';

/** What a change of the referral itself writes in referral_event.details: the names of the fields changed. */
export interface ReferralChangeDetails {
  fields: string[];
}

/** What 0013's trigger writes in referral_event.details: the stay after the change, and what changed. */
export interface StayEventDetails {
  unitId: string;
  arrival: string;
  departure: string;
  status: StayStatus;
  previousStatus?: StayStatus;
  previousArrival?: string;
  previousDeparture?: string;
  previousUnitId?: string;
  /** The series the stay belongs to (0023): a series is told in one notice. */
  seriesId?: string;
}

export interface ReferralEventTable {
  id: ColumnType<string, never, never>;
  /** Null for the event of a stay without a referral: there for the provider's notice only (0023). */
  referral_id: string | null;
  stay_id: string | null;
  kind: ReferralEventKind;
  at: Timestamp;
  actor_role: string | null;
  details: ColumnType<StayEventDetails | ReferralChangeDetails | Record<string, never>, string | undefined, string>;
  notice_pending: ColumnType<boolean, boolean | undefined, boolean>;
}

/** A tour or trial stay at a location (0025): no bed, no triage. */
export interface AppointmentTable {
  id: Generated<string>;
  referral_id: string;
  location_id: string;
  kind: 'tour' | 'trial_stay';
  starts_at: ColumnType<Date, Date | string, Date | string>;
  ends_at: ColumnType<Date, Date | string, Date | string>;
  status: ColumnType<'planned' | 'cancelled', 'planned' | 'cancelled' | undefined, 'planned' | 'cancelled'>;
  note: string | null;
  created_at: Timestamp;
}

export interface StayReminderTable {
  stay_id: string;
  arrival: DateColumn;
  sent_at: Timestamp;
}

export interface SupportItemTable {
  id: Generated<string>;
  municipality: string | null;
  category: SupportCategory;
  title: string;
  summary: string;
  body: ColumnType<string, string | undefined, string>;
  phone: string | null;
  email: string | null;
  url: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string | null;
}

export interface Database {
  region: RegionTable;
  region_postcode: RegionPostcodeTable;
  region_neighbour: RegionNeighbourTable;
  organisation: OrganisationTable;
  location: LocationTable;
  capacity_unit: CapacityUnitTable;
  unit_closure: UnitClosureTable;
  client: ClientTable;
  stay_series: StaySeriesTable;
  stay: StayTable;
  location_tariff: LocationTariffTable;
  region_yearly_cost: RegionYearlyCostTable;
  job_run: JobRunTable;
  availability_change: AvailabilityChangeTable;
  availability_change_pruned: AvailabilityChangePrunedTable;
  app_user: AppUserTable;
  password_failure: PasswordFailureTable;
  referral_status_link: ReferralStatusLinkTable;
  access_point_contact: AccessPointContactTable;
  caregiver_contact: CaregiverContactTable;
  burden_screening: BurdenScreeningTable;
  api_client: ApiClientTable;
  role_grant: RoleGrantTable;
  location_photo: LocationPhotoTable;
  recovery_code: RecoveryCodeTable;
  user_session: UserSessionTable;
  one_time_token: OneTimeTokenTable;
  mail_message: MailMessageTable;
  audit_event: AuditEventTable;
  referral: ReferralTable;
  triage: TriageTable;
  triage_override: TriageOverrideTable;
  task: TaskTable;
  survey: SurveyTable;
  co_payment_rule: CoPaymentRuleTable;
  municipality_entitlement: MunicipalityEntitlementTable;
  offer: OfferTable;
  notification: NotificationTable;
  referral_event: ReferralEventTable;
  stay_reminder: StayReminderTable;
  appointment: AppointmentTable;
  support_item: SupportItemTable;
}

export type StayRow = Selectable<StayTable>;
export type NewStayRow = Insertable<StayTable>;
export type UnitRow = Selectable<CapacityUnitTable>;
export type LocationRow = Selectable<LocationTable>;
