import { type IsoDate, todayIso } from '../../../src/domain/dates.ts';

/**
 * "Today" as the server sees it. The server's clock may be set on another day (a demo, a test run), and the
 * computer's own clock may be wrong; every API answer carries the server's time, and pages ask this module.
 */
let offsetMs = 0;

export const SERVER_TIME_HEADER = 'x-adempauze-now';

export function syncWithServer(serverTime: string | null): void {
  const at = serverTime === null ? Number.NaN : Date.parse(serverTime);
  if (!Number.isNaN(at)) offsetMs = at - Date.now();
}

export function serverToday(): IsoDate {
  return todayIso(new Date(Date.now() + offsetMs));
}
