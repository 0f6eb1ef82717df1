// The explorer's page: reads the view from the URL, asks the public API, draws the chart and the table,
// and keeps the URL, the permalink, the downloads and the embed snippet in step with what is shown.

import { apiUrl, ApiProblem, coverage, figures, getJson } from './api.js';
import { drawChart, PALETTE } from './chart.js';
import { renderMarkdown } from './markdown.js';
import { BREAKDOWNS, LANGUAGES, parseView, RATE_BREAKDOWNS, viewQuery } from './view.js';

const $ = (id) => document.getElementById(id);
const page = location.pathname.replace(/\/+$/, '');
const embedded = page === '/explore/embed';
const onMethodPage = page === '/explore/method';

let view = parseView(location.search);
let messages = {};
let dimensions = new Map();
let releases = [];
let lastFigures = null;

const t = (key, values = {}) => (messages[key] || key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
const languageOf = () => view.lang || (LANGUAGES.includes(navigator.language.slice(0, 2)) ? navigator.language.slice(0, 2) : 'en');

function label(dimension, code) {
  if (code === '_T') return t('total');
  const codes = dimensions.get(dimension)?.codes;
  return codes?.get(code) ?? code;
}

async function loadLanguage(lang) {
  const [text, dims] = await Promise.all([
    fetch('/explore/messages-' + lang + '.json').then((r) => r.json()),
    // /v1/dimensions gives the dimension and code labels in the page's language (lang, Accept-Language).
    fetch('/v1/dimensions?lang=' + lang, { headers: { 'Accept-Language': lang } }).then((r) => r.json()),
  ]);
  messages = text;
  dimensions = new Map(dims.items.map((d) => [d.id, { label: d.label, codes: new Map(d.codes.map((c) => [c.code, c.label])) }]));
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
  $('lang').value = lang;
  $('nav-explore').href = '/explore?lang=' + lang;
  $('nav-method').href = '/explore/method?lang=' + lang;
}

function say(text) {
  $('status').textContent = text;
}

function showProblem(error) {
  const box = $('problem');
  if (!error) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const known = ['too-sparse', 'too-many-cells', 'not-found', 'too-many-requests', 'bad-request'];
  const type = error instanceof ApiProblem && known.includes(error.type) ? error.type : 'other';
  const p = document.createElement('p');
  p.textContent = t('problem-' + type, { seconds: error.retryAfter || '60', detail: error.detail || error.message });
  box.replaceChildren(p);
  box.dataset.type = type;
  box.hidden = false;
}

function formatNumber(value) {
  const lang = document.documentElement.lang;
  return view.measure === 'rate'
    ? value.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : value.toLocaleString(lang, { maximumFractionDigits: 1 });
}

function fillControls(cover) {
  for (const input of document.querySelectorAll('input[name=measure]')) input.checked = input.value === view.measure;
  const box = $('countries');
  box.querySelectorAll('label').forEach((node) => node.remove());
  for (const code of cover.countries) {
    const item = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = 'country';
    input.value = code;
    input.checked = view.countries.includes(code);
    item.append(input, ' ' + label('country_of_identification', code));
    box.appendChild(item);
  }
  for (const id of ['from', 'to']) {
    $(id).replaceChildren(...cover.years.map((y) => new Option(String(y), String(y), false, y === view[id])));
  }
  const allowed = view.measure === 'rate' ? RATE_BREAKDOWNS : BREAKDOWNS;
  $('by').replaceChildren(...BREAKDOWNS.map((id) => {
    const option = new Option(id ? dimensions.get(id)?.label ?? id : t('noBreakdown'), id, false, id === view.by);
    option.disabled = !allowed.includes(id);
    return option;
  }));
  $('chart').value = view.chart;
  $('release').replaceChildren(new Option(t('latestRelease'), 'latest', false, view.release === 'latest'),
    ...releases.map((r) => new Option(r.id + ' (' + r.created.slice(0, 10) + ')', r.id, false, r.id === view.release)));
}

function readControls() {
  const next = { ...view };
  next.measure = document.querySelector('input[name=measure]:checked')?.value || 'victims';
  next.countries = [...document.querySelectorAll('input[name=country]:checked')].map((i) => i.value);
  next.from = Number($('from').value);
  next.to = Number($('to').value);
  if (next.from > next.to) [next.from, next.to] = [next.to, next.from];
  next.by = $('by').value;
  if (next.measure === 'rate' && !RATE_BREAKDOWNS.includes(next.by)) next.by = '';
  next.chart = $('chart').value;
  next.release = $('release').value;
  return next;
}

function measureText() {
  return t({ victims: 'measureVictims', registrations: 'measureRegistrations', rate: 'measureRate' }[view.measure]);
}

function titleText() {
  const countries = view.countries.map((c) => label('country_of_identification', c)).join(', ');
  const years = view.from === view.to ? String(view.from) : view.from + '–' + view.to;
  const by = view.by ? ', ' + t('by') + ' ' + (dimensions.get(view.by)?.label ?? view.by).toLowerCase() : '';
  return `${measureText()}: ${countries}, ${years}${by}`;
}

function flagText(flag) {
  return t('flag-' + flag);
}

/** The withheld or rate-less cell: a word, never a zero, with its flags explained on hover and on focus. */
function statusCell(row, index) {
  const span = document.createElement('span');
  span.className = 'flagged ' + row.status;
  span.tabIndex = 0;
  span.textContent = row.status === 'withheld' ? t('withheld') : t('noRate');
  const tip = document.createElement('span');
  tip.className = 'tip';
  tip.id = 'tip-' + index;
  tip.setAttribute('role', 'tooltip');
  tip.textContent = row.flags.map(flagText).join(' ');
  span.setAttribute('aria-describedby', tip.id);
  span.appendChild(tip);
  return span;
}

function describe(row) {
  const who = [label('country_of_identification', row.country), row.year];
  if (view.by) who.push(label(view.by, row.category));
  const what = row.value === null ? (row.status === 'withheld' ? t('withheld') : t('noRate')) : formatNumber(row.value);
  return who.join(', ') + ': ' + what;
}

/** Categories in the order /v1/dimensions lists them (age bands by age, not by spelling), the total last. */
function inCodeOrder(rows) {
  const order = [...(dimensions.get(view.by)?.codes.keys() ?? [])];
  const rank = (code) => (code === '_T' ? Infinity : order.indexOf(code) < 0 ? order.length : order.indexOf(code));
  return [...rows].sort((a, b) => a.country.localeCompare(b.country) || a.year.localeCompare(b.year)
    || rank(a.category) - rank(b.category));
}

function render(unordered) {
  const result = { ...unordered, rows: view.by ? inCodeOrder(unordered.rows) : unordered.rows };
  lastFigures = result;
  const rows = view.by ? result.rows.filter((r) => r.category !== '_T') : result.rows;
  const title = titleText();
  $('caption').textContent = title;
  $('table-caption').textContent = title;
  const chartType = view.chart === 'line' && view.from !== view.to ? 'line' : 'bar';
  const series = view.by ? (r) => r.category : (r) => r.country;
  const seriesKey = view.by ? (r) => r.category + (view.countries.length > 1 && chartType === 'line' ? '|' + r.country : '')
    : series;
  const seriesLabel = (key) => {
    const [code, country] = key.split('|');
    return view.by ? label(view.by, code) + (country ? ' (' + country + ')' : '') : label('country_of_identification', code);
  };
  const { svg, colours } = drawChart(rows, {
    type: chartType,
    series: seriesKey,
    seriesLabel,
    xLabel: (r) => (view.countries.length > 1 ? r.country + ' ' : '') + r.year,
    describe,
    withheldText: t('withheld'),
    noRateText: t('noRate'),
    width: $('chart-box').clientWidth || 640,
    title,
    format: formatNumber,
  });
  svg.setAttribute('aria-label', title + '. ' + t('chartHint'));
  $('chart-box').replaceChildren(svg);
  $('legend').replaceChildren(...colours.map(({ key, colour, dotted }) => {
    const item = document.createElement('span');
    const swatch = document.createElement('span');
    swatch.className = dotted ? 'swatch dotted' : 'swatch';
    swatch.dataset.colour = String(PALETTE.indexOf(colour));
    item.append(swatch, seriesLabel(key));
    return item;
  }));

  const head = [t('country'), t('year')];
  if (view.by) head.push(dimensions.get(view.by)?.label ?? view.by);
  head.push(measureText());
  if (view.measure === 'rate') head.push(t('count'));
  const tr = document.createElement('tr');
  for (const text of head) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    tr.appendChild(th);
  }
  $('table').tHead.replaceChildren(tr);
  $('table').tBodies[0].replaceChildren(...result.rows.map((row, index) => {
    const line = document.createElement('tr');
    line.dataset.country = row.country;
    line.dataset.year = row.year;
    line.dataset.category = row.category;
    line.dataset.status = row.status;
    const cells = [label('country_of_identification', row.country), row.year];
    if (view.by) cells.push(label(view.by, row.category));
    cells.forEach((text, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      cell.textContent = text;
      line.appendChild(cell);
    });
    const value = document.createElement('td');
    value.className = 'value';
    value.dataset.value = row.value === null ? '' : String(row.value);
    value.appendChild(row.value === null ? statusCell(row, index) : document.createTextNode(formatNumber(row.value)));
    line.appendChild(value);
    if (view.measure === 'rate') {
      const count = document.createElement('td');
      count.className = 'value';
      count.textContent = row.count === null ? t('withheld') : formatNumber(row.count);
      line.appendChild(count);
    }
    return line;
  }));
  $('notes').textContent = t('notesIntro') + ' ' + result.notes.join(' ');
  renderCitation(result.release);
}

