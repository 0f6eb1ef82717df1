// Reads JSON-stat 2.0 files written by tipx with a real client, jsonstat-toolkit, and checks that
// what the client reads back is what the file says (and, given X.expected.json beside X, what the
// protected table held). Run by JsonStatToolkitTest:
//   node check-jsonstat.mjs FILE.json...
// Exit 0 when every file passes, 1 with one line per failure on stderr, 2 on bad usage.
import { readFileSync, existsSync } from "node:fs";
import JSONstat from "jsonstat-toolkit";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node check-jsonstat.mjs FILE.json...");
  process.exit(2);
}

let failures = 0;
function check(file, condition, message) {
  if (!condition) {
    failures++;
    console.error(`${file}: ${message}`);
  }
  return condition;
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

for (const file of files) {
  const failuresBefore = failures;
  const text = readFileSync(file, "utf8");
  // The toolkit rewrites the object it is given (index arrays become objects), so it gets its own copy.
  const raw = JSON.parse(text);
  const ds = JSONstat(JSON.parse(text));
  if (!check(file, ds && ds.class === "dataset", `not read as a dataset (class ${ds && ds.class})`)) continue;
  check(file, raw.version === "2.0", `version is ${raw.version}, not 2.0`);
  check(file, same(ds.id, raw.id), `dimension ids ${JSON.stringify(ds.id)} differ from ${JSON.stringify(raw.id)}`);
  check(file, same(ds.size, raw.size), `sizes ${JSON.stringify(ds.size)} differ from ${JSON.stringify(raw.size)}`);
  const product = ds.size.reduce((a, b) => a * b, 1);
  check(file, ds.n === product, `n = ${ds.n}, but the product of the sizes is ${product}`);
  check(file, raw.value.length === product && raw.status.length === product,
    `value/status lengths ${raw.value.length}/${raw.status.length} differ from ${product}`);
  const confStatus = raw.extension && raw.extension.conf_status;
  check(file, Array.isArray(confStatus) && confStatus.length === product, "extension.conf_status does not have n entries");

  // Dimensions, categories and labels as the client sees them.
  const categories = [];
  ds.id.forEach((id, d) => {
    const dim = ds.Dimension(id);
    if (!check(file, dim !== null, `dimension ${id} cannot be read`)) return;
    const rawDim = raw.dimension[id];
    check(file, dim.length === ds.size[d], `dimension ${id} has ${dim.length} categories, size says ${ds.size[d]}`);
    check(file, same(dim.id, rawDim.category.index), `dimension ${id}: categories ${JSON.stringify(dim.id)} differ from the index`);
    check(file, rawDim.label === undefined ? dim.label === null || dim.label === id : dim.label === rawDim.label,
      `dimension ${id}: label ${dim.label}, expected ${rawDim.label}`);
    for (const code of dim.id) {
      const expected = (rawDim.category.label && rawDim.category.label[code]) ?? code;
      check(file, dim.Category(code).label === expected, `dimension ${id}, category ${code}: label ${dim.Category(code).label}, expected ${expected}`);
    }
    for (const [role, ids] of Object.entries(raw.role ?? {})) {
      if (ids.includes(id)) check(file, dim.role === role, `dimension ${id}: role ${dim.role}, expected ${role}`);
    }
    categories.push(dim.id);
  });
  if (categories.length !== ds.id.length) continue;

  // Every cell, addressed by its codes, in row-major order of id.
  const coordinates = [];
  (function walk(d, coords) {
    if (d === ds.id.length) { coordinates.push({ ...coords }); return; }
    for (const code of categories[d]) { coords[ds.id[d]] = code; walk(d + 1, coords); }
  })(0, {});
  coordinates.forEach((coords, i) => {
    const cell = ds.Data(coords);
    if (!check(file, cell !== null && cell !== undefined, `no cell at ${JSON.stringify(coords)}`)) return;
    check(file, cell.value === raw.value[i], `cell ${JSON.stringify(coords)}: value ${cell.value}, expected ${raw.value[i]}`);
    check(file, cell.status === raw.status[i], `cell ${JSON.stringify(coords)}: status ${cell.status}, expected ${raw.status[i]}`);
    const withheld = cell.value === null;
    check(file, withheld ? cell.status === "Q" && confStatus[i] === "A" : cell.status === "A" && confStatus[i] === "F",
      `cell ${JSON.stringify(coords)}: flags ${cell.status}/${confStatus[i]} do not fit value ${cell.value}`);
  });

  // What the table held, written independently of the JSON-stat writer.
  const expectedFile = file.replace(/\.json$/, ".expected.json");
  if (expectedFile !== file && existsSync(expectedFile)) {
    const expected = JSON.parse(readFileSync(expectedFile, "utf8"));
    check(file, same(ds.id, expected.id), `ids ${JSON.stringify(ds.id)}, the table has ${JSON.stringify(expected.id)}`);
    check(file, ds.n === expected.cells.length, `n = ${ds.n}, the table has ${expected.cells.length} rows`);
    for (const row of expected.cells) {
      const cell = ds.Data(row.coordinates);
      if (!check(file, cell !== null && cell !== undefined, `no cell for table row ${JSON.stringify(row.coordinates)}`)) continue;
      check(file, cell.value === row.value && cell.status === row.status,
        `row ${JSON.stringify(row.coordinates)}: read ${cell.value}/${cell.status}, the table has ${row.value}/${row.status}`);
    }
    for (const [id, labels] of Object.entries(expected.labels ?? {})) {
      for (const [code, label] of Object.entries(labels)) {
        check(file, ds.Dimension(id).Category(code).label === label,
          `dimension ${id}, category ${code}: label ${ds.Dimension(id).Category(code).label}, the table says ${label}`);
      }
    }
  }
  if (failures === failuresBefore) console.log(`${file}: ok (${ds.id.join(" x ")} = ${ds.n} cells)`);
}
process.exit(failures === 0 ? 0 : 1);
