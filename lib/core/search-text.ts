/**
 * Folds text for search: lower case, accents and Turkish dotless i removed, so "YILMAZ", "yilmaz"
 * and "Yılmaz", or "Berzina" and "Bērziņa", find each other.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[ıİ]/g, "i")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export function personSearchText(name: string, email: string): string {
  return foldForSearch(`${name} ${email}`);
}
