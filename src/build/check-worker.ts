import { parentPort } from "node:worker_threads";
import { checkPart, type CheckPartInput } from "./check-part.js";

// A worker thread of `casebook check`: started early, it checks the part of the casebook it is then
// sent and posts the result.
parentPort?.once("message", (input: CheckPartInput) => parentPort?.postMessage(checkPart(input)));
