// The staff console's shell: sign-in, language, municipality, navigation built from the enabled
// modules' UI contributions, hash routing, and the `ctx` every page gets (README "Web console").
import {h, tr, fiscalYearLabel, notice, problemText} from './kit.js';

const LANG_KEY = 'machi.lang';
const LG_KEY = 'machi.lgCode';

/** The console's own screens; module screens come from /ui-contributions. */
const CORE_PAGES = [
  {id: 'home', ja: 'ホーム', en: 'Home', load: () => import('./pages/home.js')},
  {id: 'tasks', ja: 'あなたの対応待ち', en: 'Waiting for you', load: () => import('./pages/tasks.js')},
  {id: 'indicators', ja: '指標', en: 'Indicators', load: () => import('./pages/indicators.js')},
  {id: 'actuals', ja: '実績入力', en: 'Actuals entry', load: () => import('./pages/actuals.js')},
  {id: 'units', ja: '組織', en: 'Organisation', load: () => import('./pages/units.js')},
  {id: 'settings', ja: '自治体の設定', en: 'Municipality settings', load: () => import('./pages/settings.js')},
  {id: 'modules', ja: 'モジュール', en: 'Modules', load: () => import('./pages/modules.js')},
  {id: 'users', ja: '利用者', en: 'Users', admin: true, load: () => import('./pages/users.js')},
  {id: 'personal-data', ja: '個人情報', en: 'Personal data', admin: true, load: () => import('./pages/personal-data.js')},
];