function renderCitation(releaseId) {
  const pinned = { ...view, release: releaseId, lang: document.documentElement.lang };
  const permalink = location.origin + '/explore?' + viewQuery(pinned);
  $('permalink').href = permalink;
  $('permalink').textContent = permalink;
  const api = location.origin + apiUrl(pinned, 'json');
  const csv = location.origin + apiUrl(pinned, 'csv');
  $('api-url').href = api;
  $('api-url').textContent = api;
  $('csv-url').href = csv;
  $('csv-url').textContent = csv;
  $('download-csv').href = csv;
  $('download-csv').download = 'tipx-' + releaseId + '.csv';
  $('citation').textContent = t('citation', { title: titleText(), release: releaseId, url: permalink,
    date: new Date().toISOString().slice(0, 10) });
  $('release-line').replaceChildren(t('releaseLine', { release: releaseId }) + ' ');
  const manifest = document.createElement('a');
  manifest.href = '/v1/releases/' + encodeURIComponent(releaseId);
  manifest.id = 'manifest-link';
  manifest.textContent = t('manifest');
  $('release-line').appendChild(manifest);
  $('embed').value = `<iframe src="${location.origin}/explore/embed?${viewQuery(pinned)}" title="${titleText().replaceAll('"', '&quot;')}" width="720" height="640" style="border:0"></iframe>`;
}

