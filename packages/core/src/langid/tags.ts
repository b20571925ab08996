/** Base language of a BCP-47 tag: `pt-BR` → `pt`, `zh_Hant` → `zh`; undefined when it is not a tag. */
export function baseLanguage(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return base && /^[a-z]{2,3}$/.test(base) ? base : undefined;
}
