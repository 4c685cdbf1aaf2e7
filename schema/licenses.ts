import { createRequire } from "node:module";

// SPDX license identifiers from the spdx-license-ids package.
const require = createRequire(import.meta.url);
export const SPDX_LICENSE_IDS: readonly string[] = require("spdx-license-ids");
export const DEFAULT_LICENSE = "CC-BY-4.0";
