// 市民活動への補助金 (proposal-based grants) for the public portal: /p/{lgCode}/. The calls whose submission
// period has not ended (GET collaboration/grants/public/calls: purpose, eligibility, maximum, rate, years from
// start-up, schedule, review criteria) and the funded projects (GET collaboration/grants/public/funded:
// organisation, project, year of funding, amount granted). Organisations only: no personal data.
// A registered organisation applies here: on an open call it asks for a one-time link (registration number or
// registered name, and its registered contact address; the answer is the same whether they matched), and the
// link in the mail (?apply=…) opens the application form (plan, start-up year, budget lines, amount) and then
// the documents' upload; the token goes in the body or the X-Grant-Link header, never in an API address.
// Public intake: Idempotency-Key per form, honeypot. DOM built with createElement/textContent only.

import {h as el} from '/ui/core/kit.js';

const PAGE_SIZE = 20;

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

let seq = 0;
function labelled(label, control, hint) {
  const id = `grant-f-${++seq}`;
  control.id = id;
  const error = el('p', { class: 'field-error', id: `${id}-error` });
  error.hidden = true;
  control.setAttribute('aria-describedby', error.id);
  const box = el('div', { class: 'voice-field' }, el('label', { for: id }, label), control, hint ? el('p', { class: 'hint' }, hint) : null, error);
  return { box, control, error };
}

