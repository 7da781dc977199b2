// アンケート on the public portal: /p/{lgCode}/engagement-surveys (surveys open now), …/results (published
// results), …/<id> (one open survey's form), …/results/<id> (its results: a bar per choice, drawn with CSS
// widths and read out as text, optionally broken down by one attribute). Public endpoints only
// (engagement/surveys/open…, …/published…), which hold no personal data and never free text. Answers go
// through core's public intake: a token per form as Idempotency-Key (a double click stores one answer), a
// honeypot field people never see; an invitation code when the survey's letters carry one. Phone-first.
// DOM built with createElement/textContent only.

import {h as el} from '/ui/core/kit.js';

const PAGE = 'engagement-surveys';

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

/** A share as the API gives it (one decimal), written with its decimal: 100.0, 86.5. */
function pct(v) {
  return Number(v).toFixed(1);
}

function link(ctx, path, text) {
  return el('a', { href: `${ctx.base}${PAGE}${path}`, 'data-route': '' }, text);
}

function period(ctx, s) {
  return ctx.t(`${formatDate(s.opensOn, 'ja')}〜${formatDate(s.closesOn, 'ja')}`, `${formatDate(s.opensOn, 'en')} to ${formatDate(s.closesOn, 'en')}`);
}

async function listPage(root, ctx, results) {
  const t = ctx.t;
  root.append(el('h1', null, results ? t('アンケートの結果', 'Survey results') : t('回答受付中のアンケート', 'Surveys open for answers')),
    el('p', { class: 'lead' }, results ? t('市が実施したアンケートの集計結果です。', 'The results of the city\'s surveys.')
      : t('市政についてのアンケートにご協力ください。回答は匿名で、お名前などは伺いません。', 'Please tell the city what you think. Answers are anonymous; we never ask your name.')),
    el('p', null, results ? link(ctx, '', t('回答受付中のアンケートを見る', 'See the surveys open now')) : link(ctx, '/results', t('これまでの結果を見る', 'See past results'))));
  const status = el('p', { role: 'status', 'aria-live': 'polite' }, t('読み込んでいます…', 'Loading…'));
  root.append(status);
  try {
    const data = await ctx.getJson(`engagement/surveys/${results ? 'published' : 'open'}?size=50`);
    status.textContent = data.totalItems === 0
      ? (results ? t('公表した結果はまだありません。', 'No results have been published yet.') : t('いま回答を受け付けているアンケートはありません。', 'No survey is open now.'))
      : (data.totalItemsExact === false ? t(`${data.totalItems} 件超`, `more than ${data.totalItems}`)
        : t(`${data.totalItems} 件`, `${data.totalItems}`));
    const list = el('div', { class: 'survey-list' });
    for (const s of data.items) {
      const id = `survey-${s.id}`;
      list.append(el('article', { class: 'comment-card survey-card', 'aria-labelledby': id },
        el('h2', { id }, link(ctx, results ? `/results/${s.id}` : `/${s.id}`, s.title)),
        el('dl', { class: 'machi-voice-meta' }, el('dt', null, t('年度', 'Fiscal year')), el('dd', null, s.fiscalYearLabel),
          el('dt', null, t('回答期間', 'Period')), el('dd', null, period(ctx, s)))));
    }
    root.append(list);
  } catch (e) {
    status.textContent = t('読み込めませんでした。', 'It could not be loaded.');
  }
}

