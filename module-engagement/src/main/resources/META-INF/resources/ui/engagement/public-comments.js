// パブリックコメント on the public portal: /p/{lgCode}/engagement-public-comments (open now, with the
// days remaining), …/results (published results), …/<id> (one procedure: its documents, the form
// during the period, its results once published). Public endpoints only (engagement/public-comments/
// public…), which never return a submitter's name, address or opinion as sent. The form posts through
// core's public intake: a token per form as Idempotency-Key (a double click files one submission),
// a honeypot field people never see. DOM built with createElement/textContent only.

import {h as el} from '/ui/core/kit.js';

const PAGE = 'engagement-public-comments';

function formatDate(iso, lang) {
  if (!iso) return '';
  const [y, m, d] = String(iso).substring(0, 10).split('-').map(Number);
  return lang === 'en' ? String(iso).substring(0, 10) : `${y}年${m}月${d}日`;
}

function newFormToken() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function period(ctx, p) {
  return ctx.t(`${formatDate(p.periodStart, 'ja')}〜${formatDate(p.periodEnd, 'ja')}（${p.periodDays}日間）`,
    `${formatDate(p.periodStart, 'en')} to ${formatDate(p.periodEnd, 'en')} (${p.periodDays} days)`);
}

function remaining(ctx, p) {
  return p.daysRemaining == null ? p.phaseLabel
    : ctx.t(`あと${p.daysRemaining}日（${formatDate(p.periodEnd, 'ja')}まで）`, `${p.daysRemaining} days left (until ${formatDate(p.periodEnd, 'en')})`);
}

function link(ctx, path, text) {
  return el('a', { href: `${ctx.base}${PAGE}${path}`, 'data-route': '' }, text);
}

/** One procedure in a list: title (link), kind, unit, period and days remaining or the counts. */
function card(ctx, p) {
  const t = ctx.t;
  const id = `comment-${p.id}`;
  const meta = el('dl', { class: 'machi-voice-meta' });
  const add = (label, value) => { if (value) meta.append(el('dt', null, label), el('dd', null, value)); };
  add(t('種類', 'Kind'), p.kindLabel);
  add(t('担当課', 'Responsible unit'), p.unitName);
  add(t('募集期間', 'Period'), period(ctx, p));
  if (p.phase === 'OPEN') add(t('残り', 'Remaining'), remaining(ctx, p));
  if (p.submitters != null) {
    add(t('提出者数・意見数', 'Submitters and opinions'), p.submitters === 0
      ? t('意見の提出はありませんでした', 'No opinions were submitted')
      : t(`${p.submitters}人・${p.opinions}件`, `${p.submitters} people, ${p.opinions} opinions`));
  }
  return el('article', { class: 'comment-card', 'aria-labelledby': id },
    el('h2', { id }, link(ctx, `/${p.id}`, p.title)), meta);
}

async function listPage(root, ctx, results) {
  const t = ctx.t;
  root.append(el('h1', null, results ? t('パブリックコメントの結果', 'Public comment results') : t('意見募集中のパブリックコメント', 'Open public comments')),
    el('p', { class: 'lead' }, results
      ? t('寄せられたご意見と、それに対する市の考え方です。提出された方のお名前やご住所は掲載していません。',
        'The opinions received and the city\'s consideration of them. No submitter\'s name or address is shown.')
      : t('市の計画や条例などの案について、決める前に皆さまのご意見を募集しています。',
        'Drafts of the city\'s plans, ordinances and rules, open for your opinions before they are decided.')),
    el('p', null, results ? link(ctx, '', t('意見募集中の案件を見る', 'See what is open now'))
      : link(ctx, '/results', t('これまでの結果を見る', 'See past results'))));
  const status = el('p', { role: 'status', 'aria-live': 'polite' }, t('読み込んでいます…', 'Loading…'));
  const list = el('div', { class: 'comment-list' });
  root.append(status, list);
  try {
    const data = await ctx.getJson(`engagement/public-comments/public?phase=${results ? 'RESULTS' : 'OPEN'}&size=50`);
    list.replaceChildren(...data.items.map((p) => card(ctx, p)));
    status.textContent = data.totalItems === 0
      ? (results ? t('公表した結果はまだありません。', 'No results have been published yet.')
        : t('現在、意見を募集している案件はありません。', 'Nothing is open for comments now.'))
      : (data.totalItemsExact === false ? t(`${data.totalItems} 件超`, `more than ${data.totalItems} item(s)`)
          : t(`${data.totalItems} 件`, `${data.totalItems} item(s)`));
  } catch (e) {
    status.textContent = t('読み込めませんでした。', 'The list could not be loaded.');
  }
}

