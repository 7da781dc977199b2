// The public portal's shell (/p/{lgCode}/…): reads the municipality and the page from the address,
// asks the public portal endpoint what the municipality publishes, and renders a contributed page,
// an ES module whose default export is render(root, ctx) (README "Public portal", UI contract).
// No inline scripts (the portal's Content-Security-Policy forbids them); no personal data anywhere.

import {h as el} from '/ui/core/kit.js';
const LANG_KEY = 'machi.lang';
const segments = location.pathname.split('/');   // ['', 'p', lgCode, page…]
const lgCode = segments[2];
const base = `/p/${lgCode}/`;
const main = document.getElementById('main');
const navList = document.getElementById('nav-list');
const homeLink = document.getElementById('home-link');
const langSwitch = document.getElementById('lang-switch');

let lang = storedLanguage();
let portal = null;
let cleanup = null;
let firstRender = true;

function storedLanguage() {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'ja';
  } catch (e) {
    return 'ja';
  }
}

const t = (ja, en) => (lang === 'en' && en != null && en !== '' ? en : ja);

/** 令和7年度 / FY2025, from 2025, "2025" or a fiscal year as the API writes it ({year, label}). */
function fiscalYearLabel(year) {
  const y = typeof year === 'object' && year !== null ? Number(year.year) : Number(year);
  if (!Number.isInteger(y)) {
    return String(year);
  }
  if (lang === 'en') {
    return `FY${y}`;
  }
  const eras = [['令和', 2019], ['平成', 1989], ['昭和', 1926]];
  for (const [name, first] of eras) {
    if (y >= first) {
      const n = y - first + 1;
      return `${name}${n === 1 ? '元' : n}年度`;
    }
  }
  return `${y}年度`;
}

/** Parsed JSON of GET /api/v1/municipalities/{lgCode}/<path>; throws an Error with status and problem. */
async function getJson(path) {
  const clean = String(path).replace(/^\/+/, '');
  // No credentials: the portal is what anybody sees, whoever may be signed in to the console.
  const res = await fetch(`/api/v1/municipalities/${lgCode}/${clean}`, {
    credentials: 'omit',
    headers: { Accept: 'application/json', 'Accept-Language': lang },
  });
  const type = res.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const err = new Error((body && (body.detail || body.title)) || `HTTP ${res.status}`);
    err.status = res.status;
    err.problem = body;
    throw err;
  }
  return body;
}

/**
 * POST of a JSON body to /api/v1/municipalities/{lgCode}/<path> (a public endpoint, such as a
 * resident's citizen voice), without cookies like every portal call; the parsed JSON reply on 2xx,
 * else throws an Error with status and problem (problem.errors[] names the fields). `headers` adds
 * request headers, e.g. { 'Idempotency-Key': formToken } (see docs/adr/0014-public-intake.md).
 */
async function postJson(path, body, headers = {}) {
  const clean = String(path).replace(/^\/+/, '');
  const res = await fetch(`/api/v1/municipalities/${lgCode}/${clean}`, {
    method: 'POST',
    credentials: 'omit',
    headers: { ...headers, Accept: 'application/json', 'Accept-Language': lang, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const type = res.headers.get('Content-Type') || '';
  const reply = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const err = new Error((reply && (reply.detail || reply.title)) || `HTTP ${res.status}`);
    err.status = res.status;
    err.problem = reply;
    throw err;
  }
  return reply;
}

/** A Chart.js chart on the canvas; animations are off (reduced motion, steady screenshots). */
function chart(canvas, config) {
  if (!window.Chart) {
    throw new Error('Chart.js is not loaded');
  }
  return new window.Chart(canvas, config);
}

function context() {
  return { lgCode, lang, t, getJson, postJson, fiscalYearLabel, chart, base };
}

function pageId() {
  const rest = location.pathname.substring(base.length).replace(/\/+$/, '');
  return rest === '' ? null : rest.split('/')[0];
}

function applyStaticTexts() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-ja]').forEach((n) => {
    n.textContent = t(n.dataset.ja, n.dataset.en);
  });
  document.querySelectorAll('[data-ja-label]').forEach((n) => {
    n.setAttribute('aria-label', t(n.dataset.jaLabel, n.dataset.enLabel));
  });
  langSwitch.textContent = lang === 'en' ? '日本語' : 'English';
  langSwitch.lang = lang === 'en' ? 'ja' : 'en';
  langSwitch.setAttribute('aria-label', lang === 'en' ? '日本語で表示' : 'Show in English');
}

