import { DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** One key and its value in a data list; nothing at all when there is no value, so a list shows only what is known. */
export function DataRow({ label, value }: { label: ReactNode; value: ReactNode }) {
  if (value === null || value === undefined || value === '' || value === false) return null;
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{value}</DataListValue>
    </DataListItem>
  );
}
