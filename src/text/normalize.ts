/** NFKC folds full-width digits, letters and punctuation (１２％ -> 12%) so both retrieval paths see one spelling. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC');
}

/** For comparing quotes with sources: NFKC, then no white space at all. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/\s+/g, '');
}
