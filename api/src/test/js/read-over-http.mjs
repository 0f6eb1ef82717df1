// Reads one tipx JSON-stat answer over HTTP as a user of the JSON-stat tools would, and prints what
// they see as one JSON object on stdout; JsonStatOverHttpToolsTest asserts on it:
//   node read-over-http.mjs STATISTICS_URL
// - jsonstat-toolkit fetches the URL itself (JSONstat(url)) and converts the dataset to a flat table
//   (Dataset().toTable, array of objects by id), as one does before writing a CSV or a data frame;
// - jsonstat-euro, Eurostat's helpers on the toolkit, looks up each cell's status label (getStatusLabel).
// Exit 0 with the object printed, 1 when the answer cannot be read.
import JSONstat from "jsonstat-toolkit";
import { getStatusLabel } from "jsonstat-euro";

const [url] = process.argv.slice(2);
if (!url) {
  console.error("usage: node read-over-http.mjs STATISTICS_URL");
  process.exit(2);
}
try {
  const ds = (await JSONstat(url)).Dataset(0);
  const rows = ds.toTable({ type: "arrobj", content: "id", status: true });
  const categories = {};
  for (const id of ds.id) categories[id] = ds.Dimension(id).id;
  const statusLabels = {};
  for (const status of new Set(ds.status)) statusLabels[status] = getStatusLabel(ds, status) ?? null;
  console.log(JSON.stringify({
    id: ds.id,
    roles: { time: ds.role.time, geo: ds.role.geo, metric: ds.role.metric },
    columns: rows.length > 0 ? Object.keys(rows[0]) : [],
    rows,
    categories,
    statusLabels,
  }));
} catch (e) {
  console.error(`cannot read ${url}: ${e.message}`);
  process.exit(1);
}
