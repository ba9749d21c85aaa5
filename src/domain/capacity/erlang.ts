/**
 * Erlang's loss formula (Erlang B): the share of requests that find every unit taken when requests arrive at random
 * (Poisson) and each keeps a unit for a while, with no waiting room: a request that finds no unit is lost (refused,
 * or sent outside the region). The answer depends on the stay lengths only through their mean (Sevastyanov's
 * insensitivity), which is why it fits stays of very different lengths.
 */

/** Offered load in Erlang: the mean number of units that would be busy if nobody were refused (Little's law). */
export function offeredLoad(arrivalsPerDay: number, meanStayDays: number): number {
  if (!(arrivalsPerDay >= 0) || !(meanStayDays >= 0)) throw new RangeError('arrival rate and stay length must be 0 or more');
  return arrivalsPerDay * meanStayDays;
}

/**
 * B(n, A) by the recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)). Every step stays between 0 and 1, so it
 * neither overflows nor loses precision the way A^n / n! over a sum of such terms does for large n.
 */
export function erlangB(units: number, load: number): number {
  if (!Number.isInteger(units) || units < 0) throw new RangeError(`units must be a whole number ≥ 0, not ${units}`);
  if (!(load >= 0) || !Number.isFinite(load)) throw new RangeError(`load must be a finite number ≥ 0, not ${load}`);
  let blocking = 1;
  for (let k = 1; k <= units; k++) blocking = (load * blocking) / (k + load * blocking);
  return blocking;
}

/** Beyond this many units the question is not about a region's temporary-stay beds. */
export const MAX_UNITS = 10_000;

/**
 * The smallest number of units whose share refused is at most the target. Zero load needs zero units. B falls with
 * every unit added, so counting up from the recursion's own steps finds it in one pass.
 */
export function unitsNeeded(load: number, target: number): number {
  if (!(target > 0 && target < 1)) throw new RangeError(`target must lie strictly between 0 and 1, not ${target}`);
  if (!(load >= 0) || !Number.isFinite(load)) throw new RangeError(`load must be a finite number ≥ 0, not ${load}`);
  if (load === 0) return 0;
  let blocking = 1;
  for (let units = 1; units <= MAX_UNITS; units++) {
    blocking = (load * blocking) / (units + load * blocking);
    if (blocking <= target) return units;
  }
  throw new RangeError(`more than ${MAX_UNITS} units would be needed for a load of ${load}`);
}

/** Mean number of units busy: the load that gets a unit. */
export function carriedLoad(units: number, load: number): number {
  return load * (1 - erlangB(units, load));
}