function submissionForm(ctx, p) {
  const t = ctx.t;
  const section = el('section', { class: 'comment-send', 'aria-labelledby': 'comment-send-heading' });
  section.append(el('h2', { id: 'comment-send-heading' }, t('意見を提出する', 'Submit your opinion')),
    el('p', { class: 'lead' }, t('お名前・ご住所は意見の確認のためにだけ使い、公表しません。',
      'Your name and address are used only to check the submission and are never published.')));
  const fields = {};
  const make = (name, label, required, type, max, autocomplete) => {
    const id = `comment-${name}`;
    const errorId = `${id}-error`;
    const input = type === 'textarea' ? el('textarea', { id, name, rows: '8', maxlength: String(max) })
      : el('input', { id, name, type: 'text', maxlength: String(max), autocomplete });
    input.setAttribute('aria-describedby', errorId);
    if (required) { input.required = true; input.setAttribute('aria-required', 'true'); }
    const error = el('p', { class: 'field-error', id: errorId });
    error.hidden = true;
    const wrap = el('div', { class: 'voice-field', 'data-field': name },
      el('label', { for: id }, label, required ? el('span', { class: 'req' }, t('（必須）', ' (required)')) : t('（任意）', ' (optional)')),
      input, error);
    fields[name] = { input, error, wrap };
    return wrap;
  };
  const token = el('input', { type: 'hidden', name: 'formToken', value: newFormToken() });
  const trapInput = el('input', { id: 'comment-website', name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off' });
  const trap = el('div', { class: 'visually-hidden voice-hp', 'aria-hidden': 'true' },
    el('label', { for: 'comment-website' }, t('ウェブサイト（入力しないでください）', 'Website (leave this empty)')), trapInput);
  const summary = el('div', { class: 'error', role: 'alert', tabindex: '-1' });
  summary.hidden = true;
  const result = el('div', { class: 'voice-receipt', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
  const send = el('button', { type: 'submit', class: 'send' }, t('提出する', 'Submit'));
  const form = el('form', { class: 'voice-form comment-form', novalidate: '' }, summary, token,
    make('name', t('お名前', 'Name'), p.nameRequired, 'text', 100, 'name'),
    make('address', t('ご住所', 'Address'), p.addressRequired, 'text', 300, 'street-address'),
    make('opinion', t('ご意見', 'Your opinion'), true, 'textarea', 4000),
    trap, el('div', { class: 'actions' }, send));
  section.append(form, result);

  function show(errors, message) {
    const items = el('ul');
    for (const e of errors) {
      const f = fields[e.field];
      if (f) {
        f.error.textContent = e.message;
        f.error.hidden = false;
        f.input.setAttribute('aria-invalid', 'true');
      }
      items.append(el('li', null, f ? `${f.wrap.querySelector('label').firstChild.textContent}: ${e.message}` : e.message));
    }
    summary.replaceChildren(el('p', null, message), items);
    summary.hidden = false;
    summary.focus();
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    summary.hidden = true;
    result.replaceChildren();
    for (const f of Object.values(fields)) { f.error.hidden = true; f.input.removeAttribute('aria-invalid'); }
    const value = (k) => fields[k].input.value.trim();
    const need = t('入力してください。', 'Please fill this in.');
    const hints = [];
    if (!value('opinion')) hints.push({ field: 'opinion', message: need });
    if (p.nameRequired && !value('name')) hints.push({ field: 'name', message: need });
    if (p.addressRequired && !value('address')) hints.push({ field: 'address', message: need });
    if (hints.length) {
      show(hints, t('入力内容を確認してください。', 'Please check what you entered.'));
      return;
    }
    const body = { opinion: value('opinion') };
    if (value('name')) body.name = value('name');
    if (value('address')) body.address = value('address');
    if (trapInput.value) body.website = trapInput.value;
    send.disabled = true;
    try {
      const receipt = await ctx.postJson(`engagement/public-comments/${p.id}/submissions`, body, { 'Idempotency-Key': token.value });
      form.reset();
      token.value = newFormToken();
      result.replaceChildren(el('h3', null, t('ご意見を受け付けました', 'We received your opinion')),
        el('dl', { class: 'machi-voice-meta' },
          el('dt', null, t('受付番号', 'Receipt number')), el('dd', { class: 'receipt-number' }, receipt.receiptNumber),
          el('dt', null, t('受付日', 'Received')), el('dd', null, formatDate(receipt.receivedOn, ctx.lang))),
        el('p', null, t('いただいたご意見は、募集期間の終了後に市の考え方とあわせて公表します（お名前・ご住所は公表しません）。',
          'The opinions received are published with the city\'s consideration after the period (never your name or address).')));
      result.focus();
    } catch (e) {
      if (e.status === 422) token.value = newFormToken();
      const problem = e.problem || {};
      show(problem.errors || [], problem.detail || problem.title
        || t('提出できませんでした。時間をおいてもう一度お試しください。', 'Your opinion could not be submitted. Please try again later.'));
    } finally {
      send.disabled = false;
    }
  });
  return section;
}

async function detailPage(root, ctx, id) {
  const t = ctx.t;
  let p;
  try {
    p = await ctx.getJson(`engagement/public-comments/public/${encodeURIComponent(id)}`);
  } catch (e) {
    root.append(el('h1', null, t('パブリックコメント', 'Public comment')),
      el('p', null, e.status === 404 ? t('この案件は公開されていません。', 'This item is not published.') : t('読み込めませんでした。', 'It could not be loaded.')),
      el('p', null, link(ctx, '', t('一覧へ戻る', 'Back to the list'))));
    return;
  }
  const docUrl = (d) => `/api/v1/municipalities/${ctx.lgCode}/engagement/public-comments/public/${p.id}/documents/${d.id}`;
  const meta = el('dl', { class: 'machi-voice-meta' });
  const add = (label, value) => { if (value) meta.append(el('dt', null, label), el('dd', null, value)); };
  add(t('種類', 'Kind'), p.kindLabel);
  add(t('担当課', 'Responsible unit'), p.unitName);
  add(t('募集期間', 'Period'), period(ctx, p));
  add(t('状況', 'Status'), p.phase === 'OPEN' ? `${p.phaseLabel}（${remaining(ctx, p)}）` : p.phaseLabel);
  root.append(el('p', null, link(ctx, p.phase === 'RESULTS_PUBLISHED' ? '/results' : '', t('← 一覧へ戻る', '← Back to the list'))),
    el('h1', null, p.title), meta);
  if (p.shortPeriodReason) {
    root.append(el('h2', null, t('募集期間を短くした理由', 'Why the period is shorter')), el('p', { class: 'comment-short-reason' }, p.shortPeriodReason));
  }
  if (p.summary) root.append(el('h2', null, t('案の概要', 'Summary of the draft')), el('p', null, p.summary));
  const documents = (p.documents || []).filter((d) => !d.finalText);
  if (documents.length) {
    root.append(el('h2', null, t('資料', 'Documents')), el('ul', { class: 'comment-documents' },
      ...documents.map((d) => el('li', null, el('a', { href: docUrl(d) }, `${d.fileName}（PDF、${Math.max(1, Math.ceil(d.size / 1024))} KB）`)))));
  }
  if (p.phase === 'OPEN') root.append(submissionForm(ctx, p));
  if (p.phase === 'RESULTS_PUBLISHED') {
    const results = el('section', { class: 'comment-results', 'aria-labelledby': 'comment-results-heading' },
      el('h2', { id: 'comment-results-heading' }, t('結果', 'Results')),
      el('p', { class: 'comment-counts' }, p.noSubmissions ? t('意見の提出はありませんでした。', 'No opinions were submitted.')
        : t(`提出者数 ${p.submitters}人、意見数 ${p.opinions}件`, `${p.submitters} people submitted ${p.opinions} opinions.`)));
    if (p.resultSummary) results.append(el('p', null, p.resultSummary));
    if (p.responses && p.responses.length) {
      const table = el('table', { class: 'comment-responses' },
        el('caption', null, t('ご意見の概要と市の考え方', 'The opinions and the city\'s consideration')),
        el('thead', null, el('tr', null, ...[t('番号', 'No.'), t('ご意見の概要', 'Opinion'), t('市の考え方', 'The city\'s consideration'),
          t('案の修正', 'Draft changed')].map((x) => el('th', { scope: 'col' }, x)))),
        el('tbody', null, ...p.responses.map((r, i) => el('tr', null, el('td', null, String(i + 1)),
          el('td', null, r.opinionCount > 1 ? `${r.opinion}（${t(`${r.opinionCount}件`, `${r.opinionCount} opinions`)}）` : r.opinion),
          el('td', null, r.consideration), el('td', null, r.draftChanged ? t('あり', 'Yes') : t('なし', 'No'))))));
      results.append(el('div', { class: 'table-wrap' }, table));
    }
    const finalText = (p.documents || []).find((d) => d.finalText);
    if (finalText) results.append(el('p', null, el('a', { href: docUrl(finalText), class: 'comment-final-text' }, t(`最終的な本文（${finalText.fileName}）`, `Final text (${finalText.fileName})`))));
    root.append(results);
  }
}

export default async function render(root, ctx) {
  const rest = location.pathname.substring(`${ctx.base}${PAGE}`.length).replace(/^\/+|\/+$/g, '');
  if (rest === 'results') await listPage(root, ctx, true);
  else if (rest) await detailPage(root, ctx, rest);
  else await listPage(root, ctx, false);
  return undefined;
}
