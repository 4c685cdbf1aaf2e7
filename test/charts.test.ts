import type { Element, ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { toString } from "hast-util-to-string";
import countries from "i18n-iso-countries";
import { describe, expect, it } from "vitest";
import { barChart } from "../src/site/charts/bar-chart.js";
import { choroplethBreaks, choroplethStep } from "../src/site/charts/choropleth-scale.js";
import { columnChart } from "../src/site/charts/column-chart.js";
import { CompactPath } from "../src/site/charts/compact-path.js";
import { fitText, textWidth } from "../src/site/charts/text-fit.js";
import { worldChoropleth } from "../src/site/charts/world-choropleth.js";
import type { WorldChoroplethOptions } from "../src/site/charts/world-choropleth.js";

const names: Record<string, string> = {
  CN: "China", DE: "Germany", BR: "Brazil", US: "United States", KE: "Kenya", FR: "France", SG: "Singapore",
  JP: "Japan", ZZ: "Nowhere",
};
const countryName = (alpha2: string) => names[alpha2] ?? alpha2;
const hostile = `<script>alert("x")</script> & 'quotes'`;

function elements(node: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (child: Root | ElementContent) => {
    if (child.type === "element" && test(child)) found.push(child);
    if ("children" in child) (child.children as ElementContent[]).forEach(walk);
  };
  walk(node);
  return found;
}
const byTag = (node: Root | Element, tag: string) => elements(node, (element) => element.tagName === tag);
const classes = (element: Element) => (element.properties["className"] as string[] | undefined) ?? [];
const titleOf = (element: Element) => element.children.find((c): c is Element => c.type === "element" && c.tagName === "title");
const tableRows = (table: Element) =>
  byTag(byTag(table, "tbody")[0]!, "tr").map((row) => byTag(row, "th").concat(byTag(row, "td")).map((cell) => toString(cell)));

function expectAccessible(svg: Element, table: Element, idPrefix: string, title: string, description: string) {
  expect(svg.properties["role"]).toBe("img");
  expect(svg.properties["ariaLabelledBy"]).toEqual([`${idPrefix}-title`, `${idPrefix}-desc`]);
  expect(svg.properties["viewBox"]).toMatch(/^0 0 \d+(\.\d)? \d+(\.\d)?$/);
  expect(svg.properties["width"]).toBeUndefined();
  const [first, second] = svg.children as Element[];
  expect([first?.tagName, first?.properties["id"], toString(first!)]).toEqual(["title", `${idPrefix}-title`, title]);
  expect([second?.tagName, second?.properties["id"], toString(second!)]).toEqual(["desc", `${idPrefix}-desc`, description]);
  expect(table.tagName).toBe("table");
  expect(toString(byTag(table, "caption")[0]!)).toBe(title);
}

describe("worldChoropleth", () => {
  const counts = new Map([["CN", 100], ["DE", 40], ["BR", 16], ["US", 6], ["KE", 3], ["FR", 1], ["SG", 2], ["ZZ", 4]]);
  const options: WorldChoroplethOptions = {
    counts, countryName, title: "Cases by country", description: "Most cases are in China.", idPrefix: "world",
    legendTitle: "Cases", noCasesLabel: "No cases", tableHeaders: ["Country", "Cases"],
  };
  const { svg, table } = worldChoropleth(options);
  const html = toHtml(svg);
  const shape = (alpha2: string) => elements(svg, (e) => e.properties["dataCountry"] === alpha2)[0];

  it("is an accessible image with a table of the same numbers", () => {
    expectAccessible(svg, table, "world", "Cases by country", "Most cases are in China.");
    expect(toString(byTag(table, "thead")[0]!)).toBe("CountryCases");
  });

  it("shades China darkest and titles it with its count", () => {
    const china = shape("CN")!;
    expect(china.tagName).toBe("path");
    expect(classes(china)).toEqual(["choropleth-5"]);
    expect(toString(titleOf(china)!)).toBe("China: 100 cases");
    // Only a presentation attribute as fallback colour, which any CSS rule on the class overrides.
    expect(Object.keys(china.properties).sort()).toEqual(["className", "d", "dataCountry", "fill"]);
    expect(html).toMatch(/<path class="choropleth-5" data-country="CN"[^>]* d="M[^"]+"><title>China: 100 cases<\/title><\/path>/);
  });

  it("puts each country in the step of its count, on a logarithmic scale", () => {
    expect(choroplethBreaks(100)).toEqual([3, 6, 16, 40, 100]);
    const steps = ["CN", "DE", "BR", "US", "KE", "FR"].map((code) => classes(shape(code)!)[0]);
    expect(steps).toEqual(["choropleth-5", "choropleth-4", "choropleth-3", "choropleth-2", "choropleth-1", "choropleth-1"]);
  });

  it("gives countries without cases the lightest class and no title", () => {
    const japan = shape("JP")!;
    expect(classes(japan)).toEqual(["choropleth-0"]);
    expect(titleOf(japan)).toBeUndefined();
    for (const path of elements(svg, (e) => classes(e).includes("choropleth-0") && e.tagName === "path")) {
      expect(path.children).toEqual([]);
    }
    // The chart's own title, then one per country with cases that is on the map (ZZ is nowhere).
    expect(byTag(svg, "title")).toHaveLength(1 + 7);
    expect(byTag(svg, "path").length).toBeGreaterThan(170);
  });

  it("marks countries too small for the map with a titled circle", () => {
    const singapore = shape("SG")!;
    expect(singapore.tagName).toBe("circle");
    expect(classes(singapore)).toEqual(["choropleth-1", "choropleth-marker"]);
    expect(toString(titleOf(singapore)!)).toBe("Singapore: 2 cases");
  });

  it("lists exactly the input in its table, most cases first", () => {
    const expected = [...counts].sort((a, b) => b[1] - a[1]).map(([code, count]) => [countryName(code), String(count)]);
    expect(tableRows(table)).toEqual(expected);
  });

  it("draws a legend with the caller's words and the ranges of the steps", () => {
    const legend = elements(svg, (e) => classes(e).includes("choropleth-legend"))[0]!;
    expect(byTag(legend, "text").map((text) => toString(text))).toEqual(["Cases", "No cases", "1–3", "4–6", "7–16", "17–40", "41–100"]);
  });

  it("is deterministic and small", () => {
    const reordered = worldChoropleth({ ...options, counts: new Map([...counts].reverse()) });
    expect(toHtml(reordered.svg)).toBe(html);
    expect(toHtml(reordered.table)).toBe(toHtml(table));
    expect(Buffer.byteLength(html)).toBeLessThan(120_000);
    for (const mark of elements(svg, (e) => e.properties["dataCountry"] !== undefined)) {
      const { d, cx, cy } = mark.properties;
      expect(`${String(d ?? "")} ${String(cx ?? "")} ${String(cy ?? "")}`).not.toMatch(/\.\d\d/); // tenths only
    }
  });

  it("stays well under 150 KB with every country shaded", () => {
    const everyCountry = new Map(Object.keys(countries.getAlpha2Codes()).map((code, index) => [code, index + 1]));
    const full = worldChoropleth({ ...options, counts: everyCountry, countryName: (code) => `Country ${code}` });
    expect(Buffer.byteLength(toHtml(full.svg))).toBeLessThan(120_000);
    expect(tableRows(full.table)).toHaveLength(everyCountry.size);
  });

  it("escapes the caller's text", () => {
    const chart = worldChoropleth({ ...options, counts: new Map([["CN", 1]]), countryName: () => hostile, title: hostile });
    const out = toHtml(chart.svg) + toHtml(chart.table);
    expect(out).not.toContain("<script");
    expect(out).toContain("&#x3C;script>");
    expect(toString(titleOf(elements(chart.svg, (e) => e.properties["dataCountry"] === "CN")[0]!)!)).toBe(`${hostile}: 1 cases`);
  });

  it("takes a localized count label and number format", () => {
    const chart = worldChoropleth({
      ...options, counts: new Map([["CN", 1234]]), valueFormat: (n) => n.toLocaleString("fr-FR"),
      countLabel: (name, _count, formatted) => `${name} : ${formatted} cas`,
    });
    expect(toString(titleOf(elements(chart.svg, (e) => e.properties["dataCountry"] === "CN")[0]!)!)).toBe(`China : ${(1234).toLocaleString("fr-FR")} cas`);
  });

  it("refuses negative counts and unusable id prefixes", () => {
    expect(() => worldChoropleth({ ...options, counts: new Map([["CN", -1]]) })).toThrow(RangeError);
    expect(() => worldChoropleth({ ...options, idPrefix: "a b" })).toThrow(TypeError);
  });
});

describe("choropleth steps", () => {
  it("gives every count its own step up to five", () => {
    expect(choroplethBreaks(0)).toEqual([]);
    expect(choroplethBreaks(3)).toEqual([1, 2, 3]);
    expect(choroplethBreaks(6)).toEqual([1, 2, 3, 4, 6]);
    expect([0, 1, 3, 4, 6].map((n) => choroplethStep(n, choroplethBreaks(6)))).toEqual([0, 1, 3, 4, 5]);
  });
});

describe("barChart", () => {
  const chinese = "新能源汽车制造与维修专业人才培养合作项目：中国与赞比亚职业技术学院的联合培养";
  const russian = "Информационные технологии и связь в профессиональном образовании и подготовке кадров";
  const rows = [
    { label: "Manufacturing", value: 10, href: "/sectors/manufacturing/" },
    { label: chinese, value: 5 },
    { label: russian, value: 2.5 },
    { label: hostile, value: 0, href: `/x?a="1"&b='2'` },
  ];
  const { svg, table } = barChart({ rows, title: "Cases by sector", description: "Manufacturing leads.", idPrefix: "sectors", valueFormat: (n) => `${n} cases` });
  const html = toHtml(svg);
  const bars = elements(svg, (e) => classes(e).includes("chart-bar"));

  it("is an accessible image with a table of the same numbers, in the given order", () => {
    expectAccessible(svg, table, "sectors", "Cases by sector", "Manufacturing leads.");
    expect(tableRows(table)).toEqual(rows.map((row) => [row.label, `${row.value} cases`]));
    expect(byTag(table, "a").map((a) => a.properties["href"])).toEqual([rows[0]!.href, rows[3]!.href]);
  });

  it("draws bars proportional to the values, labels left and values at the bar end", () => {
    const widths = bars.map((bar) => Number(bar.properties["width"]));
    expect(widths[0]).toBeGreaterThan(200);
    rows.forEach((row, index) => expect(widths[index]! / widths[0]!).toBeCloseTo(row.value / 10, 2));
    const values = elements(svg, (e) => classes(e).includes("chart-value"));
    expect(values.map((value) => toString(value))).toEqual(["10 cases", "5 cases", "2.5 cases", "0 cases"]);
    values.forEach((value, index) => {
      const bar = bars[index]!;
      expect(Number(value.properties["x"])).toBeCloseTo(Number(bar.properties["x"]) + Number(bar.properties["width"]) + 4, 1);
    });
    for (const label of elements(svg, (e) => classes(e).includes("chart-label"))) {
      expect(label.properties["textAnchor"]).toBe("end");
      expect(Number(byTag(label, "tspan")[0]!.properties["x"])).toBeLessThan(Number(bars[0]!.properties["x"]));
    }
  });

  it("links labels with SVG anchors", () => {
    const links = elements(svg, (e) => e.tagName === "a");
    expect(links.map((a) => a.properties["href"])).toEqual([rows[0]!.href, rows[3]!.href]);
    expect(html).toContain(`<a href="/sectors/manufacturing/" class="chart-link"><text class="chart-label"`);
  });

  it("wraps long Chinese and Russian labels to two lines, cut with the full text in a title", () => {
    const labels = elements(svg, (e) => classes(e).includes("chart-label"));
    for (const [index, full] of [[1, chinese], [2, russian]] as const) {
      const lines = byTag(labels[index]!, "tspan").map((tspan) => toString(tspan));
      expect(lines).toHaveLength(2);
      expect(lines[1]!.endsWith("…")).toBe(true);
      expect(full.startsWith(lines.join(index === 2 ? " " : "").slice(0, -1))).toBe(true);
      expect(toString(titleOf(labels[index]!)!)).toBe(full);
      for (const line of lines) expect(textWidth(line) * 14).toBeLessThanOrEqual(236);
    }
    expect(titleOf(labels[0]!)).toBeUndefined();
  });

  it("escapes labels and links, never turning them into markup", () => {
    expect(html).not.toContain("<script");
    expect(html).toContain(`<tspan x="236" y="158.5">&#x3C;script>alert("x")&#x3C;/script> &#x26;</tspan>`);
    expect(html).toContain(`href="/x?a=&#x22;1&#x22;&#x26;b=&#x27;2&#x27;"`);
    expect(toHtml(table)).not.toContain("<script");
    expect(toHtml(table)).toContain(`>&#x3C;script>alert("x")&#x3C;/script> &#x26; 'quotes'</a></th>`);
  });

  it("refuses values it cannot draw", () => {
    expect(() => barChart({ rows: [{ label: "a", value: Number.NaN }], title: "t", description: "d", idPrefix: "b" })).toThrow(RangeError);
  });

  it("draws an empty chart without failing", () => {
    const empty = barChart({ rows: [], title: "t", description: "d", idPrefix: "b" });
    expect(elements(empty.svg, (e) => classes(e).includes("chart-bar"))).toEqual([]);
    expect(tableRows(empty.table)).toEqual([]);
  });
});

describe("columnChart", () => {
  const points = [{ label: "2021", value: 4 }, { label: "2022", value: 8 }, { label: "2023", value: 2 }, { label: "2024", value: 0 }];
  const { svg, table } = columnChart({ points, title: "Cases per year", description: "Peak in 2022.", idPrefix: "years", tableHeaders: ["Year", "Cases"] });

  it("is an accessible image with a table of the same numbers", () => {
    expectAccessible(svg, table, "years", "Cases per year", "Peak in 2022.");
    expect(tableRows(table)).toEqual(points.map((p) => [p.label, String(p.value)]));
  });

  it("draws columns proportional to the values on one baseline, left to right", () => {
    const columns = elements(svg, (e) => classes(e).includes("chart-column"));
    const heights = columns.map((column) => Number(column.properties["height"]));
    expect(heights).toEqual([120, 240, 60, 0]);
    const bottoms = columns.map((column) => Number(column.properties["y"]) + Number(column.properties["height"]));
    expect(new Set(bottoms).size).toBe(1);
    const xs = columns.map((column) => Number(column.properties["x"]));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(elements(svg, (e) => e.tagName === "g" && titleOf(e) !== undefined).map((g) => toString(titleOf(g)!))).toEqual(
      ["2021: 4", "2022: 8", "2023: 2", "2024: 0"],
    );
    expect(elements(svg, (e) => classes(e).includes("chart-label")).map((text) => toString(text))).toEqual(["2021", "2022", "2023", "2024"]);
  });

  it("writes only every n-th label when columns are narrow, but keeps every column and row", () => {
    const many = Array.from({ length: 60 }, (_, index) => ({ label: String(1965 + index), value: index }));
    const chart = columnChart({ points: many, title: "t", description: "d", idPrefix: "many" });
    const labels = elements(chart.svg, (e) => classes(e).includes("chart-label")).map((text) => toString(text));
    expect(labels.length).toBeLessThan(30);
    expect(labels[0]).toBe("1965");
    expect(elements(chart.svg, (e) => classes(e).includes("chart-column"))).toHaveLength(60);
    expect(tableRows(chart.table)).toHaveLength(60);
    expect(toHtml(columnChart({ points: many, title: "t", description: "d", idPrefix: "many" }).svg)).toBe(toHtml(chart.svg));
  });

  it("escapes labels", () => {
    const chart = columnChart({ points: [{ label: hostile, value: 1 }], title: hostile, description: hostile, idPrefix: "x" });
    const out = toHtml(chart.svg) + toHtml(chart.table);
    expect(out).not.toContain("<script");
    expect(out.match(/&#x3C;script>/g)).toHaveLength(6); // title, desc, column title, label; caption, row header
  });
});

describe("fitText", () => {
  it("keeps short text whole and breaks Latin and Cyrillic at spaces", () => {
    expect(fitText("Tourism", 10, 2)).toEqual({ lines: ["Tourism"], truncated: false });
    expect(fitText("Информационные технологии", 12, 2)).toEqual({ lines: ["Информационные", "технологии"], truncated: false });
  });

  it("breaks Chinese between characters and cuts with an ellipsis", () => {
    const fitted = fitText("一二三四五六七八九十", 4, 2);
    expect(fitted).toEqual({ lines: ["一二三四", "五六七…"], truncated: true });
  });
});

describe("CompactPath", () => {
  it("writes rounded relative coordinates with the fewest separators", () => {
    const path = new CompactPath();
    path.moveTo(0, 0);
    path.lineTo(10.04, 0);
    path.lineTo(10.02, 0.01); // the same point once rounded: dropped
    path.lineTo(10.5, 0.25);
    path.lineTo(0, 10);
    path.closePath();
    path.moveTo(5, 5);
    path.lineTo(5.01, 5.02); // a ring shrunk to a point: dropped
    path.closePath();
    expect(path.result()).toBe("M0 0l10 0 .5.3-10.5 9.7z");
    expect(path.result()).toBeUndefined();
  });
});
