// A view of the explorer is its URL: everything that decides what is shown is a query parameter, so a
// permalink reproduces the view exactly. Parameters are parsed strictly; anything unknown is dropped.

export const MEASURES = ['victims', 'registrations', 'rate'];
export const BREAKDOWNS = ['', 'sex', 'age_band', 'minor_at_exploitation', 'citizenship', 'exploitation', 'identified_by'];
/** /v1/comparisons breaks a rate down by these only. */
export const RATE_BREAKDOWNS = ['', 'sex', 'age_band', 'exploitation'];
export const CHARTS = ['bar', 'line'];
export const LANGUAGES = ['en', 'ru'];

const COUNTRY = /^[A-Z]{2}$/;
const YEAR = /^[0-9]{4}$/;
const RELEASE = /^[A-Za-z0-9._-]{1,64}$/;

export function parseView(search) {
  const q = new URLSearchParams(search);
  const pick = (name, allowed, fallback) => (allowed.includes(q.get(name)) ? q.get(name) : fallback);
  const countries = (q.get('countries') || '').split(',').filter((c) => COUNTRY.test(c));
  const year = (name) => (YEAR.test(q.get(name) || '') ? Number(q.get(name)) : null);
  return {
    measure: pick('measure', MEASURES, 'victims'),
    countries: [...new Set(countries)],
    from: year('from'),
    to: year('to'),
    by: pick('by', BREAKDOWNS, ''),
    chart: pick('chart', CHARTS, 'bar'),
    release: RELEASE.test(q.get('release') || '') ? q.get('release') : 'latest',
    lang: pick('lang', LANGUAGES, null),
  };
}

/** The query string of a view, parameters in a fixed order so that equal views have equal URLs. */
export function viewQuery(view) {
  const q = new URLSearchParams();
  q.set('measure', view.measure);
  q.set('countries', view.countries.join(','));
  if (view.from !== null) q.set('from', String(view.from));
  if (view.to !== null) q.set('to', String(view.to));
  if (view.by) q.set('by', view.by);
  q.set('chart', view.chart);
  q.set('release', view.release);
  if (view.lang) q.set('lang', view.lang);
  return q.toString().replaceAll('%2C', ',');
}

export function yearsOf(view) {
  const years = [];
  for (let y = view.from; y <= view.to; y++) years.push(y);
  return years;
}