function municipalityName() {
  return portal ? (lang === 'en' && portal.nameEn ? portal.nameEn : portal.nameJa) : lgCode;
}

function renderNav() {
  homeLink.textContent = t(`${municipalityName()} 公開ポータル`, `${municipalityName()} public portal`);
  homeLink.href = base;
  navList.replaceChildren();
  const current = pageId();
  const items = [{ id: null, label: t('ホーム', 'Home') }, ...portal.pages];
  for (const p of items) {
    const a = el('a', { href: p.id ? base + p.id : base, 'data-route': '', text: p.label });
    if ((p.id || null) === current) {
      a.setAttribute('aria-current', 'page');
    }
    navList.append(el('li', {}, a));
  }
}

function renderHome(root) {
  root.append(el('h1', { text: t(`${municipalityName()}の公開ポータル`, `${municipalityName()}: public portal`) }));
  if (portal.pages.length === 0) {
    root.append(el('p', { text: t('公開している情報はまだありません。', 'Nothing is published here yet.') }));
    return t('ホーム', 'Home');
  }
  root.append(el('p', { class: 'lead', text: t('市が公開している情報をご覧いただけます。', 'What the municipality publishes.') }));
  const list = el('ul', { class: 'cards' });
  portal.pages.forEach((p) => list.append(el('li', {}, el('a', { href: base + p.id, 'data-route': '', text: p.label }))));
  root.append(list);
  return t('ホーム', 'Home');
}

function showError(root, message) {
  root.replaceChildren(el('p', { class: 'error', role: 'alert', text: message }));
}

async function show() {
  if (typeof cleanup === 'function') {
    try { cleanup(); } catch (e) { /* a page's cleanup must not stop the next one */ }
  }
  cleanup = null;
  applyStaticTexts();
  renderNav();
  const root = el('div', { class: 'portal-page' });
  main.replaceChildren(root);
  const id = pageId();
  let title;
  if (id === null) {
    title = renderHome(root);
  } else {
    const page = portal.pages.find((p) => p.id === id);
    title = page ? page.label : t('ページが見つかりません', 'Page not found');
    if (!page) {
      root.append(el('h1', { text: title }),
        el('p', { text: t('このページは公開されていません。', 'This page is not published.') }),
        el('p', {}, el('a', { href: base, 'data-route': '', text: t('ホームへ戻る', 'Back to the home page') })));
    } else {
      root.append(el('p', { class: 'status', role: 'status', text: t('読み込み中…', 'Loading…') }));
      try {
        const module = await import(page.script);
        const pageRoot = el('div');
        root.replaceChildren(pageRoot);
        cleanup = await module.default(pageRoot, context());
      } catch (e) {
        showError(root, t(`ページを表示できませんでした（${e.message}）。`, `The page could not be shown (${e.message}).`));
      }
    }
  }
  document.title = `${title} | ${t(`${municipalityName()} 公開ポータル`, `${municipalityName()} public portal`)}`;
  if (!firstRender) {
    window.scrollTo(0, 0);
    main.focus({ preventScroll: true });
  }
  firstRender = false;
}

async function load() {
  try {
    portal = await getJson('portal');
  } catch (e) {
    applyStaticTexts();
    showError(main, t('この自治体の公開ポータルを読み込めませんでした。', 'The portal of this municipality could not be loaded.'));
    return;
  }
  await show();
}

document.addEventListener('click', (event) => {
  const a = event.target.closest && event.target.closest('a[data-route]');
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  // Compared with the query too: a link from …/results/x?by=SEX to …/results/x must change the address.
  if (a.getAttribute('href') !== location.pathname + location.search) {
    history.pushState(null, '', a.getAttribute('href'));
  }
  show();
});

window.addEventListener('popstate', () => show());

langSwitch.addEventListener('click', async () => {
  lang = lang === 'en' ? 'ja' : 'en';
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch (e) { /* private mode: the switch holds for this page only */ }
  await load();
  langSwitch.focus();
});

if (window.Chart) {
  window.Chart.defaults.animation = false;
  window.Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
} else {
  window.addEventListener('load', () => {
    if (window.Chart) {
      window.Chart.defaults.animation = false;
    }
  });
}

load();
