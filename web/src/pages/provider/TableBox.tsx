import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen scrolls inside its own box, not the page. The box is in the tab order with a name,
 * so someone without a mouse can scroll it with the arrow keys (WCAG 2.1.1).
 */
export function TableBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="adempauze-table-scroll adempauze-provider-table" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
