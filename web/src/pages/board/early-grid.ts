import { api } from '../../api/client.ts';
import type { Grid } from './board-model.ts';

const GRID_ADDRESS = '/api/availability/grid?';

interface EarlyGrid {
  query: string;
  grid: Promise<Grid>;
  loaded?: Grid;
}

let early: EarlyGrid | undefined;

/**
 * Asks for the grid the server named in the page (web-page-hints.ts: the board opened by its address, for a visitor
 * with a session cookie) as soon as the application's script runs: before React draws anything and without waiting
 * for the session's answer, so it is usually here when the board is first drawn. A refusal (no valid session, no
 * access) is forgotten, so the board asks again after signing in.
 */
export function fetchHintedGrid(): void {
  const href = document.querySelector<HTMLLinkElement>(`link[rel="preload"][href^="${GRID_ADDRESS}"]`)?.getAttribute('href');
  if (!href) return;
  const ready: EarlyGrid = { query: href.slice(GRID_ADDRESS.length), grid: api<Grid>('GET', href.slice('/api'.length)) };
  ready.grid.then(
    (loaded) => {
      ready.loaded = loaded;
    },
    () => {
      if (early === ready) early = undefined;
    },
  );
  early = ready;
}

/** The early grid if it answers this query and has already arrived: the board's first drawing can show it. */
export function arrivedEarlyGrid(query: string): Grid | undefined {
  return early?.query === query ? early.loaded : undefined;
}

/** The board's first grid load: the early grid if it answers the same query. Used once; later loads ask the server. */
export function takeEarlyGrid(query: string): Promise<Grid> | undefined {
  const taken = early?.query === query ? early.grid : undefined;
  early = undefined;
  return taken;
}