async function formPage(root, ctx, id) {
  const t = ctx.t;
  let s;
  try {
    s = await ctx.getJson(`engagement/surveys/open/${encodeURIComponent(id)}`);
  } catch (e) {
    root.append(el('h1', null, t('アンケート', 'Survey')), el('p', null, t('このアンケートはいま回答を受け付けていません。', 'This survey is not open for answers now.')),
      el('p', null, link(ctx, '', t('一覧へ戻る', 'Back to the list'))));
    return;
  }
  root.append(el('p', null, link(ctx, '', t('← 一覧へ戻る', '← Back to the list'))), el('h1', null, s.title),
    el('p', null, t(`回答期間: ${period(ctx, s)}`, `Period: ${period(ctx, s)}`)));
  if (s.description) root.append(el('p', null, s.description));
  const summary = el('div', { class: 'error', role: 'alert', tabindex: '-1' });
  summary.hidden = true;
  const result = el('div', { class: 'voice-receipt', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
  const token = el('input', { type: 'hidden', name: 'formToken', value: newFormToken() });
  const trapInput = el('input', { id: 'survey-website', name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off' });
  const trap = el('div', { class: 'visually-hidden voice-hp', 'aria-hidden': 'true' },
    el('label', { for: 'survey-website' }, t('ウェブサイト（入力しないでください）', 'Website (leave this empty)')), trapInput);
  const form = el('form', { class: 'voice-form survey-form', novalidate: '' }, summary, token);
  let code = null;
  if (s.usesCodes) {
    code = el('input', { id: 'survey-code', name: 'code', type: 'text', maxlength: '20', autocomplete: 'off', required: '' });
    form.append(el('div', { class: 'voice-field' }, el('label', { for: 'survey-code' }, t('回答用コード（調査票に印刷されています）', 'Invitation code (printed on your letter)')), code));
  }
  const attrs = {};
  for (const a of s.attributes) {
    const sel = el('select', { id: `survey-attr-${a.attribute}`, name: a.attribute },
      el('option', { value: '' }, t('答えない', 'Prefer not to say')), ...a.options.map((o) => el('option', { value: o.value }, o.label)));
    attrs[a.attribute] = sel;
    form.append(el('div', { class: 'voice-field' }, el('label', { for: sel.id }, a.label), sel));
  }
  const inputs = [];
  for (const q of s.questions) {
    const legend = el('legend', null, `${t('問', 'Q')}${q.seq}. ${q.text}`, q.required ? el('span', { class: 'req' }, t('（必須）', ' (required)')) : '');
    const box = el('fieldset', { class: 'survey-question', dataset: { seq: String(q.seq) } }, legend);
    if (q.kind === 'SINGLE' || q.kind === 'MULTIPLE') {
      const type = q.kind === 'SINGLE' ? 'radio' : 'checkbox';
      const boxes = q.choices.map((c, i) => {
        const input = el('input', { type, name: `q${q.seq}`, value: c.value, id: `q${q.seq}-${i}` });
        box.append(el('div', { class: 'survey-choice' }, input, el('label', { for: input.id }, c.label)));
        return input;
      });
      inputs.push({ q, read: () => { const ids = boxes.filter((b) => b.checked).map((b) => b.value); return ids.length ? { choiceIds: ids } : null; } });
    } else if (q.kind === 'SCALE') {
      const boxes = [1, 2, 3, 4, 5].map((v) => {
        const input = el('input', { type: 'radio', name: `q${q.seq}`, value: String(v), id: `q${q.seq}-${v}` });
        box.append(el('span', { class: 'survey-scale' }, input, el('label', { for: input.id }, String(v))));
        return input;
      });
      box.append(el('p', { class: 'hint' }, t('1: そう思わない 〜 5: そう思う', '1: disagree … 5: agree')));
      inputs.push({ q, read: () => { const b = boxes.find((x) => x.checked); return b ? { number: Number(b.value) } : null; } });
    } else if (q.kind === 'NUMBER') {
      const input = el('input', { type: 'number', inputmode: 'decimal', id: `q${q.seq}-n`, 'aria-label': q.text });
      box.append(input);
      inputs.push({ q, read: () => (input.value.trim() === '' ? null : { number: Number(input.value) }) });
    } else {
      const input = el('textarea', { id: `q${q.seq}-t`, maxlength: '2000', rows: '4', 'aria-label': q.text });
      box.append(input, el('p', { class: 'hint' }, t('お名前など個人が分かることは書かないでください。', 'Please write nothing that identifies you.')));
      inputs.push({ q, read: () => (input.value.trim() === '' ? null : { text: input.value.trim() }) });
    }
    form.append(box);
  }
  const send = el('button', { type: 'submit', class: 'send', id: 'survey-send' }, t('回答する', 'Send my answers'));
  form.append(trap, el('div', { class: 'actions' }, send));
  root.append(form, result);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    summary.hidden = true;
    const answers = [];
    const missing = [];
    for (const i of inputs) {
      const v = i.read();
      if (v) answers.push({ questionId: i.q.id, ...v });
      else if (i.q.required) missing.push(t(`問${i.q.seq}に回答してください。`, `Please answer question ${i.q.seq}.`));
    }
    if (code && !code.value.trim()) missing.push(t('回答用コードを入力してください。', 'Please enter your invitation code.'));
    if (missing.length || !answers.length) {
      summary.replaceChildren(el('p', null, t('入力内容を確認してください。', 'Please check your answers.')),
        el('ul', null, ...(missing.length ? missing : [t('少なくとも1問に回答してください。', 'Please answer at least one question.')]).map((m) => el('li', null, m))));
      summary.hidden = false;
      summary.focus();
      return;
    }
    const body = { answers };
    if (code) body.code = code.value.trim();
    if (attrs.AGE_GROUP && attrs.AGE_GROUP.value) body.ageGroup = attrs.AGE_GROUP.value;
    if (attrs.DISTRICT && attrs.DISTRICT.value) body.district = attrs.DISTRICT.value;
    if (attrs.SEX && attrs.SEX.value) body.sex = attrs.SEX.value;
    if (trapInput.value) body.website = trapInput.value;
    send.disabled = true;
    try {
      const receipt = await ctx.postJson(`engagement/surveys/${s.id}/answers`, body, { 'Idempotency-Key': token.value });
      form.hidden = true;
      result.replaceChildren(el('h2', null, t('ご回答ありがとうございました', 'Thank you for your answers')),
        el('dl', { class: 'machi-voice-meta' }, el('dt', null, t('受付番号', 'Receipt number')), el('dd', { class: 'receipt-number' }, receipt.receiptNumber)));
      result.focus();
    } catch (e) {
      if (e.status === 422) token.value = newFormToken();
      const problem = e.problem || {};
      summary.replaceChildren(el('p', null, problem.detail || problem.title || t('送信できませんでした。', 'Your answers could not be sent.')),
        el('ul', null, ...(problem.errors || []).map((x) => el('li', null, x.message))));
      summary.hidden = false;
      summary.focus();
    } finally {
      send.disabled = false;
    }
  });
}

/** A choice's bar: its width is its share, and the same figures are written out for screen readers and print. */
function bars(ctx, counts, caption) {
  const t = ctx.t;
  const table = el('table', { class: 'survey-bars' }, el('caption', null, caption),
    el('thead', null, el('tr', null, ...[t('回答', 'Answer'), t('件数', 'Count'), t('割合', 'Share')].map((x) => el('th', { scope: 'col' }, x)))));
  const body = el('tbody');
  for (const c of counts) {
    const share = c.share == null ? 0 : Number(c.share);
    const bar = el('span', { class: 'survey-bar', 'aria-hidden': 'true' });
    // CSSOM, not a style attribute: the portal's CSP allows no inline styles.
    bar.style.width = `${Math.max(0, Math.min(100, share)) * 0.6}%`;
    body.append(el('tr', null, el('th', { scope: 'row' }, c.label), el('td', null, String(c.count)),
      el('td', { class: 'survey-share' }, bar, c.share == null ? '—' : `${pct(c.share)}%`)));
  }
  table.append(body);
  return el('div', { class: 'table-wrap' }, table);
}

async function resultsPage(root, ctx, id) {
  const t = ctx.t;
  const by = new URLSearchParams(location.search).get('by') || '';
  let r;
  try {
    r = await ctx.getJson(`engagement/surveys/published/${encodeURIComponent(id)}${by ? `?by=${encodeURIComponent(by)}` : ''}`);
  } catch (e) {
    root.append(el('h1', null, t('アンケートの結果', 'Survey results')), el('p', null, t('この結果は公表されていません。', 'These results are not published.')),
      el('p', null, link(ctx, '/results', t('一覧へ戻る', 'Back to the list'))));
    return;
  }
  root.append(el('p', null, link(ctx, '/results', t('← 結果の一覧へ', '← All results'))), el('h1', null, r.title),
    el('dl', { class: 'machi-voice-meta survey-summary' }, el('dt', null, t('年度', 'Fiscal year')), el('dd', null, r.fiscalYearLabel),
      el('dt', null, t('回答数', 'Respondents')), el('dd', { class: 'survey-respondents' }, String(r.respondents)),
      r.population ? el('dt', null, t('調査対象者数', 'Population surveyed')) : '', r.population ? el('dd', null, String(r.population)) : '',
      r.responseRate != null ? el('dt', null, t('回答率', 'Response rate')) : '', r.responseRate != null ? el('dd', null, `${pct(r.responseRate)}%`) : ''));
  const nav = el('p', { class: 'survey-by' }, t('内訳: ', 'Break down by: '),
    // Only the attributes this survey asked: a breakdown by one it did not ask would be all 無回答.
    ...[['', t('全体', 'All')], ...(r.attributes || []).map((a) => [a.value, a.label])]
      .map(([v, label]) => (v === by ? el('strong', null, `${label} `) : el('a', { href: `${ctx.base}${PAGE}/results/${r.surveyId}${v ? `?by=${v}` : ''}`, 'data-route': '' }, `${label} `))));
  if ((r.attributes || []).length) root.append(nav);
  for (const q of r.questions) {
    const section = el('section', { class: 'survey-result', 'aria-labelledby': `qr-${q.seq}` },
      el('h2', { id: `qr-${q.seq}` }, `${t('問', 'Q')}${q.seq}. ${q.text}`),
      el('p', null, t(`回答 ${q.answered} 人`, `${q.answered} answered`), q.mean != null ? t(`・平均 ${q.mean}`, ` · mean ${q.mean}`) : ''));
    if (q.counts.length) section.append(bars(ctx, q.counts, t('選択肢ごとの件数と割合', 'Count and share per answer')));
    if (q.kind === 'TEXT') section.append(el('p', { class: 'hint' }, t('自由記述の回答は公表していません。', 'Free-text answers are not published.')));
    for (const c of q.breakdown || []) {
      if (c.answered) section.append(bars(ctx, c.counts, `${r.byLabel}: ${c.label}（${t(`${c.answered}人`, `${c.answered} answered`)}）`));
    }
    root.append(section);
  }
}

export default async function render(root, ctx) {
  root.append(el('link', { rel: 'stylesheet', href: '/ui/engagement/surveys.css' }));
  const rest = location.pathname.substring(`${ctx.base}${PAGE}`.length).replace(/^\/+|\/+$/g, '');
  if (rest === 'results') await listPage(root, ctx, true);
  else if (rest.startsWith('results/')) await resultsPage(root, ctx, rest.substring('results/'.length));
  else if (rest) await formPage(root, ctx, rest);
  else await listPage(root, ctx, false);
  return undefined;
}
