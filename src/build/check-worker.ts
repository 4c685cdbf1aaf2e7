import { parentPort, workerData } from "node:worker_threads";
import { checkPart, type CheckPartInput } from "./check-part.js";

// A worker thread of `casebook check`: checks the part of the casebook it is given and posts the result.
parentPort?.postMessage(checkPart(workerData as CheckPartInput));
