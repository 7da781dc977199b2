// 市民の声 (citizen voices) for the public portal: /p/{lgCode}/. A resident sends a voice (the form,
// POST engagement/voices through ctx.postJson, without cookies) and reads the published ones
// (GET engagement/voices/published). Both are public endpoints that never return personal data: the
// reply to a submission is its receipt number and answer deadline only, and the form is cleared.
// The DOM is built with createElement and textContent only: no HTML is ever parsed from data.
// Public intake (docs/adr/0014-public-intake.md): each form carries a token, sent as the
// Idempotency-Key header, so a double click or a retry files the voice once and shows the same
// receipt; a new token comes with the next empty form. The form also has a honeypot field
// ("website") that people never see or reach; a bot that fills it is answered as usual and its
// voice filed as spam for staff to review.

import {h as el} from '/ui/core/kit.js';
const PAGE_SIZE = 20;

function formatDate(iso, lang) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'en' ? `${iso}` : `${y}年${m}月${d}日`;
}

const CATEGORIES = [
  ['', '選択しない', 'Not chosen'], ['道路・交通', '道路・交通', 'Roads and traffic'],
  ['環境・ごみ', '環境・ごみ', 'Environment and waste'], ['福祉・健康', '福祉・健康', 'Welfare and health'],
  ['子育て・教育', '子育て・教育', 'Children and education'], ['防災・安全', '防災・安全', 'Disaster prevention and safety'],
  ['まちづくり', 'まちづくり', 'Town planning'], ['その他', 'その他', 'Other'],
];

let fieldSeq = 0;