const isAdmin = () => ['MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(state.session?.caller?.role);
const corePages = () => CORE_PAGES.filter((p) => !p.admin || isAdmin());

const state = {
  lang: localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'ja',
  session: null, // {caller, csrfToken}
  municipalities: [],
  lgCode: null,
  contributions: [],
  cleanup: null,
  charts: [],
  renderSeq: 0,
};

const $ = (id) => document.getElementById(id);
const t = (ja, en) => (state.lang === 'en' ? en : ja);

// ---- HTTP -------------------------------------------------------------------------------------

async function request(method, url, {body, etag, accept, raw, file} = {}) {
  const headers = {'Accept-Language': state.lang, Accept: accept || 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // A file (Blob) goes as the raw body: the API reads its type from the bytes.
  if (file !== undefined) headers['Content-Type'] = file.type || 'application/octet-stream';
  if (etag) headers['If-Match'] = etag;
  if (method !== 'GET' && method !== 'HEAD' && state.session && state.session.csrfToken) {
    headers['X-CSRF-Token'] = state.session.csrfToken;
  }
  const r = await fetch(url, {method, headers, credentials: 'same-origin',
    body: file !== undefined ? file : body === undefined ? undefined : JSON.stringify(body)});
  const reply = {status: r.status, etag: r.headers.get('ETag'), body: null, problem: null};
  const type = r.headers.get('Content-Type') || '';
  if (raw && r.ok) {
    reply.blob = await r.blob();
  } else if (type.includes('json')) {
    const json = await r.json().catch(() => null);
    if (type.includes('problem')) reply.problem = json; else reply.body = json;
  } else if (!r.ok) {
    reply.problem = {status: r.status, title: r.statusText};
  }
  if (r.status === 401 && state.session && !url.endsWith('/api/v1/session')) {
    // The session ended (timeout, sign-out elsewhere): back to the sign-in form.
    state.session = null;
    showSignIn(t('セッションが終了しました。もう一度サインインしてください。', 'Your session ended. Please sign in again.'));
  }
  return reply;
}

function municipalityPath(path) {
  const p = String(path || '');
  return `/api/v1/municipalities/${state.lgCode}${p === '' || p.startsWith('?') ? '' : '/'}${p.replace(/^\//, '')}`;
}

async function getJsonAbsolute(url) {
  const r = await request('GET', url);
  if (r.status < 200 || r.status >= 300) {
    const err = new Error(problemText({lang: state.lang}, r.problem, r.status));
    err.status = r.status;
    err.problem = r.problem;
    throw err;
  }
  return r.body;
}

// ---- language ---------------------------------------------------------------------------------

function applyLang() {
  document.documentElement.lang = state.lang;
  document.title = t('まち (Machi) 管理画面', 'Machi (まち) console');
  $('skip-link').textContent = t('本文へ移動', 'Skip to content');
  $('brand-sub').textContent = t('管理画面', 'console');
  $('foot-text').textContent = t('自治体の企画・広聴・協働・シティプロモーション業務のためのプラットフォーム',
      'A platform for the planning, public-hearing, collaboration and city-promotion work of municipalities');
  $('nav').setAttribute('aria-label', t('メインメニュー', 'Main menu'));
}

async function switchLang() {
  state.lang = state.lang === 'en' ? 'ja' : 'en';
  localStorage.setItem(LANG_KEY, state.lang);
  applyLang();
  if (state.session) {
    await loadContributions();
    renderTools();
    renderNav();
    await route();
  } else {
    renderTools();
    showSignIn();
  }
  $('lang-switch')?.focus();
}

// ---- header -----------------------------------------------------------------------------------

function renderTools() {
  const tools = $('top-tools');
  tools.replaceChildren();
  const langButton = h('button', {type: 'button', id: 'lang-switch', class: 'btn btn-quiet',
    lang: state.lang === 'en' ? 'ja' : 'en', on: {click: switchLang}},
  state.lang === 'en' ? '日本語' : 'English');
  const s = state.session;
  if (s) {
    const c = s.caller;
    if (c.role === 'PLATFORM_ADMIN' && state.municipalities.length) {
      // Choosing alone changes nothing (WCAG 3.2.2): the button switches.
      const sel = h('select', {id: 'lg-select'},
          state.municipalities.map((m) => h('option', {value: m.code, text: `${state.lang === 'en' ? m.nameEn : m.nameJa} (${m.code})`})));
      sel.value = state.lgCode;
      tools.append(h('form', {class: 'lg-switch', on: {submit: (e) => { e.preventDefault(); selectMunicipality(sel.value); }}},
          h('label', {for: 'lg-select', text: t('自治体', 'Municipality')}), sel,
          h('button', {type: 'submit', id: 'lg-go', class: 'btn btn-quiet', text: t('切り替え', 'Switch')})));
    } else {
      const m = state.municipalities.find((x) => x.code === state.lgCode);
      tools.append(h('p', {class: 'lg-name', id: 'lg-name'}, m ? (state.lang === 'en' ? m.nameEn : m.nameJa) : state.lgCode || ''));
    }
    tools.append(h('p', {class: 'who', id: 'who'}, h('span', {class: 'visually-hidden', text: t('サインイン中: ', 'Signed in: ')}),
        `${c.name} (${roleLabel(c.role)})`));
    tools.append(langButton);
    tools.append(h('button', {type: 'button', id: 'sign-out', class: 'btn btn-quiet', text: t('サインアウト', 'Sign out'),
      on: {click: signOut}}));
  } else {
    tools.append(langButton);
  }
}

function roleLabel(role) {
  return {
    VIEWER: t('閲覧者', 'viewer'), STAFF: t('職員', 'staff'),
    MUNICIPALITY_ADMIN: t('自治体管理者', 'municipality administrator'), PLATFORM_ADMIN: t('基盤管理者', 'platform administrator'),
  }[role] || role;
}

// ---- sign-in ----------------------------------------------------------------------------------

async function showSignIn(message) {
  cleanupPage();
  $('nav').hidden = true;
  $('nav').replaceChildren();
  renderTools();
  const title = $('page-title');
  title.textContent = t('サインイン', 'Sign in');
  const error = h('p', {id: 'sign-in-error', class: 'notice notice-error', role: 'alert', hidden: !message}, message || '');
  const login = h('input', {id: 'login', name: 'login', autocomplete: 'username', required: true, 'aria-describedby': 'sign-in-error'});
  const password = h('input', {id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true});
  const form = h('form', {id: 'sign-in-form', class: 'form narrow', novalidate: true, on: {submit: async (ev) => {
    ev.preventDefault();
    error.hidden = true;
    if (!login.value || !password.value) {
      error.textContent = t('ログイン名とパスワードを入力してください。', 'Enter your login and password.');
      error.hidden = false;
      (login.value ? password : login).focus();
      return;
    }
    const r = await request('POST', '/api/v1/session', {body: {login: login.value, password: password.value}});
    if (r.status === 200) {
      state.session = r.body;
      password.value = '';
      await startConsole();
    } else {
      error.textContent = problemText({lang: state.lang}, r.problem, r.status);
      error.hidden = false;
      password.value = '';
      password.focus();
    }
  }}},
  error,
  h('div', {class: 'field'}, h('label', {for: 'login', text: t('ログイン名', 'Login')}), login),
  h('div', {class: 'field'}, h('label', {for: 'password', text: t('パスワード', 'Password')}), password),
  h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'sign-in', class: 'btn btn-primary', text: t('サインイン', 'Sign in')})));
  const page = $('page');
  page.replaceChildren(form);
  const methods = await request('GET', '/api/v1/session/methods').catch(() => null);
  if (methods && methods.body && methods.body.oidc) {
    page.append(h('p', {class: 'oidc'}, h('a', {id: 'oidc-sign-in', class: 'btn', href: '/api/v1/session/oidc',
      text: t('組織のアカウントでサインイン (OpenID Connect)', 'Sign in with your organisation account (OpenID Connect)')})));
  }
  login.focus();
}

