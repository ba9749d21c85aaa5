/**
 * Dutch citizen service number (BSN): 9 digits (8 are padded with a leading zero) whose weighted sum with weights
 * 9…2 and −1 is divisible by 11 (the "elfproef"). All zeros passes the sum but is not a number anyone has.
 */
export function isValidBsn(input: string): boolean {
  const digits = input.length === 8 ? `0${input}` : input;
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
  const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return sum % 11 === 0;
}

export function normaliseBsn(input: string): string {
  return input.length === 8 ? `0${input}` : input;
}

/** "3262gd", "3262 GD" → "3262 GD"; undefined when it is not a Dutch postcode. */
export function normalisePostcode(input: string): string | undefined {
  const match = /^\s*([1-9]\d{3})\s*([a-zA-Z]{2})\s*$/.exec(input);
  if (!match) return undefined;
  const letters = match[2]!.toUpperCase();
  // SA, SD and SS are never issued.
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return undefined;
  return `${match[1]} ${letters}`;
}

/** A uuid as PostgreSQL's uuid type takes it; ids from a URL may be anything. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