function showErrors(fields, e) {
  Object.values(fields).forEach((f) => { f.error.hidden = true; f.error.textContent = ''; f.control.removeAttribute('aria-invalid'); });
  ((e.problem && e.problem.errors) || []).forEach((x) => {
    const f = fields[x.field] || fields[String(x.field).replace(/\[.*$/, '')];
    if (f) { f.error.textContent = x.message; f.error.hidden = false; f.control.setAttribute('aria-invalid', 'true'); }
  });
}

function honeypot(t) {
  const input = el('input', { id: `grant-hp-${++seq}`, name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off' });
  return { input, box: el('div', { class: 'visually-hidden voice-hp', 'aria-hidden': 'true' }, el('label', { for: input.id }, t('ウェブサイト（入力しないでください）', 'Website (leave this empty)')), input) };
}

/** On an open call: ask for the one-time application link. */
function linkForm(ctx, c) {
  const t = ctx.t;
  const details = el('details', { class: 'machi-grant-apply' });
  const org = labelled(t('団体登録番号または登録した団体名（必須）', 'Registration number or registered name (required)'), el('input', { type: 'text', maxlength: '200', name: 'organisation' }));
  const mail = labelled(t('団体登録で届け出た連絡先メールアドレス（必須）', 'Contact e-mail registered with the organisation (required)'), el('input', { type: 'email', maxlength: '254', name: 'email', autocomplete: 'email' }));
  const hp = honeypot(t);
  const send = el('button', { type: 'submit', class: 'send' }, t('申請用リンクを受け取る', 'Send me the application link'));
  const box = el('div', { role: 'status', 'aria-live': 'polite', class: 'grant-link-result' });
  const form = el('form', { class: 'voice-form grant-link-form', novalidate: '' }, org.box, mail.box, hp.box, el('div', { class: 'actions' }, send), box);
  details.append(el('summary', null, t('この募集に申請する（登録団体）', 'Apply to this call (registered organisations)')),
    el('p', null, t('登録団体の連絡先メールアドレスに、申請書を入力するためのリンク（72時間有効・1回限り）をお送りします。団体登録がまだの場合は、先に協働の団体登録を申請してください。',
      'We mail a link to the application form (valid 72 hours, for one application) to the contact address the organisation registered. Organisations not yet registered apply for registration first.')), form);
  let key = newFormToken();
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    send.disabled = true;
    try {
      const r = await ctx.postJson(`collaboration/grants/public/calls/${encodeURIComponent(c.id)}/links`,
        { organisation: org.control.value.trim() || null, email: mail.control.value.trim() || null, website: hp.input.value || null }, { 'Idempotency-Key': key });
      key = newFormToken();
      form.reset();
      showErrors({ organisation: org, email: mail }, {});
      box.replaceChildren(el('p', { class: 'grant-link-sent' }, t(`受け付けました（受付番号 ${r.receiptNumber}）。登録団体と連絡先が一致すれば、そのアドレスに申請用リンクが届きます。届かない場合は担当課にお問い合わせください。`,
        `Received (receipt number ${r.receiptNumber}). If the organisation and address match a registration, the link goes to that address. If nothing arrives, please contact the office.`)));
    } catch (e) {
      showErrors({ organisation: org, email: mail }, e);
      box.replaceChildren(el('p', { class: 'error', role: 'alert' }, e.message));
    } finally {
      send.disabled = false;
    }
  });
  return details;
}

/** ?apply=<token>: the application form of the link's call, then the documents. */
async function applyPage(root, ctx, token) {
  const t = ctx.t;
  const yen = (n) => t(`${Number(n).toLocaleString('ja-JP')}円`, `${Number(n).toLocaleString('en')} yen`);
  root.append(el('h1', null, t('補助金の申請', 'Grant application')));
  const box = el('div', { role: 'status', 'aria-live': 'polite', class: 'grant-apply-result', tabindex: '-1' });
  let form;
  try {
    form = await ctx.postJson('collaboration/grants/public/application-form', { token });
  } catch (e) {
    root.append(el('p', { class: 'error', role: 'alert', id: 'grant-link-problem' }, e.message));
    return () => {};
  }
  const c = form.call;
  root.append(el('p', { class: 'lead', id: 'grant-apply-who' }, t(`${form.applicantName} として「${c.fiscalYearLabel} ${c.title}」に申請します。`,
    `Applying to "${c.title}" (${c.fiscalYearLabel}) as ${form.applicantName}.`)),
  el('p', null, t(`補助対象経費の ${c.subsidyRate}% 以内、上限 ${yen(c.maxPerGrant)}。事業の立ち上げから最長 ${c.maxYears} 年。`,
    `Up to ${c.subsidyRate}% of the eligible cost, at most ${yen(c.maxPerGrant)}; at most ${c.maxYears} years from the start-up.`)));
  const fields = {
    projectTitle: labelled(t('事業名（必須）', 'Project (required)'), el('input', { type: 'text', maxlength: '200' })),
    plan: labelled(t('事業計画（目的・内容・効果）（必須）', 'Plan: purpose, activities, effect (required)'), el('textarea', { maxlength: '4000', rows: '6' })),
    startYear: labelled(t('事業を立ち上げた年度（必須、例: 令和6年度）', 'Fiscal year the project started (required, e.g. 2024)'), el('input', { type: 'text', maxlength: '20' })),
    requestedAmount: labelled(t('申請額（円）（必須）', 'Amount requested (yen, required)'), el('input', { type: 'number', min: '0', step: '1', inputmode: 'numeric' })),
  };
  const lines = el('tbody');
  fields.budgetLines = { control: lines, error: el('p', { class: 'field-error' }) };
  fields.budgetLines.error.hidden = true;
  const addLine = (item = '', amount = '', eligible = true) => {
    const n = lines.children.length + 1;
    const tr = el('tr', { class: 'grant-line' },
      el('td', null, el('input', { type: 'text', maxlength: '200', class: 'line-item', 'aria-label': t(`費目 ${n}`, `Item ${n}`), value: item })),
      el('td', null, el('input', { type: 'number', min: '0', step: '1', class: 'line-amount', inputmode: 'numeric', 'aria-label': t(`金額 ${n}`, `Amount ${n}`), value: String(amount) })),
      el('td', null, el('input', { type: 'checkbox', class: 'line-eligible', 'aria-label': t(`補助対象 ${n}`, `Eligible ${n}`) })));
    tr.querySelector('.line-eligible').checked = eligible;
    lines.append(tr);
  };
  addLine();
  addLine();
  const more = el('button', { type: 'button', class: 'grant-add-line' }, t('行を追加', 'Add a line'));
  more.addEventListener('click', () => addLine());
  const hp = honeypot(t);
  const send = el('button', { type: 'submit', class: 'send', id: 'grant-apply-send' }, t('申請する', 'Apply'));
  const f = el('form', { class: 'voice-form', id: 'grant-apply-form', novalidate: '' },
    ...['projectTitle', 'plan', 'startYear', 'requestedAmount'].map((k) => fields[k].box),
    el('fieldset', null, el('legend', null, t('収支予算（支出）: 補助対象経費に印', 'Budget (costs): tick the eligible ones')),
      el('div', { class: 'table-wrap' }, el('table', { class: 'grant-lines' }, el('thead', null, el('tr', null,
        el('th', { scope: 'col' }, t('費目', 'Item')), el('th', { scope: 'col' }, t('金額（円）', 'Amount (yen)')), el('th', { scope: 'col' }, t('補助対象', 'Eligible')))), lines)),
      more, fields.budgetLines.error),
    hp.box, el('div', { class: 'actions' }, send));
  root.append(f, box);
  let key = newFormToken();
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const num = (v) => (String(v).trim() === '' ? null : Number(v));
    const budgetLines = [...lines.children].map((r) => ({ item: r.querySelector('.line-item').value.trim() || null,
      amount: num(r.querySelector('.line-amount').value), eligible: r.querySelector('.line-eligible').checked }))
      .filter((l) => l.item || l.amount != null);
    const body = { token, projectTitle: fields.projectTitle.control.value.trim() || null, plan: fields.plan.control.value.trim() || null,
      startYear: fields.startYear.control.value.trim() || null, requestedAmount: num(fields.requestedAmount.control.value), budgetLines,
      website: hp.input.value || null };
    send.disabled = true;
    try {
      const r = await ctx.postJson('collaboration/grants/public/applications', body, { 'Idempotency-Key': key });
      f.remove();
      box.replaceChildren(el('p', { id: 'grant-apply-receipt' }, t(`申請を受け付けました（受付番号 ${r.receiptNumber}）。受付のメールを登録の連絡先にお送りしました。`,
        `Your application was received (receipt number ${r.receiptNumber}). A receipt was mailed to the registered contact address.`)));
      box.append(uploads(ctx, token, c));
      box.focus();
    } catch (e) {
      showErrors(fields, e);
      box.replaceChildren(el('p', { class: 'error', role: 'alert' }, e.message));
      if (e.status !== 400) key = newFormToken();
    } finally {
      send.disabled = false;
    }
  });
  return () => {};
}