async function signOut() {
  await request('DELETE', '/api/v1/session');
  state.session = null;
  history.replaceState(null, '', '/');
  showSignIn(t('サインアウトしました。', 'You signed out.'));
  $('sign-in-error').classList.replace('notice-error', 'notice-info');
}

// ---- municipality and navigation --------------------------------------------------------------

async function startConsole() {
  const r = await request('GET', '/api/v1/municipalities?size=100');
  state.municipalities = r.status === 200 ? r.body.items : [];
  const fromHash = parseHash().lgCode;
  const known = (code) => state.municipalities.some((m) => m.code === code);
  const caller = state.session.caller;
  state.lgCode = [fromHash, caller.municipalityCode, localStorage.getItem(LG_KEY)].find((c) => c && known(c))
      || (state.municipalities[0] && state.municipalities[0].code) || caller.municipalityCode || null;
  if (!state.lgCode) {
    renderTools();
    $('page-title').textContent = t('自治体がありません', 'No municipality');
    $('page').replaceChildren(notice(t('まだ自治体が登録されていません。API (POST /api/v1/municipalities) で登録してください。',
        'No municipality is registered yet. Register one with the API (POST /api/v1/municipalities).')));
    return;
  }
  localStorage.setItem(LG_KEY, state.lgCode);
  await loadContributions();
  renderTools();
  renderNav();
  if (!parseHash().lgCode || parseHash().lgCode !== state.lgCode) {
    history.replaceState(null, '', `#/${state.lgCode}/core/home`);
  }
  await route();
}

async function selectMunicipality(code) {
  state.lgCode = code;
  localStorage.setItem(LG_KEY, code);
  await loadContributions();
  renderNav();
  const {module, page} = parseHash();
  // Stay on the same screen if the other municipality has it, else its home.
  const has = module === 'core' || state.contributions.some((c) => c.module === module && c.id === page);
  location.hash = has && page ? `#/${code}/${module}/${page}` : `#/${code}/core/home`;
}

async function loadContributions() {
  const r = await request('GET', municipalityPath('ui-contributions?area=CONSOLE'));
  state.contributions = r.status === 200 ? r.body : [];
}

function renderNav() {
  const nav = $('nav');
  const current = parseHash();
  const item = (href, text, active, data) => h('li', {}, h('a', {href, 'aria-current': active ? 'page' : null, dataset: data}, text));
  const coreList = h('ul', {}, corePages().map((p) => item(`#/${state.lgCode}/core/${p.id}`, t(p.ja, p.en),
      current.module === 'core' && current.page === p.id, {nav: `core/${p.id}`})));
  const modList = h('ul', {id: 'nav-modules'}, state.contributions.map((c) => item(`#/${state.lgCode}/${c.module}/${c.id}`, c.label,
      current.module === c.module && current.page === c.id, {nav: `${c.module}/${c.id}`})));
  nav.replaceChildren(
      h('h2', {class: 'nav-heading', text: t('基本', 'Core')}), coreList,
      h('h2', {class: 'nav-heading', text: t('業務モジュール', 'Modules')}),
      state.contributions.length ? modList : h('p', {class: 'nav-empty', text: t('有効なモジュールの画面はありません。', 'No module screens are enabled.')}));
  nav.hidden = false;
}

// ---- routing ----------------------------------------------------------------------------------

/** #/082201/core/indicators/<id>/edit → {lgCode, module: 'core', page: 'indicators', args: [id, 'edit']}. */
function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter((x) => x !== '').map(decodeURIComponent);
  return {lgCode: parts[0] || null, module: parts[1] || null, page: parts[2] || null, args: parts.slice(3)};
}

function cleanupPage() {
  if (typeof state.cleanup === 'function') {
    try { state.cleanup(); } catch (e) { console.error(e); }
  }
  state.cleanup = null;
  for (const c of state.charts) c.destroy();
  state.charts = [];
}

