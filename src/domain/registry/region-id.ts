/**
 * A region's id is what addresses and exports use ("hoeksche-waard"): made once from its name, kept when the name
 * changes later.
 */
export function regionIdFromName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : `regio-${slug || 'x'}`;
}