/** After the application: attach its documents with the same link (until it expires). */
function uploads(ctx, token, c) {
  const t = ctx.t;
  const kinds = [...(c.requiredDocuments || []), 'その他'];
  const section = el('section', { class: 'grant-uploads', 'aria-labelledby': 'grant-uploads-h' },
    el('h2', { id: 'grant-uploads-h' }, t('提出書類の添付', 'Attach the documents')),
    el('p', null, c.requiredDocuments && c.requiredDocuments.length ? t(`必要な書類: ${c.requiredDocuments.join('、')}。PDF・画像・Word・Excel などを受け付けます（公開されません）。`,
      `Required: ${c.requiredDocuments.join(', ')}. PDF, images, Word, Excel and the like are accepted (never published).`) : t('PDF・画像・Word・Excel などを受け付けます（公開されません）。', 'PDF, images, Word, Excel and the like are accepted (never published).')));
  const kind = labelled(t('書類の種類', 'Document'), el('select', null, ...kinds.map((k) => el('option', { value: k }, k))));
  const file = labelled(t('ファイル', 'File'), el('input', { type: 'file' }));
  const send = el('button', { type: 'submit', class: 'send', id: 'grant-upload-send' }, t('添付する', 'Attach'));
  const done = el('ul', { class: 'grant-uploaded' });
  const status = el('p', { role: 'status', 'aria-live': 'polite' });
  const form = el('form', { class: 'voice-form', id: 'grant-upload-form', novalidate: '' }, kind.box, file.box, el('div', { class: 'actions' }, send));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const chosen = file.control.files && file.control.files[0];
    if (!chosen) { status.textContent = t('ファイルを選んでください。', 'Choose a file.'); return; }
    send.disabled = true;
    try {
      const res = await fetch(`/api/v1/municipalities/${ctx.lgCode}/collaboration/grants/public/applications/attachments?fileName=${encodeURIComponent(chosen.name)}&document=${encodeURIComponent(kind.control.value)}`, {
        method: 'POST', credentials: 'omit', headers: { 'X-Grant-Link': token, Accept: 'application/json', 'Accept-Language': ctx.lang }, body: chosen });
      const reply = await res.json().catch(() => null);
      if (!res.ok) throw new Error((reply && (reply.detail || reply.title)) || `HTTP ${res.status}`);
      done.append(el('li', null, `${reply.document}: ${reply.fileName}`));
      status.textContent = t(`「${reply.fileName}」を添付しました。`, `"${reply.fileName}" attached.`);
      form.reset();
    } catch (e) {
      status.textContent = e.message;
    } finally {
      send.disabled = false;
    }
  });
  section.append(form, status, done);
  return section;
}