async function route() {
  if (!state.session) return;
  const {lgCode, module, page, args} = parseHash();
  if (lgCode && lgCode !== state.lgCode) {
    if (state.municipalities.some((m) => m.code === lgCode)) {
      state.lgCode = lgCode;
      localStorage.setItem(LG_KEY, lgCode);
      await loadContributions();
      renderTools();
    } else {
      location.hash = `#/${state.lgCode}/core/home`;
      return;
    }
  }
  renderNav();
  cleanupPage();
  const seq = ++state.renderSeq;
  const title = $('page-title');
  const root = h('div', {class: 'page-root'});
  let label;
  let loader;
  if (module === 'core' || !module) {
    const p = corePages().find((x) => x.id === (page || 'home'));
    if (p) {
      label = t(p.ja, p.en);
      loader = p.load;
    }
  } else {
    const c = state.contributions.find((x) => x.module === module && x.id === page);
    if (c) {
      label = c.label;
      loader = () => import(c.script);
    }
  }
  const hash = location.hash;
  delete $('page').dataset.route;
  $('page').replaceChildren(root);
  if (!loader) {
    title.textContent = t('画面が見つかりません', 'Screen not found');
    root.append(notice(t('この画面はありません。または、この自治体ではそのモジュールが有効になっていません。',
        'There is no such screen, or its module is not enabled for this municipality.'), 'error'));
    $('page').dataset.route = hash;
    focusTitle();
    return;
  }
  title.textContent = label;
  document.title = `${label} — ${t('まち (Machi) 管理画面', 'Machi (まち) console')}`;
  try {
    const mod = await loader();
    if (seq !== state.renderSeq) return;
    const cleanup = await mod.default(root, makeCtx(module || 'core', page || 'home', args));
    if (seq !== state.renderSeq) {
      if (typeof cleanup === 'function') cleanup();
      return;
    }
    state.cleanup = cleanup;
  } catch (err) {
    console.error(err);
    if (seq === state.renderSeq) {
      root.replaceChildren(notice(err && err.problem ? problemText({lang: state.lang}, err.problem, err.status)
          : t(`画面を表示できませんでした: ${err.message}`, `The screen could not be shown: ${err.message}`), 'error'));
    }
  }
  if (seq === state.renderSeq) {
    // Done drawing this route (for tests and tools: #page[data-route] is the hash drawn).
    $('page').dataset.route = hash;
  }
  focusTitle();
}

function focusTitle() {
  const title = $('page-title');
  title.setAttribute('tabindex', '-1');
  if (document.activeElement === document.body || !document.activeElement || document.activeElement.closest('#nav')) {
    title.focus({preventScroll: true});
  }
}

/** The `ctx` of the UI contract (README "Web console"). */
function makeCtx(module, page, args) {
  const lgCode = state.lgCode;
  const lang = state.lang;
  const ctx = {
    lgCode,
    lang,
    t: (ja, en) => (lang === 'en' ? en : ja),
    getJson: (path) => getJsonAbsolute(municipalityPath(path)),
    fiscalYearLabel: (year) => fiscalYearLabel(year, lang),
    chart: (canvas, config) => {
      if (!window.Chart) throw new Error('Chart.js is not loaded');
      const c = new window.Chart(canvas, config);
      state.charts.push(c);
      return c;
    },
    api: (method, path, opts = {}) => request(method, municipalityPath(path), opts),
    caller: state.session.caller,
    navigate: (hash) => {
      const target = hash.startsWith('#') ? hash : `#${hash}`;
      if (location.hash === target) route(); else location.hash = target;
    },
    // Additions beyond the contract's minimum, for convenience:
    /** Route arguments after the page id: #/{lg}/{module}/{page}/a/b → ['a', 'b']. */
    args,
    /** The hash of this page (or another of the same module) with arguments. */
    href: (...more) => `#/${lgCode}/${module}/${page}${more.map((a) => `/${encodeURIComponent(a)}`).join('')}`,
    /** Sets the page heading (h1). */
    setTitle: (text) => {
      $('page-title').textContent = text;
      document.title = `${text} — ${lang === 'en' ? 'Machi (まち) console' : 'まち (Machi) 管理画面'}`;
    },
    /** Says something to screen-reader users (polite live region). */
    announce: (text) => { $('status').textContent = text; },
    /** Absolute API call (outside the municipality), e.g. ctx.rawApi('GET', '/api/v1/modules'). */
    rawApi: (method, url, opts = {}) => request(method, url, opts),
    /** The municipality as listed ({code, nameJa, nameEn, …}). */
    municipality: state.municipalities.find((m) => m.code === lgCode) || null,
    /** Reloads the navigation (e.g. after a module was switched). */
    refreshNav: async () => { await loadContributions(); renderNav(); },
  };
  return ctx;
}

// ---- start ------------------------------------------------------------------------------------

async function boot() {
  applyLang();
  window.addEventListener('hashchange', () => { route(); });
  const r = await request('GET', '/api/v1/session');
  if (r.status === 200 && r.body.csrfToken) {
    state.session = r.body;
    await startConsole();
  } else {
    showSignIn();
  }
}

boot();
