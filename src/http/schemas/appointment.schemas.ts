import { z } from 'zod';
import { APPOINTMENT_KINDS } from '../../domain/appointments.ts';
import { IsoDate, Uuid } from './common.ts';

const Time = z
  .string()
  .refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), { params: { code: 'invalid_time' } })
  .meta({ description: 'Dutch clock time, HH:MM' });

export const NewAppointmentBody = z
  .strictObject({
    locationId: Uuid,
    date: IsoDate,
    from: Time,
    until: Time,
    note: z.string().trim().max(500).optional().meta({ description: 'For the location, e.g. "dochter komt mee"; no health details' }),
  })
  .meta({ id: 'NewAppointment' });

export const Appointment = z
  .object({
    id: Uuid,
    kind: z.enum(APPOINTMENT_KINDS),
    locationId: Uuid,
    locationName: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    status: z.enum(['planned', 'cancelled']),
    note: z.string().nullable(),
  })
  .meta({ id: 'Appointment' });

export const DayAppointments = z
  .array(
    z.object({
      id: Uuid,
      kind: z.enum(APPOINTMENT_KINDS),
      locationId: Uuid,
      locationName: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      note: z.string().nullable(),
      reference: z.string(),
      clientId: Uuid,
      clientName: z.string(),
      caregiverName: z.string().nullable(),
      caregiverPhone: z.string().nullable(),
    }),
  )
  .meta({ id: 'DayAppointments' });
