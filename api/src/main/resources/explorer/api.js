// Every figure the explorer shows comes from these URLs of tipx's public API, the same a reader can open.

import { yearsOf } from './view.js';

/** The /v1/statistics or /v1/comparisons URL behind a view, in the given format. */
export function apiUrl(view, format) {
  const q = new URLSearchParams();
  if (view.measure === 'rate') {
    q.set('indicator', 'victims_per_100k');
    q.set('countries', view.countries.join(','));
    q.set('from', String(view.from));
    q.set('to', String(view.to));
    if (view.by) q.set('by', view.by);
    q.set('release', view.release);
    if (view.lang) q.set('lang', view.lang);
    if (format === 'csv') q.set('format', 'csv');
    return '/v1/comparisons?' + q.toString().replaceAll('%2C', ',');
  }
  q.set('measure', view.measure);
  q.set('by', ['country_of_identification', 'year', view.by].filter(Boolean).join(','));
  q.set('country_of_identification', view.countries.join(','));
  q.set('year', yearsOf(view).join(','));
  q.set('release', view.release);
  // The labels of the CSV (and of the answer's notes) in the page's language.
  if (view.lang) q.set('lang', view.lang);
  if (format === 'csv') {
    q.set('format', 'csv');
    q.set('labels', 'true');
  }
  return '/v1/statistics?' + q.toString().replaceAll('%2C', ',');
}

/** A refusal of the API (RFC 9457 problem+json), kept whole so that the page can explain its type. */
export class ApiProblem extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.title || ('HTTP ' + status));
    this.status = status;
    this.type = (problem.type || '').replace('urn:tipx:problem:', '');
    this.detail = problem.detail || '';
    this.parameter = problem.parameter || '';
    this.retryAfter = retryAfter;
  }
}

export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiProblem(response.status, body, response.headers.get('Retry-After'));
  }
  return body;
}

/**
 * The view's figures as rows {country, year, category, value, status, flags}: status is `published`,
 * `withheld` (never a zero) or `nodenominator` (a rate without a population).
 */
export async function figures(view) {
  const body = await getJson(apiUrl(view, 'json'));
  if (view.measure === 'rate') {
    const rows = [];
    for (const country of body.countries) {
      for (const series of country.series) {
        for (const point of series.points) {
          const withheld = point.flags.includes('WITHHELD');
          rows.push({
            country: country.country,
            year: String(point.year),
            category: series.category,
            value: point.ratePer100k ?? null,
            count: point.count ?? null,
            status: withheld ? 'withheld' : (point.ratePer100k == null ? 'nodenominator' : 'published'),
            flags: point.flags,
          });
        }
      }
    }
    return { release: body.release, notes: body.notes, rows };
  }
  const rows = body.observations
    .filter((o) => o.codes.country_of_identification !== '_T' && o.codes.year !== '_T')
    .map((o) => ({
      country: o.codes.country_of_identification,
      year: o.codes.year,
      category: view.by ? o.codes[view.by] : '_T',
      value: o.value,
      status: o.value === null ? 'withheld' : 'published',
      flags: o.value === null ? ['WITHHELD'] : [],
    }));
  return { release: body.release.id, notes: body.notes, rows };
}

/** The countries and years a release publishes (its rows by country of identification and year). */
export async function coverage(release) {
  const body = await getJson('/v1/statistics?by=country_of_identification,year&release=' + encodeURIComponent(release));
  const countries = new Set();
  const years = new Set();
  for (const o of body.observations) {
    if (o.codes.country_of_identification !== '_T') countries.add(o.codes.country_of_identification);
    if (o.codes.year !== '_T') years.add(Number(o.codes.year));
  }
  return { release: body.release.id, countries: [...countries].filter((c) => c !== 'XX').sort(), years: [...years].sort() };
}
