// まちづくり提言 (citizen proposals) for the public portal: /p/{lgCode}/. A resident sends a proposal
// (POST engagement/proposals through ctx.postJson, without cookies) and reads the published ones with
// their status (受付 / 検討中 / 回答済 / 実現 / 一部実現 / 見送り), fiscal year (令和N年度) and the city's
// answer (GET engagement/proposals/published). Both endpoints never return personal data: the reply to a
// submission is its receipt number only, and the form is cleared.
// Public intake (docs/adr/0014-public-intake.md): the form's token goes as the Idempotency-Key header, so a
// double click or a retry files the proposal once and shows the same receipt; the honeypot field
// ("website") is out of sight and reach of people. DOM built with createElement/textContent only.

import {h as el} from '/ui/core/kit.js';

const PAGE_SIZE = 20;

const FIELDS = [
  ['', '選択しない', 'Not chosen'], ['まちづくり・都市計画', 'まちづくり・都市計画', 'Town planning'],
  ['子育て・教育', '子育て・教育', 'Children and education'], ['福祉・健康', '福祉・健康', 'Welfare and health'],
  ['環境・ごみ', '環境・ごみ', 'Environment and waste'], ['道路・交通', '道路・交通', 'Roads and transport'],
  ['産業・観光', '産業・観光', 'Industry and tourism'], ['防災・安全', '防災・安全', 'Disaster prevention and safety'],
  ['行政運営', '行政運営', 'Administration'], ['その他', 'その他', 'Other'],
];

const STATUSES = [
  ['', 'すべて', 'All'], ['RECEIVED', '受付', 'Received'], ['CONSIDERING', '検討中', 'Under consideration'],
  ['ANSWERED', '回答済', 'Answered'], ['REALISED', '実現', 'Realised'], ['PARTLY_REALISED', '一部実現', 'Partly realised'],
  ['DECLINED', '見送り', 'Not taken up'],
];

let seq = 0;

function formatDate(iso, lang) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'en' ? iso : `${y}年${m}月${d}日`;
}

function newFormToken() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A labelled control with its hint and its error (named by aria-describedby). */
function formField(t, { name, label, type = 'text', required, hint, options, autocomplete, max }) {
  seq += 1;
  const id = `proposal-${name}-${seq}`;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  let input;
  if (type === 'textarea') {
    input = el('textarea', { id, name, rows: '8' });
  } else if (type === 'select') {
    input = el('select', { id, name }, ...options.map(([v, ja, en]) => el('option', { value: v }, t(ja, en))));
  } else {
    input = el('input', { id, name, type, autocomplete: autocomplete || null });
  }
  if (max) input.setAttribute('maxlength', String(max));
  input.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (required) {
    input.required = true;
    input.setAttribute('aria-required', 'true');
  }
  const wrap = el('div', { class: `voice-field voice-field-${type}`, 'data-field': name },
    el('label', { for: id }, label, required ? el('span', { class: 'req' }, t('（必須）', ' (required)')) : null), input);
  if (hint) wrap.append(el('p', { class: 'hint', id: hintId }, hint));
  const error = el('p', { class: 'field-error', id: errorId });
  error.hidden = true;
  wrap.append(error);
  return { wrap, input, error };
}

