import type { IsoDate } from '../domain/dates.ts';
import { BOARD_DEFAULT_NIGHTS, boardGridQuery } from './board-grid-address.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * What a page will ask for as soon as its script runs, named in the page itself so the browser fetches it while it
 * still downloads the script: the session (every page waits for it), the script of a staff page opened by its
 * address, and the board's grid. Each hint must be exactly the request the web application makes later
 * (same address, same mode), or the browser fetches twice: the board's grid query comes from board-grid-address.ts, as
 * the board's own.
 */

/** The vite build's manifest (build.manifest): source module → its hashed file. */
export type WebManifest = Record<string, { file: string }>;

/** Staff pages by address, as App.tsx loads them ('/' at the end: any address under it). */
const PAGE_MODULES: [path: string, module: string][] = [
  ['/aanmeldpunt', 'src/pages/coordinator/Inbox.tsx'],
  ['/verwijzen', 'src/pages/referrer/NewReferral.tsx'],
  ['/zorgaanbieder/', 'src/pages/provider/ProviderWorkspace.tsx'],
  ['/bezetting', 'src/pages/board/Board.tsx'],
  ['/beleid', 'src/pages/policy/PolicyRoute.tsx'],
  ['/beheer', 'src/pages/admin/AdminHome.tsx'],
];

export function pageHints(address: URL, options: { signedIn: boolean; today: IsoDate; manifest: WebManifest | undefined }): string[] {
  const hints = ['<link rel="preload" as="fetch" crossorigin href="/api/auth/session">'];
  const path = address.pathname;
  const module = PAGE_MODULES.find(([page]) => (page.endsWith('/') ? path.startsWith(page) : path === page))?.[1];
  const file = module && options.manifest?.[module]?.file;
  if (file) hints.push(`<link rel="modulepreload" crossorigin href="/${escapeHtml(file)}">`);
  const grid = path === '/bezetting' && options.signedIn ? boardGridAddress(address.searchParams, options.today) : undefined;
  if (grid) hints.push(`<link rel="preload" as="fetch" crossorigin href="${escapeHtml(grid)}">`);
  return hints;
}

/** The grid the board opens with, for a region named in the address: the web application's first grid request. */
function boardGridAddress(search: URLSearchParams, today: IsoDate): string | undefined {
  const regionId = search.get('regio');
  const days = search.get('dagen') ?? String(BOARD_DEFAULT_NIGHTS);
  if (!regionId || !/^[1-9]\d{0,2}$/.test(days)) return undefined;
  return `/api/availability/grid?${boardGridQuery({ regionId, from: today, days: Number(days) })}`;
}

/** index.html with the hints at the end of its head. */
export function withHints(html: string, hints: string[]): string {
  return html.replace('</head>', `${hints.join('\n    ')}\n  </head>`);
}
