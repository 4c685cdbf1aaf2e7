import type { Vocabularies } from "../../../schema/vocabularies.js";
import type { CaseAssetListing } from "../../load/list-case-assets.js";
import type { ValidatedFile } from "../validate-file.js";

/** What every cross-case rule receives: all files, grouped by case, and the assets of each case. */
export interface RuleInput {
  files: readonly ValidatedFile[];
  byCase: ReadonlyMap<string, readonly ValidatedFile[]>;
  /** Every case id of the casebook (more than `byCase` holds when a part of it is validated). */
  caseIds: readonly string[];
  assets: ReadonlyMap<string, CaseAssetListing>;
  vocabularies: Vocabularies;
  neutralKeys: readonly string[];
  /** The current year, for open-ended periods (from SOURCE_DATE_EPOCH when set). */
  currentYear: number;
}
