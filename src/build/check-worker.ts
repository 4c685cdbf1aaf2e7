import { parentPort } from "node:worker_threads";
import { checkBatches, type CheckBatchesInput } from "./check-batches.js";

// A worker thread of `casebook check`: started early, it claims batches of the casebook it is then
// sent until none is left, and posts what it found.
parentPort?.once("message", (input: CheckBatchesInput) => void checkBatches(input).then((checked) => parentPort?.postMessage(checked)));
