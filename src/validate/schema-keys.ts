import type { z } from "zod";
import type { PathKey } from "./yaml-node-at.js";

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Steps through wrappers (optional, default, pipe…) to the schema that holds the value. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (!inner) return current;
    current = inner;
  }
}

/** The field names that the object schema at `path` accepts, for "did you mean" suggestions. */
export function knownKeysAt(schema: z.ZodType, path: readonly PathKey[]): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const key of path) {
    if (!current) return [];
    const def = defOf(current);
    if (def.type === "object" && typeof key === "string") current = def.shape?.[key];
    else if (def.type === "array") current = def.element;
    else return [];
    current = current && unwrap(current);
  }
  const def = current && defOf(current);
  return def?.type === "object" ? Object.keys(def.shape ?? {}) : [];
}