/** A fresh form token: 128 random bits in hex (crypto.getRandomValues works on plain http too). */
function newFormToken() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The honeypot: out of sight, out of the tab order and of the accessibility tree, never autofilled. */
function honeypot(t) {
  const id = `voice-website-${fieldSeq += 1}`;
  const input = el('input', { id, name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off' });
  const wrap = el('div', { class: 'visually-hidden voice-hp', 'aria-hidden': 'true' },
    el('label', { for: id }, t('ウェブサイト（入力しないでください）', 'Website (leave this empty)')), input);
  return { wrap, input };
}

/** A labelled control with its hint and its error (shown below it, named by aria-describedby). */
function formField(t, { name, label, type = 'text', required, hint, options, autocomplete, max }) {
  fieldSeq += 1;
  const id = `voice-${name}-${fieldSeq}`;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  let input;
  if (type === 'textarea') {
    input = el('textarea', { id, name, rows: '6' });
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
  const labelEl = el('label', { for: id }, label, required ? el('span', { class: 'req' }, t('（必須）', ' (required)')) : null);
  const wrap = el('div', { class: `voice-field voice-field-${type}`, 'data-field': name });
  if (type === 'checkbox') {
    wrap.append(input, ' ', labelEl);
  } else {
    wrap.append(labelEl, input);
  }
  if (hint) wrap.append(el('p', { class: 'hint', id: hintId }, hint));
  const error = el('p', { class: 'field-error', id: errorId });
  error.hidden = true;
  wrap.append(error);
  return { wrap, input, error };
}

/**
 * The form a resident sends a voice with; on success only the receipt is shown, the form emptied.
 * {@code offered}: the municipality's active categories (GET engagement/voice-categories/public);
 * when it has none, the form offers the general list above as free text instead.
 */
function submissionForm(ctx, offered) {
  const t = ctx.t;
  const section = el('section', { class: 'voice-send', 'aria-labelledby': 'voice-send-heading' });
  section.append(el('h2', { id: 'voice-send-heading' }, t('ご意見を送る', 'Send your opinion')));
  section.append(el('p', { class: 'lead' }, t(
    'お名前・ご住所・電話番号・メールアドレスは任意です。回答を希望される場合は、連絡先のいずれかをご記入ください。いただいた個人情報は回答のためにだけ使い、公開しません。',
    'Your name, address, phone and e-mail are optional. If you want an answer, give at least one way to reach you. Your personal data is used only to answer you and is never published.')));
  const fields = {
    subject: formField(t, { name: 'subject', label: t('件名', 'Subject'), required: true, max: 200 }),
    body: formField(t, { name: 'body', label: t('ご意見', 'Your opinion'), type: 'textarea', required: true, max: 4000,
      hint: t('4000 文字まで', 'Up to 4000 characters') }),
    ...(offered.length
      ? { categoryId: formField(t, { name: 'categoryId', label: t('分類', 'Category'), type: 'select',
        options: [['', '選択しない', 'Not chosen'], ...offered.map((c) => [c.id, c.nameJa, c.nameEn || c.nameJa])] }) }
      : { category: formField(t, { name: 'category', label: t('分類', 'Category'), type: 'select', options: CATEGORIES }) }),
    name: formField(t, { name: 'name', label: t('お名前（任意）', 'Name (optional)'), autocomplete: 'name', max: 100 }),
    address: formField(t, { name: 'address', label: t('ご住所（任意）', 'Address (optional)'), autocomplete: 'street-address', max: 300 }),
    phone: formField(t, { name: 'phone', label: t('電話番号（任意）', 'Phone (optional)'), type: 'tel', autocomplete: 'tel', max: 40,
      hint: t('例: 029-123-4567', 'e.g. 029-123-4567') }),
    email: formField(t, { name: 'email', label: t('メールアドレス（任意）', 'E-mail (optional)'), type: 'email', autocomplete: 'email', max: 254,
      hint: t('例: taro@example.jp', 'e.g. taro@example.jp') }),
    wantsReply: formField(t, { name: 'wantsReply', label: t('回答を希望する', 'I would like an answer'), type: 'checkbox' }),
  };
  const summary = el('div', { class: 'error', role: 'alert', tabindex: '-1' });
  summary.hidden = true;
  const result = el('div', { class: 'voice-receipt', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
  const send = el('button', { type: 'submit', class: 'send' }, t('送信する', 'Send'));
  const form = el('form', { class: 'voice-form', novalidate: '' });
  const trap = honeypot(t);
  const token = el('input', { type: 'hidden', name: 'formToken', value: newFormToken() });
  form.append(summary, token, ...Object.values(fields).map((f) => f.wrap), trap.wrap, el('div', { class: 'actions' }, send));
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
        f.error.textContent = f.error.textContent ? `${f.error.textContent} ${e.message}` : e.message;
        f.error.hidden = false;
        f.input.setAttribute('aria-invalid', 'true');
        const a = el('a', { href: `#${f.input.id}` }, `${f.wrap.querySelector('label').firstChild.textContent}: ${e.message}`);
        a.addEventListener('click', (ev) => { ev.preventDefault(); f.input.focus(); });
        items.append(el('li', null, a));
      } else {
        items.append(el('li', null, `${e.field}: ${e.message}`));
      }
    }
    summary.replaceChildren(el('p', null, message), items);
    summary.hidden = false;
    summary.focus();
  }

  // Hints before sending (the API decides: its field errors replace these).
  function check() {
    const errors = [];
    const need = t('入力してください。', 'Please fill this in.');
    if (!fields.subject.input.value.trim()) errors.push({ field: 'subject', message: need });
    if (!fields.body.input.value.trim()) errors.push({ field: 'body', message: need });
    const email = fields.email.input.value.trim();
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      errors.push({ field: 'email', message: t('メールアドレスの形式で入力してください。', 'Enter an e-mail address.') });
    }
    if (fields.wantsReply.input.checked && !email && !fields.phone.input.value.trim() && !fields.address.input.value.trim()) {
      errors.push({ field: 'wantsReply', message: t('回答を希望する場合は、連絡先（ご住所・電話番号・メールアドレスのいずれか）を入力してください。',
        'To get an answer, give your address, phone or e-mail.') });
    }
    return errors;
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear();
    result.replaceChildren();
    const hints = check();
    if (hints.length) {
      show(hints, t('入力内容を確認してください。', 'Please check what you entered.'));
      return;
    }
    const value = (k) => fields[k].input.value.trim();
    const body = { subject: value('subject'), body: value('body'), wantsReply: fields.wantsReply.input.checked };
    for (const k of ['category', 'categoryId', 'name', 'address', 'phone', 'email']) {
      if (fields[k] && value(k)) body[k] = value(k);
    }
    if (trap.input.value) body.website = trap.input.value;
    send.disabled = true;
    try {
      const receipt = await ctx.postJson('engagement/voices', body, { 'Idempotency-Key': token.value });
      form.reset();
      token.value = newFormToken();
      result.replaceChildren(
        el('h3', null, t('ご意見を受け付けました', 'We received your opinion')),
        el('dl', { class: 'machi-voice-meta' },
          el('dt', null, t('受付番号', 'Receipt number')), el('dd', { class: 'receipt-number' }, receipt.receiptNumber),
          el('dt', null, t('受付日', 'Received')), el('dd', null, formatDate(receipt.receivedOn, ctx.lang)),
          el('dt', null, t('回答期限', 'Answer due by')), el('dd', { class: 'answer-due' }, formatDate(receipt.answerDue, ctx.lang))),
        el('p', null, t('お問い合わせの際は受付番号をお伝えください。', 'Please give the receipt number when you contact us about it.')));
      result.focus();
    } catch (e) {
      // 422: this token went with other content before (sent, then edited): the edited form is new.
      if (e.status === 422) token.value = newFormToken();
      const problem = e.problem || {};
      show(problem.errors || [], problem.detail || problem.title
        || t('送信できませんでした。時間をおいてもう一度お試しください。', 'Your opinion could not be sent. Please try again later.'));
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

  const heading = el('h1', null, t('市民の声', 'Citizen voices'));
  const intro = el('p', null, t(
    '市民の皆さまから寄せられたご意見と市の回答のうち、公開しているものです。個人を特定できる情報は掲載していません。',
    'Opinions residents sent and the municipality\'s answers, as published. Nothing that identifies a person is shown.'));
  const status = el('p', { role: 'status', 'aria-live': 'polite' });
  const list = el('div', { class: 'machi-voices' });
  const prev = el('button', { type: 'button' }, t('前へ', 'Previous'));
  const next = el('button', { type: 'button' }, t('次へ', 'Next'));
  const pageInfo = el('span', { 'aria-live': 'polite' });
  const nav = el('nav', { 'aria-label': t('ページ送り', 'Pages') }, prev, ' ', pageInfo, ' ', next);
  root.append(heading, intro, status, list, nav);
  if (typeof ctx.postJson === 'function') {
    let offered = [];
    try {
      offered = await ctx.getJson('engagement/voice-categories/public');
    } catch (e) {
      offered = [];
    }
    root.append(submissionForm(ctx, Array.isArray(offered) ? offered : []));
  }

  function voice(v) {
    const article = el('article', { class: 'machi-voice' });
    const titleId = `voice-${v.id}`;
    article.setAttribute('aria-labelledby', titleId);
    article.append(el('h2', { id: titleId }, v.subject || ''));
    const meta = el('dl', { class: 'machi-voice-meta' });
    const add = (label, value) => {
      if (value) meta.append(el('dt', null, label), el('dd', null, value));
    };
    add(t('受付日', 'Received'), formatDate(v.receivedOn, ctx.lang));
    add(t('分類', 'Category'), v.category);
    add(t('担当課', 'Answered by'), v.unitName);
    add(t('回答日', 'Answered'), formatDate(v.answeredOn, ctx.lang));
    article.append(meta);
    if (v.summary) {
      article.append(el('h3', null, t('ご意見の要旨', 'Summary of the opinion')), el('p', null, v.summary));
    }
    if (v.answer) {
      article.append(el('h3', null, t('市の回答', 'Our answer')), el('p', null, v.answer));
    }
    return article;
  }

  async function load() {
    status.textContent = t('読み込んでいます…', 'Loading…');
    prev.disabled = true;
    next.disabled = true;
    try {
      const data = await ctx.getJson(`engagement/voices/published?page=${page}&size=${PAGE_SIZE}`);
      if (!alive) return;
      list.replaceChildren(...data.items.map(voice));
      status.textContent = data.totalItems === 0
        ? t('公開している市民の声はまだありません。', 'No citizen voices have been published yet.')
        : (data.totalItemsExact === false ? t(`${data.totalItems} 件超`, `more than ${data.totalItems} published`)
          : t(`${data.totalItems} 件`, `${data.totalItems} published`));
      const pages = Math.max(1, data.totalPages);
      pageInfo.textContent = t(`${page + 1} / ${pages} ページ`, `Page ${page + 1} of ${pages}`);
      prev.disabled = page <= 0;
      next.disabled = page + 1 >= pages;
    } catch (e) {
      if (!alive) return;
      list.replaceChildren();
      status.textContent = e.status === 404
        ? t('この自治体では市民の声を公開していません。', 'This municipality does not publish citizen voices.')
        : t('市民の声を読み込めませんでした。', 'The citizen voices could not be loaded.');
    }
  }

  prev.addEventListener('click', () => { if (page > 0) { page -= 1; load(); } });
  next.addEventListener('click', () => { page += 1; load(); });
  await load();
  return () => { alive = false; };
}
