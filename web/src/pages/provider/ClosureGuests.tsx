import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { SelectField } from '../../forms/fields.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import type { z } from 'zod';
import type { ClosureCheck } from '../../../../src/http/schemas/provider.schemas.ts';

/** A guest booked in a period about to close, with the free units of the provider the stay could move to. */
export type AffectedGuest = z.infer<typeof ClosureCheck>[number];

type Key = 'warning' | 'guest' | 'move' | 'stay' | 'staying' | 'go' | 'back' | 'coordinator';

const texts: Texts<Key> = {
  nl: {
    warning: 'Let op: in deze periode {count|is # gast|zijn # gasten} geboekt. Kies per gast wat er gebeurt voordat u sluit.',
    guest: '{name}, {unit}, {from} – {to}',
    move: 'Wat gebeurt er met {name}?',
    stay: 'Laten staan; het aanmeldpunt zoekt een oplossing',
    staying: '{name} logeert nu in deze plek en blijft tot het vertrek.',
    go: 'Sluiten',
    back: 'Terug',
    coordinator: 'Gasten die blijven staan, meldt Adempauze direct bij het aanmeldpunt.',
  },
  en: {
    warning: 'Note: {count|# guest is|# guests are} booked in this period. Choose for each guest what happens before you close.',
    guest: '{name}, {unit}, {from} – {to}',
    move: 'What happens to {name}?',
    stay: 'Leave it; the central point finds a solution',
    staying: '{name} is staying in this unit now and stays until departure.',
    go: 'Close',
    back: 'Back',
    coordinator: 'Guests who are left are reported to the central point at once.',
  },
};

/** The warning before closing over booked guests: per guest move to a free unit, or leave it to the central point. */
export function ClosureGuests({
  guests,
  moves,
  onMove,
  onConfirm,
  onBack,
  busy,
}: {
  guests: readonly AffectedGuest[];
  moves: Record<string, string>;
  onMove(stayId: string, unitId: string): void;
  onConfirm(): void;
  onBack(): void;
  busy: boolean;
}) {
  const t = useTexts(texts);
  const label = (guest: AffectedGuest) =>
    t('guest', { name: guest.guestName, unit: guest.unitName, from: formatDate(guest.arrival), to: formatDate(guest.departure) });
  return (
    <Alert type="warning">
      <Paragraph>{t('warning', { count: guests.length })}</Paragraph>
      {guests.map((guest) => (
        <div key={guest.stayId}>
          <Paragraph>
            <strong>{label(guest)}</strong>
          </Paragraph>
          {guest.status === 'arrived' ? (
            <Paragraph>{t('staying', { name: guest.guestName })}</Paragraph>
          ) : (
            <SelectField
              name={`move-${guest.stayId}`}
              label={t('move', { name: guest.guestName })}
              error={null}
              value={moves[guest.stayId] ?? ''}
              onChange={(unitId) => onMove(guest.stayId, unitId)}
              options={[
                { value: '', label: t('stay') },
                ...guest.moveTo.map((option) => ({
                  value: option.unitId,
                  label: `${option.locationName}, ${option.unitName} (${formatNumber(option.distanceKm)} km)`,
                })),
              ]}
            />
          )}
        </div>
      ))}
      <Paragraph>{t('coordinator')}</Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action-button" disabled={busy} onClick={onConfirm}>
          {t('go')}
        </Button>
        <Button appearance="subtle-button" onClick={onBack}>
          {t('back')}
        </Button>
      </ButtonGroup>
    </Alert>
  );
}