export default async function render(root, ctx) {
  const t = ctx.t;
  const apply = new URLSearchParams(location.search).get('apply');
  if (apply) return applyPage(root, ctx, apply);
  const yen = (n) => t(`${Number(n).toLocaleString('ja-JP')}円`, `${Number(n).toLocaleString('en')} yen`);
  let alive = true;
  let page = 0;
  const callStatus = el('p', { role: 'status', 'aria-live': 'polite' });
  const calls = el('div', { class: 'machi-grant-calls' });
  const fundedStatus = el('p', { role: 'status', 'aria-live': 'polite' });
  const funded = el('div', { class: 'table-wrap' });
  const prev = el('button', { type: 'button' }, t('前へ', 'Previous'));
  const next = el('button', { type: 'button' }, t('次へ', 'Next'));
  root.append(el('h1', null, t('市民活動への補助金 (協働提案型公募補助)', 'Grants for civic activities (proposal-based grants)')),
    el('p', null, t('市民活動団体などが行う公益的な事業の企画提案を募集し、審査のうえ事業費の一部を補助します。申請には協働の団体登録が必要です。',
      'The municipality invites proposals for public-interest projects by civic organisations and funds part of their cost after review. Organisations apply once registered as partners.')),
    el('h2', null, t('募集中・募集予定', 'Open and upcoming calls')), callStatus, calls,
    el('h2', null, t('補助した事業', 'Funded projects')), fundedStatus, funded,
    el('nav', { 'aria-label': t('ページ送り', 'Pages') }, prev, ' ', next));

  function call(c) {
    const article = el('article', { class: 'machi-grant-call' });
    article.append(el('h3', null, `${c.fiscalYearLabel} ${c.title}`));
    const meta = el('dl', { class: 'machi-voice-meta' });
    const add = (label, value) => { if (value) meta.append(el('dt', null, label), el('dd', null, String(value))); };
    const s = c.schedule;
    add(t('目的', 'Purpose'), c.purpose);
    add(t('対象', 'Eligibility'), c.eligibility);
    add(t('補助額', 'Grant'), t(`補助対象経費の ${c.subsidyRate}% 以内、上限 ${yen(c.maxPerGrant)}`, `Up to ${c.subsidyRate}% of the eligible cost, at most ${yen(c.maxPerGrant)}`));
    add(t('補助の期間', 'Funding period'), t(`事業の立ち上げから最長 ${c.maxYears} 年`, `At most ${c.maxYears} years from the project's start-up`));
    add(t('説明会', 'Briefing'), formatDate(s.briefingOn, ctx.lang));
    add(t('企画書作成会', 'Proposal workshop'), formatDate(s.workshopOn, ctx.lang));
    add(t('受付期間', 'Submission'), `${formatDate(s.submissionOpensOn, ctx.lang)} – ${formatDate(s.submissionClosesOn, ctx.lang)}`);
    add(t('公開審査', 'Hearing'), formatDate(s.hearingOn, ctx.lang));
    add(t('決定', 'Decision'), formatDate(s.decisionOn, ctx.lang));
    add(t('審査基準 (重み)', 'Criteria (weight)'), c.criteria.map((k) => `${k.name} (${k.weight})`).join('、'));
    article.append(meta);
    if (c.open) article.append(linkForm(ctx, c));
    return article;
  }

  async function loadFunded() {
    try {
      const data = await ctx.getJson(`collaboration/grants/public/funded?page=${page}&size=${PAGE_SIZE}`);
      if (!alive) return;
      fundedStatus.textContent = data.totalItems === 0 ? t('補助した事業はまだありません。', 'No funded projects yet.') : (data.totalItemsExact === false ? t(`${data.totalItems} 件超`, `more than ${data.totalItems} projects`)
        : t(`${data.totalItems} 件`, `${data.totalItems} projects`));
      funded.replaceChildren(el('table', { class: 'machi-grants-funded' },
        el('thead', null, el('tr', null, ...[t('年度', 'Fiscal year'), t('団体', 'Organisation'), t('事業名', 'Project'), t('年目', 'Year'), t('交付決定額', 'Granted')]
          .map((x) => el('th', { scope: 'col' }, x)))),
        el('tbody', null, ...data.items.map((f) => el('tr', null, el('td', null, f.fiscalYearLabel), el('td', null, f.applicantName),
          el('td', null, f.projectTitle), el('td', null, String(f.fundingYear)), el('td', null, yen(f.grantedAmount)))))));
      prev.disabled = page <= 0;
      next.disabled = page + 1 >= Math.max(1, data.totalPages);
    } catch (e) {
      if (alive) fundedStatus.textContent = t('補助した事業を読み込めませんでした。', 'The funded projects could not be loaded.');
    }
  }

  prev.addEventListener('click', () => { if (page > 0) { page -= 1; loadFunded(); } });
  next.addEventListener('click', () => { page += 1; loadFunded(); });
  try {
    const list = await ctx.getJson('collaboration/grants/public/calls');
    if (alive) {
      calls.replaceChildren(...list.map(call));
      callStatus.textContent = list.length ? t(`${list.length} 件`, `${list.length} calls`) : t('現在、募集はありません。', 'There is no call at the moment.');
    }
  } catch (e) {
    if (alive) callStatus.textContent = t('募集を読み込めませんでした。', 'The calls could not be loaded.');
  }
  await loadFunded();
  return () => { alive = false; };
}
