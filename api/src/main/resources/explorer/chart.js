// Bars and lines drawn as standalone SVG (presentation attributes, no stylesheet), so that the SVG and
// PNG downloads look like the page. Every mark carries its figure in data-* attributes and a <title>.

const SVG = 'http://www.w3.org/2000/svg';
/** Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

function el(name, attributes = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (parent) parent.appendChild(node);
  return node;
}

function niceMax(max) {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= max) return m * step;
  return 10 * step;
}

/**
 * @param rows    {country, year, category, value, status}
 * @param options {type: 'bar'|'line', series: row => key, seriesLabel: key => text, xLabel: row => text,
 *                 describe: row => text (the mark's title), withheldText, width, title, format: number => text}
 */
export function drawChart(rows, options) {
  const width = Math.max(320, options.width);
  const seriesKeys = [...new Set(rows.map(options.series))];
  // The legend inside the SVG, wrapped onto as many lines as it needs, so that a downloaded chart explains itself.
  const legend = [];
  let lx = 52;
  let line = 0;
  const specials = [];
  if (rows.some((r) => r.status === 'withheld')) specials.push('__withheld');
  if (rows.some((r) => r.status === 'nodenominator')) specials.push('__norate');
  const specialText = { __withheld: options.withheldText, __norate: options.noRateText };
  for (const key of [...seriesKeys, ...specials]) {
    const text = specialText[key] ?? options.seriesLabel(key);
    const w = 28 + text.length * 6.5;
    if (lx + w > width - 8 && lx > 52) { lx = 52; line++; }
    legend.push({ key, text, x: lx, line });
    lx += w;
  }
  const legendH = (line + 1) * 18;
  const height = (width < 500 ? 260 : 340) + legendH;
  const margin = { top: 28, right: 12, bottom: 56 + legendH, left: 52 };
  const svg = el('svg', { xmlns: SVG, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'font-family': FONT, 'font-size': 12 });
  el('title', {}, svg).textContent = options.title;
  const defs = el('defs', {}, svg);
  const hatch = el('pattern', { id: 'withheld-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)' }, defs);
  el('rect', { width: 6, height: 6, fill: '#ffffff' }, hatch);
  el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#555555', 'stroke-width': 2 }, hatch);
  el('rect', { width, height, fill: '#ffffff' }, svg);
  // The heading on one line, shortened on a narrow screen (the whole title is the SVG's <title> and caption).
  const room = Math.floor((width - 8) / 7);
  const heading = options.title.length > room ? options.title.slice(0, room - 1) + '…' : options.title;
  el('text', { x: 8, y: 16, 'font-weight': 'bold', fill: '#111111' }, svg).textContent = heading;

  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const max = niceMax(Math.max(0, ...rows.filter((r) => r.value !== null).map((r) => r.value)));
  const y = (v) => margin.top + plotH - (v / max) * plotH;
  const axis = el('g', { fill: '#333333' }, svg);
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    el('line', { x1: margin.left, x2: width - margin.right, y1: y(v), y2: y(v), stroke: '#dddddd' }, axis);
    el('text', { x: margin.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, axis).textContent = options.format(v);
  }
  const colour = (key) => PALETTE[seriesKeys.indexOf(key) % PALETTE.length];
  // Beyond the palette's eight colours a series repeats a colour, so it is told apart by white dots too.
  const dotted = (key) => seriesKeys.indexOf(key) >= PALETTE.length;
  const dots = el('pattern', { id: 'dots', width: 5, height: 5, patternUnits: 'userSpaceOnUse' }, defs);
  el('circle', { cx: 2.5, cy: 2.5, r: 1.2, fill: '#ffffff' }, dots);
  const marks = el('g', { class: 'marks' }, svg);

  const mark = (node, row) => {
    node.setAttribute('data-country', row.country);
    node.setAttribute('data-year', row.year);
    node.setAttribute('data-category', row.category);
    node.setAttribute('data-status', row.status);
    node.setAttribute('data-value', row.value === null ? '' : String(row.value));
    el('title', {}, node).textContent = options.describe(row);
    return node;
  };
  // A figure that is not there is drawn as such at the baseline: hatched when withheld, a dashed outline
  // when there is a count but no population to make a rate of; never as a bar of zero.
  const withheldMark = (x, w, row) => {
    const g = mark(el('g', { class: 'mark' }, marks), row);
    el('rect', { x, y: y(0) - 14, width: Math.max(w, 8), height: 14, stroke: '#555555',
      ...(row.status === 'withheld' ? { fill: 'url(#withheld-hatch)' } : { fill: '#ffffff', 'stroke-dasharray': '3 2' }) }, g);
  };

  if (options.type === 'line') {
    const xs = [...new Set(rows.map((r) => r.year))].sort();
    const x = (year) => margin.left + (xs.length === 1 ? plotW / 2 : (xs.indexOf(year) / (xs.length - 1)) * plotW);
    xs.forEach((year) => {
      el('text', { x: x(year), y: margin.top + plotH + 18, 'text-anchor': 'middle', fill: '#333333' }, axis).textContent = year;
    });
    for (const key of seriesKeys) {
      const points = rows.filter((r) => options.series(r) === key).sort((a, b) => a.year.localeCompare(b.year));
      let path = '';
      let pen = false;
      for (const p of points) {
        if (p.value === null) { pen = false; continue; }
        path += `${pen ? 'L' : 'M'}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`;
        pen = true;
      }
      if (path) {
        el('path', { d: path, fill: 'none', stroke: colour(key), 'stroke-width': 2.5,
          'stroke-dasharray': dotted(key) ? '6 3' : 'none' }, marks);
      }
      for (const p of points) {
        if (p.value === null) {
          withheldMark(x(p.year) - 5, 10, p);
        } else {
          mark(el(dotted(key) ? 'rect' : 'circle', dotted(key)
            ? { class: 'mark', x: x(p.year) - 4.5, y: y(p.value) - 4.5, width: 9, height: 9, fill: colour(key), stroke: '#333333' }
            : { class: 'mark', cx: x(p.year), cy: y(p.value), r: 4.5, fill: colour(key), stroke: '#333333', 'stroke-width': 1 },
          marks), p);
        }
      }
    }
  } else {
    const groups = [...new Set(rows.map(options.xLabel))];
    const groupW = plotW / Math.max(1, groups.length);
    const barW = Math.max(2, (groupW * 0.8) / Math.max(1, seriesKeys.length));
    groups.forEach((label, gi) => {
      const gx = margin.left + gi * groupW;
      const text = el('text', { x: gx + groupW / 2, y: margin.top + plotH + 18, 'text-anchor': 'middle', fill: '#333333' }, axis);
      text.textContent = label;
      if (groups.length > 6) {
        text.setAttribute('transform', `rotate(-35 ${gx + groupW / 2} ${margin.top + plotH + 18})`);
        text.setAttribute('text-anchor', 'end');
      }
      rows.filter((r) => options.xLabel(r) === label).forEach((row) => {
        const bx = gx + groupW * 0.1 + seriesKeys.indexOf(options.series(row)) * barW;
        if (row.value === null) {
          withheldMark(bx, barW - 1, row);
        } else {
          const bar = { x: bx, y: y(row.value), width: Math.max(1, barW - 1), height: Math.max(0, y(0) - y(row.value)) };
          const g = mark(el('g', { class: 'mark' }, marks), row);
          el('rect', { ...bar, fill: colour(options.series(row)), stroke: '#333333', 'stroke-width': 0.6 }, g);
          if (dotted(options.series(row))) el('rect', { ...bar, fill: 'url(#dots)' }, g);
        }
      });
    });
  }
  el('line', { x1: margin.left, x2: width - margin.right, y1: y(0), y2: y(0), stroke: '#333333' }, axis);
  const top = height - legendH + 4;
  for (const item of legend) {
    const ly = top + item.line * 18;
    const special = item.key in specialText;
    const fill = item.key === '__withheld' ? 'url(#withheld-hatch)' : item.key === '__norate' ? '#ffffff' : colour(item.key);
    el('rect', { x: item.x, y: ly, width: 12, height: 12, fill, stroke: '#333333', 'stroke-width': 0.6,
      'stroke-dasharray': item.key === '__norate' ? '3 2' : 'none' }, svg);
    if (!special && dotted(item.key)) el('rect', { x: item.x, y: ly, width: 12, height: 12, fill: 'url(#dots)' }, svg);
    el('text', { x: item.x + 16, y: ly + 10.5, fill: '#111111' }, svg).textContent = item.text;
  }
  return { svg, colours: seriesKeys.map((key) => ({ key, colour: colour(key), dotted: dotted(key) })) };
}
