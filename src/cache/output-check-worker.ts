import { parentPort, workerData } from "node:worker_threads";
import type { OutputListing } from "./build-record.js";
import { checkOutput } from "./output-check.js";

// See output-check.ts: the check of a long output listing, on a thread of its own.
const { out, listing } = workerData as { out: string; listing: OutputListing };
parentPort!.postMessage(checkOutput(out, listing));
