/** ORCID iD shape: four groups of four digits, the last character a digit or X. */
export const ORCID_PATTERN = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** The ISO 7064 MOD 11-2 check character that ORCID uses. */
export function orcidCheckDigit(baseDigits: string): string {
  let total = 0;
  for (const digit of baseDigits) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? "X" : String(result);
}

export function isValidOrcid(orcid: string): boolean {
  if (!ORCID_PATTERN.test(orcid)) return false;
  const digits = orcid.replaceAll("-", "");
  return orcidCheckDigit(digits.slice(0, 15)) === digits[15];
}