async function show() {
  const lang = document.documentElement.lang;
  history.replaceState(null, '', (embedded ? '/explore/embed?' : '/explore?') + viewQuery({ ...view, lang }));
  document.body.dataset.state = 'loading';
  say(t('loading'));
  showProblem(null);
  try {
    if (view.countries.length === 0) throw new ApiProblem(400, { type: 'urn:tipx:problem:no-country' });
    const result = await figures(view);
    render(result);
    say(t('shown', { title: titleText() }));
    // What is on screen, and when the first view was drawn (ms after navigation started), for tests and
    // measurements that wait for a view.
    document.body.dataset.view = viewQuery({ ...view, lang });
    document.body.dataset.firstViewMs ??= String(Math.round(performance.now()));
    document.body.dataset.state = 'ready';
  } catch (error) {
    $('chart-box').replaceChildren();
    $('table').tBodies[0].replaceChildren();
    $('legend').replaceChildren();
    if (error instanceof ApiProblem && error.type === 'no-country') {
      const p = document.createElement('p');
      p.textContent = t('problem-no-country');
      $('problem').replaceChildren(p);
      $('problem').dataset.type = 'no-country';
      $('problem').hidden = false;
    } else {
      showProblem(error);
    }
    say($('problem').textContent);
    document.body.dataset.view = viewQuery({ ...view, lang });
    document.body.dataset.state = 'refused';
  }
}

