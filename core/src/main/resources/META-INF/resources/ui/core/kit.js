// Shared helpers of the staff console, for core screens and module screens alike
// (import from '/ui/core/kit.js'). Plain ES module, no dependencies; DOM built with
// createElement/textContent only, never innerHTML with data.

let seq = 0;

/** A fresh id for label/aria wiring. */
export function uid(prefix = 'k') {
  seq += 1;
  return `${prefix}-${seq}`;
}

/**
 * Builds an element: h('a', {href: '#/x', class: 'btn', on: {click: fn}}, 'text', child).
 * Props: class, text, on (events), dataset, hidden, and any attribute; false/null are left out.
 */
export function h(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k === 'value' && 'value' in e) e.value = v;
    else if (k === 'checked') e.checked = !!v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  append(e, children);
  return e;
}

/** Appends children to parent, leaving out null/undefined/false (root.append would write "null"). */
export function add(parent, ...children) {
  append(parent, children);
  return parent;
}

function append(parent, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Text in the current language: tr(ctx, '指標', 'Indicators'). */
export function tr(ctx, ja, en) {
  return ctx.lang === 'en' ? en : ja;
}

const ERAS = [
  ['令和', 'R', 2019, '2019-05-01'],
  ['平成', 'H', 1989, '1989-01-08'],
  ['昭和', 'S', 1926, '1926-12-25'],
  ['大正', 'T', 1912, '1912-07-30'],
  ['明治', 'M', 1868, '1868-10-23'],
];

/**
 * The label of a fiscal year (its first calendar year, or {year, label} as the API sends it):
 * 令和7年度 (the era in force on 1 May of that year, 元年 for the first) or FY2025.
 */
export function fiscalYearLabel(year, lang = 'ja') {
  const y = typeof year === 'object' && year !== null ? year.year : Number(year);
  if (!Number.isInteger(y)) return '';
  if (lang === 'en') return `FY${y}`;
  const may1 = `${String(y).padStart(4, '0')}-05-01`;
  const era = ERAS.find(([, , , since]) => may1 >= since) || ERAS[ERAS.length - 1];
  const n = y - era[2] + 1;
  return `${era[0]}${n === 1 ? '元' : n}年度`;
}

/** A number as the locale writes it (1,562.5); empty for null. */
export function num(ctx, v, digits = 2) {
  if (v === null || v === undefined || v === '') return '';
  const n = Number(v);
  return Number.isFinite(n) ? n.toLocaleString(ctx.lang === 'en' ? 'en' : 'ja', {maximumFractionDigits: digits}) : String(v);
}

/**
 * The colour class of a rating among the grades of the municipality's scale (best first):
 * rating-0 best … rating-3 worst; the text of the grade is always shown too.
 */
export function ratingLevel(rating, grades) {
  const labels = (grades || []).map((g) => g.label);
  const i = labels.indexOf(rating);
  if (i < 0 || labels.length < 2) return 0;
  return Math.round((i / (labels.length - 1)) * 3);
}

/** A rating badge: its grade as text, and a colour that repeats it (never colour alone). */
export function ratingBadge(ctx, rating, grades) {
  if (!rating) return h('span', {class: 'rating rating-none', text: tr(ctx, '評価なし', 'not rated')});
  const level = ratingLevel(rating, grades);
  return h('span', {class: `rating rating-${level}`, title: tr(ctx, `評価 ${rating}`, `Rating ${rating}`)},
      h('span', {class: 'visually-hidden', text: tr(ctx, '評価 ', 'Rating ')}), rating);
}

/** The colours of ratings for charts (same as the badges). */
export const RATING_COLOURS = ['#1e7b34', '#1a5fb4', '#9a4f00', '#b3261e'];

/** A message box; kind 'error' is announced at once (role=alert). */
export function notice(text, kind = 'info', ...extra) {
  return h('div', {class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status'},
      h('p', {text}), ...extra);
}

/** What a problem document says, for a person: detail, else title, else the status. */
export function problemText(ctx, problem, status) {
  if (problem && (problem.detail || problem.title)) return problem.detail || problem.title;
  return tr(ctx, `エラーが発生しました (${status})`, `Something went wrong (${status})`);
}

/**
 * POSTs a file as it is (the API detects its charset) to `/api/v1/municipalities/{lg}/{path}` with
 * the session's CSRF token, showing in `status` (an element; its content is replaced) how far the
 * upload is: a bar with the percentage and megabytes sent, then, once the server has the whole
 * file, that it is checking and writing it, with the seconds since. The modules' file imports
 * (事務事業一覧, donations) use it for their `…/bulk-imports`. Resolves to {status, body, problem}
 * (status 0 when the connection failed).
 */
export async function uploadFile(ctx, path, file, status) {
  const s = await ctx.rawApi('GET', '/api/v1/session');
  const bar = h('progress', {id: 'upload-progress', max: '100', value: '0'});
  const text = h('span', {id: 'upload-progress-text', text: tr(ctx, '送信中…', 'Sending…')});
  status.replaceChildren(h('div', {class: 'upload-progress'}, h('p', {role: 'status'}, text), bar));
  const mb = (n) => (n / 1048576).toFixed(1);
  let timer = null;
  return new Promise((resolve) => {
    const x = new XMLHttpRequest();
    x.open('POST', `/api/v1/municipalities/${encodeURIComponent(ctx.lgCode)}/${path}`);
    x.setRequestHeader('Content-Type', 'application/octet-stream');
    x.setRequestHeader('Accept', 'application/json');
    x.setRequestHeader('Accept-Language', ctx.lang);
    if (s.body && s.body.csrfToken) x.setRequestHeader('X-CSRF-Token', s.body.csrfToken);
    x.upload.onprogress = (e) => {
      if (!e.lengthComputable || !e.total) return;
      const pct = Math.floor((e.loaded * 100) / e.total);
      bar.value = pct;
      text.textContent = tr(ctx, `送信中… ${pct} % (${mb(e.loaded)} / ${mb(e.total)} MB)`,
          `Sending… ${pct} % (${mb(e.loaded)} / ${mb(e.total)} MB)`);
    };
    x.upload.onload = () => {
      const sent = Date.now();
      bar.removeAttribute('value'); // indeterminate: the server reads, checks and writes the rows
      const tick = () => {
        const sec = Math.round((Date.now() - sent) / 1000);
        text.textContent = tr(ctx, `送信しました。行を確かめて書き込んでいます… ${sec} 秒`,
            `Sent. Checking and writing the rows… ${sec} s`);
      };
      tick();
      timer = setInterval(tick, 1000);
    };
    x.onload = () => {
      clearInterval(timer);
      const type = x.getResponseHeader('Content-Type') || '';
      let json = null;
      try { json = type.includes('json') && x.responseText ? JSON.parse(x.responseText) : null; } catch (e) { json = null; }
      const ok = x.status >= 200 && x.status < 300;
      resolve({status: x.status, body: type.includes('problem') ? null : json,
        problem: type.includes('problem') ? json : (ok ? null : {status: x.status, title: x.statusText})});
    };
    x.onerror = () => {
      clearInterval(timer);
      resolve({status: 0, body: null, problem: {status: 0,
        title: tr(ctx, '送信できませんでした。接続を確かめてください。', 'The file could not be sent. Check the connection.')}});
    };
    x.send(file);
  });
}

/** Shows an error thrown by ctx.getJson (or any Error) in place of a page's content. */
export function errorNotice(ctx, err) {
  return notice(err && err.problem ? problemText(ctx, err.problem, err.status) : String(err && err.message || err), 'error');
}

/**
 * A paged table of `GET {path}` (a path under the municipality, answering Page JSON:
 * items, page, size, totalItems, totalPages), with a CSV button when the endpoint has ?format=csv
 * (opts.csv: the file name) and an Excel button when it has ?format=xlsx (opts.xlsx).
 *
 *   const list = pagedList(ctx, {
 *     path: 'indicators', query: () => ({kind: 'OUTCOME'}), caption: tr(ctx, '指標', 'Indicators'),
 *     columns: [{label: tr(ctx, 'コード', 'Code'), render: (row) => row.code}], csv: 'indicators.csv'});
 *   root.append(list.element); list.reload();
 */
export function pagedList(ctx, opts) {
  const size = opts.size || 20;
  let page = 0;
  const captionId = uid('caption');
  const table = h('table', {class: 'list', 'aria-describedby': null});
  const status = h('p', {class: 'list-status', role: 'status', 'aria-live': 'polite'});
  const prev = h('button', {type: 'button', class: 'btn', text: tr(ctx, '前へ', 'Previous'),
    on: {click: () => { page -= 1; load(); }}});
  const next = h('button', {type: 'button', class: 'btn', text: tr(ctx, '次へ', 'Next'),
    on: {click: () => { page += 1; load(); }}});
  const tools = h('div', {class: 'list-tools'});
  if (opts.csv) {
    tools.append(h('button', {type: 'button', class: 'btn csv', text: tr(ctx, 'CSV ダウンロード', 'Download CSV'),
      on: {click: () => downloadCsv(ctx, opts.path, opts.query ? opts.query() : {}, opts.csv)}}));
  }
  if (opts.xlsx) {
    tools.append(h('button', {type: 'button', class: 'btn xlsx', text: tr(ctx, 'Excel (xlsx) ダウンロード', 'Download Excel (xlsx)'),
      on: {click: () => downloadXlsx(ctx, opts.path, opts.query ? opts.query() : {}, opts.xlsx)}}));
  }
  const pager = h('div', {class: 'pager'}, prev, status, next);
  const element = h('div', {class: 'paged-list'}, tools, h('div', {class: 'table-wrap'}, table), pager);

  async function load() {
    const q = new URLSearchParams(clean(opts.query ? opts.query() : {}));
    q.set('page', String(page));
    q.set('size', String(size));
    status.textContent = tr(ctx, '読み込み中…', 'Loading…');
    let data;
    try {
      data = await ctx.getJson(`${opts.path}?${q}`);
    } catch (err) {
      table.replaceChildren();
      status.textContent = '';
      element.querySelector('.notice')?.remove();
      element.prepend(errorNotice(ctx, err));
      return;
    }
    element.querySelector('.notice')?.remove();
    if (data.totalPages > 0 && page >= data.totalPages) {
      page = data.totalPages - 1;
      return load();
    }
    const head = h('thead', {}, h('tr', {}, opts.columns.map((c) => h('th', {scope: 'col', text: c.label}))));
    const body = h('tbody', {}, data.items.map((row) => h('tr', {},
        opts.columns.map((c, i) => {
          const v = c.render(row);
          return h(i === 0 ? 'th' : 'td', i === 0 ? {scope: 'row'} : {}, v instanceof Node ? v : String(v ?? ''));
        }))));
    const caption = h('caption', {id: captionId, text: opts.caption || ''});
    table.replaceChildren(caption, head, body);
    if (data.items.length === 0) {
      body.append(h('tr', {}, h('td', {colspan: opts.columns.length, text: opts.empty || tr(ctx, '該当するものはありません。', 'Nothing found.')})));
    }
    const from = data.items.length === 0 ? 0 : data.page * data.size + 1;
    const to = data.page * data.size + data.items.length;
    status.textContent = pageStatus(ctx, data, from, to);
    prev.disabled = data.page <= 0;
    next.disabled = data.page + 1 >= data.totalPages;
    if (opts.onLoad) opts.onLoad(data);
  }

  return {
    element,
    /** Loads again; fromStart goes back to the first page (after a filter changed). */
    reload(fromStart = true) {
      if (fromStart) page = 0;
      return load();
    },
  };
}

/**
 * 「120 件中 1〜20 件 (1 / 6 ページ)」, or when the list was counted only up to the server's limit
 * (totalItemsExact false) 「10,000 件超のうち 1〜20 件 (1 / 501 ページ以上)」.
 */
export function pageStatus(ctx, data, from, to) {
  const n = Number(data.totalItems).toLocaleString('ja-JP');
  const pages = Math.max(1, data.totalPages);
  if (data.totalItemsExact === false) {
    return tr(ctx, `${n} 件超のうち ${from}〜${to} 件 (${data.page + 1} / ${pages} ページ以上)`,
        `${from}–${to} of more than ${n} (page ${data.page + 1} of ${pages} or more)`);
  }
  return tr(ctx, `${n} 件中 ${from}〜${to} 件 (${data.page + 1} / ${pages} ページ)`,
      `${from}–${to} of ${n} (page ${data.page + 1} of ${pages})`);
}

/** 「120 件」, or 「10,000 件超」 when the list was counted only up to the server's limit. */
export function totalText(ctx, data, enNoun = 'item(s)') {
  const n = Number(data.totalItems).toLocaleString('ja-JP');
  return data.totalItemsExact === false ? tr(ctx, `${n} 件超`, `more than ${n} ${enNoun}`)
    : tr(ctx, `${n} 件`, `${n} ${enNoun}`);
}

function clean(params) {
  const out = {};
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== '') out[k] = String(v);
  return out;
}

/** Fetches `{path}?format=csv` in the console's language and saves it as `filename`. */
export async function downloadCsv(ctx, path, params, filename) {
  const q = new URLSearchParams(clean(params));
  q.set('format', 'csv');
  const r = await ctx.api('GET', `${path}?${q}`, {accept: 'text/csv', raw: true});
  if (r.status !== 200) {
    ctx.announce(problemText(ctx, r.problem, r.status));
    return;
  }
  const url = URL.createObjectURL(r.blob);
  const a = h('a', {href: url, download: filename || 'export.csv', hidden: true});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  ctx.announce(tr(ctx, 'CSV をダウンロードしました。', 'CSV downloaded.'));
}

/** Fetches `{path}?format=xlsx` in the console's language and saves it as `filename`. */
export async function downloadXlsx(ctx, path, params, filename) {
  const q = new URLSearchParams(clean(params));
  q.set('format', 'xlsx');
  const r = await ctx.api('GET', `${path}?${q}`, {accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', raw: true});
  if (r.status !== 200) {
    ctx.announce(problemText(ctx, r.problem, r.status));
    return;
  }
  const url = URL.createObjectURL(r.blob);
  const a = h('a', {href: url, download: filename || 'export.xlsx', hidden: true});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  ctx.announce(tr(ctx, 'Excel ファイルをダウンロードしました。', 'Excel file downloaded.'));
}

/**
 * A labelled form field whose API error appears right below it. `name` is the JSON path the API
 * names in problem.errors[].field (e.g. "nameJa", "years[2].target").
 * type: text | number | select | textarea | checkbox | date; options: [{value, label}].
 */
export function field(ctx, {name, label, type = 'text', value, options, required, hint, attrs = {}, id}) {
  const inputId = id || uid('f');
  const errorId = `${inputId}-error`;
  const hintId = hint ? `${inputId}-hint` : null;
  let input;
  const common = {id: inputId, name, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
    required: !!required, 'aria-required': required ? 'true' : null, ...attrs};
  if (type === 'select') {
    input = h('select', common, (options || []).map((o) => h('option', {value: o.value, text: o.label})));
    if (value !== undefined && value !== null) input.value = value;
  } else if (type === 'textarea') {
    input = h('textarea', common);
    input.value = value ?? '';
  } else if (type === 'checkbox') {
    input = h('input', {type: 'checkbox', ...common, checked: !!value});
  } else {
    input = h('input', {type: type === 'number' ? 'text' : type, inputmode: type === 'number' ? 'decimal' : null, ...common});
    input.value = value ?? '';
  }
  const lab = h('label', {for: inputId}, label, required ? h('span', {class: 'req', text: tr(ctx, ' (必須)', ' (required)')}) : null);
  const wrap = h('div', {class: `field field-${type}`, dataset: {field: name}},
      type === 'checkbox' ? [input, lab] : [lab, input],
      hint ? h('p', {class: 'hint', id: hintId, text: hint}) : null,
      h('p', {class: 'field-error', id: errorId, hidden: true}));
  return wrap;
}

/** Removes every error shown by showFieldErrors. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((p) => { p.textContent = ''; p.hidden = true; });
  form.querySelectorAll('[aria-invalid]').forEach((i) => i.removeAttribute('aria-invalid'));
  form.querySelectorAll('.form-summary').forEach((s) => s.remove());
}

/**
 * Shows a problem's field errors next to their fields (matched by name), and a summary at the
 * top of the form listing every error (also those of fields the form does not show); focuses it.
 */
export function showFieldErrors(ctx, form, problem) {
  clearErrors(form);
  const errors = (problem && problem.errors) || [];
  const items = [];
  for (const e of errors) {
    const input = form.querySelector(`[name="${cssEscape(e.field)}"]`) || nearestField(form, e.field);
    if (input) {
      const p = document.getElementById(`${input.id}-error`);
      if (p) {
        p.textContent = p.textContent ? `${p.textContent} ${e.message}` : e.message;
        p.hidden = false;
      }
      input.setAttribute('aria-invalid', 'true');
      items.push(h('li', {}, h('a', {href: `#${input.id}`, on: {click: (ev) => { ev.preventDefault(); input.focus(); }}},
          `${labelOf(input) || e.field}: ${e.message}`)));
    } else {
      items.push(h('li', {text: `${e.field}: ${e.message}`}));
    }
  }
  const summary = h('div', {class: 'form-summary notice notice-error', role: 'alert', tabindex: '-1'},
      h('p', {text: problemText(ctx, problem, problem && problem.status)}), items.length ? h('ul', {}, items) : null);
  form.prepend(summary);
  summary.focus();
}

// "years[2]" → the first input of that row when the API names the row itself.
function nearestField(form, path) {
  let p = path;
  while (p.includes('.') || p.includes('[')) {
    p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    const el = form.querySelector(`[name^="${cssEscape(p)}"]`);
    if (el) return el;
  }
  return null;
}

function labelOf(input) {
  const l = input.id ? input.ownerDocument.querySelector(`label[for="${input.id}"]`) : null;
  return l ? l.textContent.replace(/\s*\((必須|required)\)\s*$/, '') : '';
}

function cssEscape(s) {
  return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&');
}

/**
 * Sends a form's body and handles the answer the console's way: field errors next to the fields
 * (400 with errors[]), 412 (someone else saved first) → message and a reload button, other
 * problems → a message at the top. Returns the reply when it succeeded, else null.
 *
 *   const r = await submit(ctx, form, {method: 'PUT', path: `indicators/${id}`, body, etag, reload: () => ctx.navigate(...)});
 */
export async function submit(ctx, form, {method, path, body, etag, reload}) {
  clearErrors(form);
  const button = form.querySelector('[type=submit]');
  if (button) button.disabled = true;
  try {
    const r = await ctx.api(method, path, {body, etag});
    if (r.status >= 200 && r.status < 300) return r;
    if (r.status === 412) {
      const box = conflictNotice(ctx, reload);
      box.classList.add('form-summary');
      form.prepend(box);
      box.focus();
      return null;
    }
    showFieldErrors(ctx, form, r.problem || {status: r.status});
    return null;
  } finally {
    if (button) button.disabled = false;
  }
}

/** The message for an edit that lost a race (412), with a button that reloads the current data. */
export function conflictNotice(ctx, reload) {
  return h('div', {class: 'notice notice-error conflict', role: 'alert', tabindex: '-1'},
      h('p', {text: tr(ctx, 'ほかの人が先にこのデータを更新しました。あなたの変更は保存されていません。最新の内容を読み込み直してから、もう一度変更してください。',
          'Someone else changed this data first. Your changes were not saved. Reload the current data and make your change again.')}),
      h('button', {type: 'button', class: 'btn btn-primary reload', text: tr(ctx, '最新の内容を読み込む', 'Reload the current data'),
        on: {click: () => reload && reload()}}));
}

/** Definition list from [label, value] pairs (values: text or nodes). */
export function facts(pairs) {
  return h('dl', {class: 'facts'}, pairs.filter((p) => p).map(([k, v]) => [h('dt', {text: k}),
    h('dd', {}, v instanceof Node ? v : String(v ?? '—'))]));
}

/** A link to a console route. */
export function link(href, text, props = {}) {
  return h('a', {href, ...props}, text);
}
