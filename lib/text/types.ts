/** An alias as a knowledge pack gives it. */
export interface AliasSpec {
  entityId: string;
  /** e.g. "Kassym-Jomart Tokayev", "Лукашенко", "CSTO" */
  text: string;
  /** BCP 47 if the pack says (e.g. 'ru', 'cs'); else inferred from the script and letters. */
  lang?: string;
  /** undefined: automatic (short all-capital acronyms are case-sensitive). */
  caseSensitive?: boolean;
  /** Higher = likelier when one alias names several entities (default 0). */
  weight?: number;
}

/** A match in the source string (offsets are UTF-16 indexes into the ORIGINAL, unfolded string). */
export interface TextMatch {
  start: number;
  /** Exclusive; covers the name itself, not a trailing possessive ’s / s’. */
  end: number;
  /** Every entity the alias names: likeliest (highest weight) first, then ids ascending. */
  entityIds: string[];
  /** The AliasSpec.text that matched. */
  alias: string;
}