function proposalForm(ctx) {
  const t = ctx.t;
  const section = el('section', { class: 'proposal-send', 'aria-labelledby': 'proposal-send-heading' });
  section.append(el('h2', { id: 'proposal-send-heading' }, t('提言を送る', 'Send a proposal')));
  section.append(el('p', { class: 'lead' }, t(
    'お名前・ご住所・電話番号・メールアドレスは任意です。メールアドレスをご記入いただくと、受付と回答をメールでお知らせします。個人情報は公開しません。提言の要旨と市の回答は、個人を特定できる情報を除いて公表します。',
    'Your name, address, phone and e-mail are optional. With an e-mail address you get the receipt and the answer by e-mail. Your personal data is never published; a summary of the proposal and the answer are published without anything that identifies you.')));
  const fields = {
    title: formField(t, { name: 'title', label: t('件名', 'Title'), required: true, max: 200 }),
    field: formField(t, { name: 'field', label: t('分野', 'Field'), type: 'select', options: FIELDS }),
    body: formField(t, { name: 'body', label: t('提言の内容', 'Your proposal'), type: 'textarea', required: true, max: 4000,
      hint: t('4000 文字まで', 'Up to 4000 characters') }),
    name: formField(t, { name: 'name', label: t('お名前（任意）', 'Name (optional)'), autocomplete: 'name', max: 100 }),
    address: formField(t, { name: 'address', label: t('ご住所（任意）', 'Address (optional)'), autocomplete: 'street-address', max: 300 }),
    phone: formField(t, { name: 'phone', label: t('電話番号（任意）', 'Phone (optional)'), type: 'tel', autocomplete: 'tel', max: 40,
      hint: t('例: 0834-22-8211', 'e.g. 0834-22-8211') }),
    email: formField(t, { name: 'email', label: t('メールアドレス（任意）', 'E-mail (optional)'), type: 'email', autocomplete: 'email', max: 254 }),
  };
  const summary = el('div', { class: 'error', role: 'alert', tabindex: '-1' });
  summary.hidden = true;
  const result = el('div', { class: 'proposal-receipt', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
  const send = el('button', { type: 'submit', class: 'send' }, t('送信する', 'Send'));
  const trapId = `proposal-website-${seq += 1}`;
  const trap = el('input', { id: trapId, name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off' });
  const trapWrap = el('div', { class: 'visually-hidden voice-hp', 'aria-hidden': 'true' },
    el('label', { for: trapId }, t('ウェブサイト（入力しないでください）', 'Website (leave this empty)')), trap);
  const token = el('input', { type: 'hidden', name: 'formToken', value: newFormToken() });
  const form = el('form', { class: 'voice-form proposal-form', novalidate: '' });
  form.append(summary, token, ...Object.values(fields).map((f) => f.wrap), trapWrap, el('div', { class: 'actions' }, send));
  section.append(form, result);

  function clear() {
    summary.hidden = true;
    summary.replaceChildren();
    for (const f of Object.values(fields)) {
      f.error.hidden = true;
      f.error.textContent = '';
      f.input.removeAttribute('aria-invalid');
    }
  }

  function show(errors, message) {
    const items = el('ul');
    for (const e of errors) {
      const f = fields[e.field];
      if (f) {
        f.error.textContent = e.message;
        f.error.hidden = false;
        f.input.setAttribute('aria-invalid', 'true');
        const a = el('a', { href: `#${f.input.id}` }, `${f.wrap.querySelector('label').firstChild.textContent}: ${e.message}`);
        a.addEventListener('click', (ev) => { ev.preventDefault(); f.input.focus(); });
        items.append(el('li', null, a));
      } else {
        items.append(el('li', null, e.message));
      }
    }
    summary.replaceChildren(el('p', null, message), items);
    summary.hidden = false;
    summary.focus();
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear();
    result.replaceChildren();
    const value = (k) => fields[k].input.value.trim();
    const hints = [];
    const need = t('入力してください。', 'Please fill this in.');
    if (!value('title')) hints.push({ field: 'title', message: need });
    if (!value('body')) hints.push({ field: 'body', message: need });
    if (value('email') && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value('email'))) {
      hints.push({ field: 'email', message: t('メールアドレスの形式で入力してください。', 'Enter an e-mail address.') });
    }
    if (hints.length) {
      show(hints, t('入力内容を確認してください。', 'Please check what you entered.'));
      return;
    }
    const body = { title: value('title'), body: value('body') };
    for (const k of ['field', 'name', 'address', 'phone', 'email']) {
      if (value(k)) body[k] = value(k);
    }
    if (trap.value) body.website = trap.value;
    send.disabled = true;
    try {
      const receipt = await ctx.postJson('engagement/proposals', body, { 'Idempotency-Key': token.value });
      form.reset();
      token.value = newFormToken();
      result.replaceChildren(
        el('h3', null, t('提言を受け付けました', 'We received your proposal')),
        el('dl', { class: 'machi-voice-meta' },
          el('dt', null, t('受付番号', 'Receipt number')), el('dd', { class: 'receipt-number' }, receipt.receiptNumber),
          el('dt', null, t('受付日', 'Received')), el('dd', null, formatDate(receipt.receivedOn, ctx.lang)),
          el('dt', null, t('年度', 'Fiscal year')), el('dd', null, receipt.fiscalYearLabel)),
        el('p', null, t('関係する課で検討し、回答します。お問い合わせの際は受付番号をお伝えください。',
          'The units concerned will consider it and answer. Please give the receipt number when you contact us.')));
      result.focus();
    } catch (e) {
      if (e.status === 422) token.value = newFormToken();
      const problem = e.problem || {};
      show(problem.errors || [], problem.detail || problem.title
        || t('送信できませんでした。時間をおいてもう一度お試しください。', 'Your proposal could not be sent. Please try again later.'));
    } finally {
      send.disabled = false;
    }
  });
  return section;
}

export default async function render(root, ctx) {
  const t = ctx.t;
  let page = 0;
  let alive = true;
  const heading = el('h1', null, t('まちづくり提言', 'Citizen proposals'));
  const intro = el('p', null, t(
    'まちづくりについての提言と市の回答、検討の状況を公表しています。個人を特定できる情報は掲載していません。',
    'Proposals residents made for the town, the municipality\'s answers and where each stands. Nothing that identifies a person is shown.'));
  const statusId = `proposal-status-filter-${seq += 1}`;
  const statusFilter = el('select', { id: statusId, name: 'status' },
    ...STATUSES.map(([v, ja, en]) => el('option', { value: v }, t(ja, en))));
  const filters = el('div', { class: 'proposal-filters' }, el('label', { for: statusId }, t('状況', 'Status')), ' ', statusFilter);
  const status = el('p', { role: 'status', 'aria-live': 'polite' });
  const list = el('div', { class: 'machi-voices machi-proposals' });
  const prev = el('button', { type: 'button' }, t('前へ', 'Previous'));
  const next = el('button', { type: 'button' }, t('次へ', 'Next'));
  const pageInfo = el('span', { 'aria-live': 'polite' });
  const nav = el('nav', { 'aria-label': t('ページ送り', 'Pages') }, prev, ' ', pageInfo, ' ', next);
  root.append(heading, intro);
  if (typeof ctx.postJson === 'function') root.append(proposalForm(ctx));
  root.append(el('h2', null, t('公表している提言', 'Published proposals')), filters, status, list, nav);

  function proposal(p) {
    const article = el('article', { class: 'machi-voice machi-proposal' });
    const titleId = `proposal-${p.id}`;
    article.setAttribute('aria-labelledby', titleId);
    article.append(el('h3', { id: titleId }, p.title || ''));
    const meta = el('dl', { class: 'machi-voice-meta' });
    const add = (label, value, cls) => {
      if (value) meta.append(el('dt', null, label), el('dd', cls ? { class: cls } : null, value));
    };
    add(t('状況', 'Status'), p.statusLabel, 'proposal-status');
    add(t('年度', 'Fiscal year'), p.fiscalYearLabel);
    add(t('受付日', 'Received'), formatDate(p.receivedOn, ctx.lang));
    add(t('分野', 'Field'), p.field);
    add(t('担当課', 'Unit'), p.unitName);
    add(t('回答日', 'Answered'), formatDate(p.answeredOn, ctx.lang));
    article.append(meta);
    if (p.summary) article.append(el('h4', null, t('提言の要旨', 'Summary of the proposal')), el('p', null, p.summary));
    article.append(el('h4', null, t('市の回答', 'Our answer')),
      el('p', { class: 'proposal-answer' }, p.answer || t('検討中です。回答がまとまりしだい掲載します。', 'Being considered; the answer will be shown here.')));
    return article;
  }

  async function load() {
    status.textContent = t('読み込んでいます…', 'Loading…');
    prev.disabled = true;
    next.disabled = true;
    try {
      const s = statusFilter.value ? `&status=${encodeURIComponent(statusFilter.value)}` : '';
      const data = await ctx.getJson(`engagement/proposals/published?page=${page}&size=${PAGE_SIZE}${s}`);
      if (!alive) return;
      list.replaceChildren(...data.items.map(proposal));
      status.textContent = data.totalItems === 0
        ? t('公表している提言はまだありません。', 'No proposals have been published yet.')
        : (data.totalItemsExact === false ? t(`${data.totalItems} 件超`, `more than ${data.totalItems} published`)
          : t(`${data.totalItems} 件`, `${data.totalItems} published`));
      const pages = Math.max(1, data.totalPages);
      pageInfo.textContent = t(`${page + 1} / ${pages} ページ`, `Page ${page + 1} of ${pages}`);
      prev.disabled = page <= 0;
      next.disabled = page + 1 >= pages;
    } catch (e) {
      if (!alive) return;
      list.replaceChildren();
      status.textContent = t('提言を読み込めませんでした。', 'The proposals could not be loaded.');
    }
  }

  statusFilter.addEventListener('change', () => { page = 0; load(); });
  prev.addEventListener('click', () => { if (page > 0) { page -= 1; load(); } });
  next.addEventListener('click', () => { page += 1; load(); });
  await load();
  return () => { alive = false; };
}