async function explore() {
  $('explore-view').hidden = false;
  const listing = await getJson('/v1/releases').catch(() => ({ items: [] }));
  releases = listing.items || [];
  const cover = await coverage(view.release);
  if (view.countries.length === 0 && !location.search.includes('countries=')) view.countries = cover.countries.slice(0, 1);
  if (view.from === null || !cover.years.includes(view.from)) view.from = cover.years[0];
  if (view.to === null || !cover.years.includes(view.to)) view.to = cover.years[cover.years.length - 1];
  fillControls(cover);
  $('controls').addEventListener('change', async (event) => {
    const next = readControls();
    const releaseMoved = next.release !== view.release;
    view = next;
    if (releaseMoved) {
      fillControls(await coverage(view.release));
    } else {
      // Only the breakdowns a measure allows change; the rest of the form stays as the reader left it.
      const allowed = view.measure === 'rate' ? RATE_BREAKDOWNS : BREAKDOWNS;
      for (const option of $('by').options) option.disabled = !allowed.includes(option.value);
      $('by').value = view.by;
    }
    show();
  });
  $('download-svg').addEventListener('click', () => download(svgBlob(), 'svg'));
  $('download-png').addEventListener('click', downloadPng);
  await show();
}

function svgBlob() {
  const svg = $('chart-box').querySelector('svg');
  return new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' });
}

function download(blob, extension) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'tipx-' + (lastFigures?.release || 'chart') + '.' + extension;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function downloadPng() {
  const svg = $('chart-box').querySelector('svg');
  if (!svg) return;
  const image = new Image();
  const url = URL.createObjectURL(svgBlob());
  image.onload = () => {
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = svg.width.baseVal.value * scale;
    canvas.height = svg.height.baseVal.value * scale;
    const context = canvas.getContext('2d');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    URL.revokeObjectURL(url);
    canvas.toBlob((png) => download(png, 'png'), 'image/png');
  };
  image.src = url;
}

async function method(lang) {
  $('method-view').hidden = false;
  const source = await fetch(lang === 'en' ? '/explore/method.md' : '/explore/method.' + lang + '.md').then((r) => r.text());
  renderMarkdown($('method-view'), source);
  document.title = t('navMethod') + ' · tipx';
  document.body.dataset.state = 'ready';
}

async function start() {
  const lang = languageOf();
  await loadLanguage(lang);
  if (embedded) document.body.classList.add('embedded');
  $('lang').addEventListener('change', () => {
    const next = new URLSearchParams(location.search);
    next.set('lang', $('lang').value);
    location.search = next.toString();
  });
  if (onMethodPage) {
    $('nav-method').setAttribute('aria-current', 'page');
    await method(lang);
  } else {
    $('nav-explore').setAttribute('aria-current', 'page');
    document.title = t('title') + ' · tipx';
    view.lang = lang;
    await explore();
  }
}

start().catch((error) => {
  showProblem(error);
  say(String(error.message || error));
  document.body.dataset.state = 'refused';
});
