import type { StayStatus } from '../../../src/domain/stay-lifecycle.ts';
import type { Language } from './i18n.tsx';

export const STAY_STATUS_LABELS: Record<StayStatus, Record<Language, string>> = {
  hold: { nl: 'Optie (vastgehouden)', en: 'Hold' },
  confirmed: { nl: 'Geboekt', en: 'Booked' },
  arrived: { nl: 'Logé is er', en: 'Guest arrived' },
  departed: { nl: 'Vertrokken', en: 'Departed' },
  cancelled: { nl: 'Geannuleerd', en: 'Cancelled' },
  no_show: { nl: 'Niet gekomen', en: 'No-show' },
  expired: { nl: 'Optie verlopen', en: 'Hold expired' },
};
