/** How a value reads to a person who wrote it in YAML. */
export function describeValue(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return `the text ${quote(value)}`;
    case "number":
      return `the number ${value}`;
    case "boolean":
      return `${value} (a yes/no value)`;
    case "object":
      return "a group of fields";
    default:
      return "nothing";
  }
}

export function describeExpected(expected: string): string {
  switch (expected) {
    case "string":
      return "text";
    case "number":
    case "int":
      return expected === "int" ? "a whole number" : "a number";
    case "array":
      return "a list";
    case "object":
      return "a group of fields";
    case "boolean":
      return "true or false";
    default:
      return expected;
  }
}

export function quote(text: string, max = 60): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `"${short.replaceAll("\n", "\\n")}"`;
}
