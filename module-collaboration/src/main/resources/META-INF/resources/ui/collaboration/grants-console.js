// 協働提案型公募補助 (proposal-based grants) in the staff console: #/{lg}/collaboration/collaboration-grants
// [/new | /<callId> | /<callId>/apply | /a/<applicationId>]. The calls per fiscal year (CSV); one call: purpose,
// budget, eligibility, maximum per grant, subsidy rate, years from start-up, review criteria with weights (rows)
// and schedule, saved with If-Match; its applications (CSV), the ranking by weighted total with the budget left;
// a paper application for a registered partner (budget lines); one application: the completeness check, the
// signed-in panel member's scores, the decision (approver role), the printable notice, and the settlement.
import {h, add, tr, field, pagedList, submit, notice, errorNotice, facts, fiscalYearLabel} from '/ui/core/kit.js';

const canEdit = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);
const yen = (ctx, n) => (n == null ? '—' : `${Number(n).toLocaleString('ja-JP')} ${tr(ctx, '円', 'yen')}`);
const int = (v) => (String(v).trim() === '' ? null : Number(String(v).trim()));

function years() {
  const now = new Date();
  const current = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  const list = [];
  for (let y = current + 1; y >= current - 8; y -= 1) list.push(y);
  return list;
}

export default async function render(root, ctx) {
  const [a, b] = ctx.args || [];
  if (a === 'a' && b) await application(root, ctx, b);
  else if (a === 'funds') await fundsPage(root, ctx);
  else if (a === 'new') await callPage(root, ctx, null);
  else if (a && b === 'apply') await paper(root, ctx, a);
  else if (a) await callPage(root, ctx, a);
  else await calls(root, ctx);
}

async function calls(root, ctx) {
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '募集の絞り込み', 'Filter calls'),
    on: {submit: (e) => { e.preventDefault(); list.reload(); }}},
  field(ctx, {name: 'fiscalYear', label: tr(ctx, '年度 (例: 令和元年度)', 'Fiscal year (e.g. 2019)'), attrs: {maxlength: 20}}),
  field(ctx, {name: 'q', label: tr(ctx, '募集名・目的', 'Title, purpose'), attrs: {maxlength: 200}}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  const list = pagedList(ctx, {
    path: 'collaboration/grants/calls', csv: `grant-calls-${ctx.lgCode}.csv`, caption: tr(ctx, '補助金の募集', 'Grant calls'),
    query: () => ({fiscalYear: filters.elements.fiscalYear.value.trim(), q: filters.elements.q.value.trim()}),
    columns: [
      {label: tr(ctx, '募集名', 'Call'), render: (c) => h('a', {href: ctx.href(c.id), class: 'grant-call-link'},
          c.title + (c.invented ? tr(ctx, '（架空のデモデータ）', ' (invented demo data)') : ''))},
      {label: tr(ctx, '年度', 'Fiscal year'), render: (c) => c.fiscalYearLabel},
      {label: tr(ctx, '予算額', 'Budget'), render: (c) => yen(ctx, c.budget)},
      {label: tr(ctx, '受付期間', 'Submission'), render: (c) => `${c.schedule.submissionOpensOn} – ${c.schedule.submissionClosesOn}`},
      {label: tr(ctx, '受付中', 'Open'), render: (c) => (c.open ? tr(ctx, '受付中', 'Open') : '')},
    ],
  });
  add(root, h('p', {class: 'hint', text: tr(ctx, '市民活動団体などの公益的な事業の企画提案を募り、審査して補助します (事業立ち上げから最長の年数まで)。',
      'Calls for proposals from civic organisations, reviewed and funded (up to a number of years from the project\'s start-up).')}),
  canEdit(ctx) ? h('p', {}, h('a', {href: ctx.href('new'), class: 'btn', id: 'new-grant-call', text: tr(ctx, '募集を作成', 'Create a call')})) : null,
  h('p', {}, h('a', {href: ctx.href('funds'), id: 'grant-funds-link', text: tr(ctx, '基金の収支 →', 'Funds →')})),
  filters, list.element);
  await list.reload();
}

/** Repeating rows of inputs named `${prefix}[i].${key}` so that the API's field errors land next to them. */
function rows(ctx, prefix, cols, initial, legend) {
  const body = h('tbody');
  const addRow = (v = {}) => {
    const i = body.children.length;
    body.append(h('tr', {}, cols.map((c) => h('td', {}, c.type === 'checkbox'
      ? h('input', {type: 'checkbox', name: `${prefix}[${i}].${c.key}`, 'aria-label': c.label, checked: v[c.key] !== false})
      : h('input', {type: 'text', name: `${prefix}[${i}].${c.key}`, 'aria-label': `${c.label} ${i + 1}`, value: v[c.key] ?? '',
        inputmode: c.number ? 'numeric' : null, id: `${prefix}-${i}-${c.key}`})))));
  };
  (initial.length ? initial : [{}]).forEach(addRow);
  const wrap = h('fieldset', {class: `field rows rows-${prefix}`}, h('legend', {text: legend}),
      h('table', {class: 'list'}, h('thead', {}, h('tr', {}, cols.map((c) => h('th', {scope: 'col', text: c.label})))), body),
      h('button', {type: 'button', class: 'btn', id: `add-${prefix}`, text: tr(ctx, '行を追加', 'Add a row'), on: {click: () => addRow({})}}));
  wrap.read = () => [...body.children].map((tr_) => {
    const o = {};
    cols.forEach((c) => {
      const input = tr_.querySelector(`[name$=".${c.key}"]`);
      o[c.key] = c.type === 'checkbox' ? input.checked : c.number ? int(input.value) : input.value.trim();
    });
    return o;
  }).filter((o) => cols.some((c) => c.type !== 'checkbox' && o[c.key] !== null && o[c.key] !== ''));
  return wrap;
}

async function callPage(root, ctx, id) {
  const path = id ? `collaboration/grants/calls/${encodeURIComponent(id)}` : 'collaboration/grants/calls';
  const back = h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 補助金の募集へ', '← Grant calls')));
  let c = null;
  let etag = null;
  if (id) {
    const r = await ctx.api('GET', path);
    if (r.status !== 200) { add(root, back, errorNotice(ctx, {problem: r.problem, status: r.status})); return; }
    c = r.body;
    etag = r.etag;
    ctx.setTitle(c.title);
  } else {
    ctx.setTitle(tr(ctx, '募集を作成', 'Create a call'));
  }
  const reload = () => { root.replaceChildren(); return callPage(root, ctx, id); };
  const s = (c && c.schedule) || {};
  const date = (name, label, required) => field(ctx, {name: `schedule.${name}`, type: 'date', label, value: s[name], required});
  const criteria = rows(ctx, 'criteria', [{key: 'name', label: tr(ctx, '審査基準', 'Criterion')},
    {key: 'weight', label: tr(ctx, '重み', 'Weight'), number: true}], c ? c.criteria : [], tr(ctx, '審査基準と重み', 'Review criteria and weights'));
  const form = h('form', {class: 'form', id: 'grant-call-form', novalidate: true},
      c && c.invented ? notice(tr(ctx, 'この募集は架空のデモデータです。', 'This call is invented demo data.')) : null,
      field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'), required: true, value: c ? String(c.fiscalYear) : null,
        options: years().map((y) => ({value: String(y), label: fiscalYearLabel(y, ctx.lang)}))}),
      field(ctx, {name: 'title', label: tr(ctx, '募集名', 'Title'), value: c && c.title, required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'purpose', type: 'textarea', label: tr(ctx, '目的', 'Purpose'), value: c && c.purpose, required: true}),
      field(ctx, {name: 'eligibility', type: 'textarea', label: tr(ctx, '対象となる団体・事業', 'Eligibility'), value: c && c.eligibility, required: true}),
      field(ctx, {name: 'budget', type: 'number', label: tr(ctx, '予算額 (円)', 'Budget (yen)'), value: c && c.budget, required: true}),
      field(ctx, {name: 'maxPerGrant', type: 'number', label: tr(ctx, '1件あたりの上限額 (円)', 'Maximum per grant (yen)'), value: c && c.maxPerGrant, required: true}),
      field(ctx, {name: 'subsidyRate', type: 'number', label: tr(ctx, '補助率 (%)', 'Subsidy rate (%)'), value: c ? c.subsidyRate : '', required: true}),
      field(ctx, {name: 'maxYears', type: 'number', label: tr(ctx, '事業立ち上げからの最長補助年数', 'Maximum years from start-up'), value: c ? c.maxYears : '',
        hint: tr(ctx, '空欄なら設定の値 (既定 6 年) です。', 'Empty: the module setting (6 years by default).')}),
      date('briefingOn', tr(ctx, '説明会', 'Briefing')), date('workshopOn', tr(ctx, '企画書作成会', 'Proposal workshop')),
      date('submissionOpensOn', tr(ctx, '受付開始', 'Submission opens'), true), date('submissionClosesOn', tr(ctx, '受付終了', 'Submission closes'), true),
      date('hearingOn', tr(ctx, '公開審査', 'Hearing')), date('decisionOn', tr(ctx, '決定', 'Decision')),
      criteria,
      field(ctx, {name: 'requiredDocuments', type: 'textarea', label: tr(ctx, '提出書類 (1行に1つ)', 'Required documents (one per line)'),
        value: c ? (c.requiredDocuments || []).join('\n') : '', attrs: {placeholder: tr(ctx, '例: 企画書\n収支予算書', 'e.g. Proposal\nBudget')},
        hint: tr(ctx, 'そろうまで形式審査を「書類がそろっている」にできません。', 'An application is not complete until it has them all.')}),
      canEdit(ctx) ? h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-grant-call', text: tr(ctx, '保存', 'Save')})) : null);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const d = (n) => f[`schedule.${n}`].value || null;
    const body = {fiscalYear: f.fiscalYear.value, title: f.title.value.trim(), purpose: f.purpose.value.trim(), eligibility: f.eligibility.value.trim(),
      budget: int(f.budget.value), maxPerGrant: int(f.maxPerGrant.value), subsidyRate: int(f.subsidyRate.value), maxYears: int(f.maxYears.value),
      schedule: {briefingOn: d('briefingOn'), workshopOn: d('workshopOn'), submissionOpensOn: d('submissionOpensOn'),
        submissionClosesOn: d('submissionClosesOn'), hearingOn: d('hearingOn'), decisionOn: d('decisionOn')},
      criteria: criteria.read(),
      requiredDocuments: f.requiredDocuments.value.split('\n').map((x) => x.trim()).filter((x) => x)};
    const saved = await submit(ctx, form, {method: id ? 'PUT' : 'POST', path, body, etag, reload});
    if (saved) {
      if (id) { await reload(); root.prepend(notice(tr(ctx, '保存しました。', 'Saved.'))); } else ctx.navigate(ctx.href(saved.body.id));
    }
  });
  add(root, back, c ? facts([[tr(ctx, '決定済みの交付額', 'Granted so far'), yen(ctx, c.granted)],
    [tr(ctx, '予算の残り', 'Budget left'), yen(ctx, c.budget - c.granted)]]) : null, form);
  // Applications and scores are for staff (the API answers viewers 403).
  if (!c || !canEdit(ctx)) return;

  root.append(h('h2', {text: tr(ctx, '申請', 'Applications')}),
      canEdit(ctx) ? h('p', {}, h('a', {href: ctx.href(id, 'apply'), class: 'btn', id: 'new-grant-application', text: tr(ctx, '紙の申請を入力', 'Enter a paper application')})) : null);
  const apps = pagedList(ctx, {
    path: `${path}/applications`, csv: `grant-applications-${c.fiscalYear}.csv`, caption: tr(ctx, 'この募集への申請', 'Applications to this call'),
    columns: [
      {label: tr(ctx, '事業名', 'Project'), render: (a) => h('a', {href: ctx.href('a', a.id), class: 'grant-application-link'}, a.projectTitle)},
      {label: tr(ctx, '団体', 'Organisation'), render: (a) => a.applicantName},
      {label: tr(ctx, '受付', 'Received'), render: (a) => `${a.receivedOn} ${channel(ctx, a)}`},
      {label: tr(ctx, '年目', 'Year'), render: (a) => a.fundingYear},
      {label: tr(ctx, '申請額', 'Requested'), render: (a) => yen(ctx, a.requestedAmount)},
      {label: tr(ctx, '状態', 'State'), render: (a) => a.stateLabel},
      {label: tr(ctx, '交付決定額', 'Granted'), render: (a) => yen(ctx, a.grantedAmount)},
    ],
  });
  root.append(apps.element);
  await apps.reload();
  const r = await ctx.api('GET', `${path}/ranking`);
  if (r.status === 200) {
    const k = r.body;
    root.append(h('h2', {text: tr(ctx, '審査結果の順位', 'Ranking')}),
        h('p', {class: 'hint', text: tr(ctx, `合計点は審査員ごとの (評点 × 重み) の合計の平均です (満点 ${k.maximumTotal})。予算 ${yen(ctx, k.budget)} のうち ${yen(ctx, k.granted)} を決定済み、残り ${yen(ctx, k.remaining)}。`,
            `The total is the average over panel members of Σ score × weight (maximum ${k.maximumTotal}). Of the budget ${yen(ctx, k.budget)}, ${yen(ctx, k.granted)} is granted; ${yen(ctx, k.remaining)} remain.`)}),
        h('table', {class: 'list grant-ranking'}, h('thead', {}, h('tr', {}, [tr(ctx, '順位', 'Rank'), tr(ctx, '事業名', 'Project'), tr(ctx, '団体', 'Organisation'),
          tr(ctx, '合計点', 'Total'), tr(ctx, '審査員', 'Reviewers'), tr(ctx, '申請額', 'Requested'), tr(ctx, '交付決定額', 'Granted')].map((t) => h('th', {scope: 'col', text: t})))),
        h('tbody', {}, k.lines.map((l) => h('tr', {}, h('th', {scope: 'row', text: l.rank ? String(l.rank) : '—'}),
            h('td', {}, h('a', {href: ctx.href('a', l.applicationId)}, l.projectTitle)), h('td', {text: l.applicantName}),
            h('td', {text: l.weightedTotal == null ? '—' : String(l.weightedTotal)}), h('td', {text: String(l.reviewers)}),
            h('td', {text: yen(ctx, l.requestedAmount)}), h('td', {text: yen(ctx, l.grantedAmount)}))))));
  }
}

// 基金: each fund's yearly ledger (opening, donations, interest, grants out of the calls it finances, closing), CSV.
async function fundsPage(root, ctx) {
  ctx.setTitle(tr(ctx, '基金の収支', 'Funds'));
  add(root, h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 補助金の募集へ', '← Grant calls'))),
      h('h1', {text: tr(ctx, '基金の収支', 'Funds')}));
  const r = await ctx.api('GET', 'collaboration/grants/funds?size=50');
  if (r.status !== 200) { root.append(errorNotice(ctx, {problem: r.problem, status: r.status})); return; }
  if (r.body.items.length === 0) root.append(h('p', {class: 'hint', text: tr(ctx, '基金はまだありません。', 'No funds yet.')}));
  for (const f of r.body.items) {
    const l = await ctx.api('GET', `collaboration/grants/funds/${encodeURIComponent(f.id)}/ledger`);
    const section = h('section', {class: 'grant-fund'}, h('h2', {text: f.name}),
        f.invented ? notice(tr(ctx, 'この基金の期首残高・寄附・運用益は架空のデモデータです。', 'This fund\'s balance, donations and interest are invented demo data.')) : null,
        f.purpose ? h('p', {text: f.purpose}) : null);
    if (l.status === 200) {
      section.append(h('table', {class: 'list grant-fund-ledger'}, h('caption', {text: tr(ctx, '年度ごとの収支', 'Ledger per fiscal year')}),
          h('thead', {}, h('tr', {}, [tr(ctx, '年度', 'Fiscal year'), tr(ctx, '期首残高', 'Opening'), tr(ctx, '寄附', 'Donations'),
            tr(ctx, '運用益', 'Interest'), tr(ctx, '補助金', 'Grants'), tr(ctx, '年度末残高', 'Closing')].map((t) => h('th', {scope: 'col', text: t})))),
          h('tbody', {}, l.body.map((y) => h('tr', {}, h('th', {scope: 'row', text: y.fiscalYearLabel}), h('td', {text: yen(ctx, y.opening)}),
              h('td', {text: yen(ctx, y.donations)}), h('td', {text: yen(ctx, y.interest)}), h('td', {text: yen(ctx, y.grantsOut)}),
              h('td', {text: yen(ctx, y.closing)}))))));
      const csv = h('button', {type: 'button', class: 'btn grant-fund-csv', text: tr(ctx, 'CSV をダウンロード', 'Download CSV'), on: {click: async () => {
        const c = await ctx.api('GET', `collaboration/grants/funds/${encodeURIComponent(f.id)}/ledger?format=csv`, {accept: 'text/csv', raw: true});
        if (c.status !== 200) return;
        const url = URL.createObjectURL(c.blob);
        const link = h('a', {href: url, download: `fund-ledger-${ctx.lgCode}.csv`, hidden: true});
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
      }}});
      section.append(h('p', {}, csv));
    }
    root.append(section);
  }
}

function channel(ctx, a) {
  return a.channel === 'PAPER' ? tr(ctx, '(紙)', '(paper)') : tr(ctx, `(ポータル ${a.receiptNumber || ''})`, `(portal ${a.receiptNumber || ''})`);
}

// 提出書類: the application's files (which document, name, download) and, for staff before the decision, attach/remove
// with If-Match of the application. Never on the portal.
function documentsSection(ctx, a, path, etag, reload) {
  const result = h('div', {class: 'grant-documents-result', 'aria-live': 'polite'});
  const section = h('section', {class: 'grant-documents', 'aria-labelledby': 'grant-documents-heading'},
      h('h2', {id: 'grant-documents-heading', text: tr(ctx, '提出書類', 'Documents')}));
  if (a.missingDocuments.length) {
    section.append(notice(tr(ctx, `未提出: ${a.missingDocuments.join('、')}`, `Missing: ${a.missingDocuments.join(', ')}`), 'error'));
  }
  const download = async (d) => {
    const r = await ctx.api('GET', `${path}/attachments/${encodeURIComponent(d.fileId)}`, {accept: '*/*', raw: true});
    if (r.status !== 200) { result.replaceChildren(errorNotice(ctx, {problem: r.problem, status: r.status})); return; }
    const url = URL.createObjectURL(r.blob);
    const link = h('a', {href: url, download: d.fileName, hidden: true});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  };
  const decided = a.state === 'ADOPTED' || a.state === 'REJECTED';
  const remove = async (d) => {
    if (!window.confirm(tr(ctx, `「${d.fileName}」を削除しますか。`, `Remove "${d.fileName}"?`))) return;
    const r = await ctx.api('DELETE', `${path}/attachments/${encodeURIComponent(d.fileId)}`, {etag});
    if (r.status === 204) await reload(); else result.replaceChildren(errorNotice(ctx, {problem: r.problem, status: r.status}));
  };
  section.append(a.documents.length === 0 ? h('p', {class: 'hint', text: tr(ctx, '書類はまだありません。', 'No documents yet.')})
    : h('table', {class: 'list grant-documents-list'}, h('thead', {}, h('tr', {}, [tr(ctx, '書類', 'Document'), tr(ctx, 'ファイル', 'File'), '']
        .map((t) => h('th', {scope: 'col', text: t})))),
    h('tbody', {}, a.documents.map((d) => h('tr', {}, h('th', {scope: 'row', text: d.document}),
        h('td', {}, h('button', {type: 'button', class: 'btn grant-document-download', text: d.fileName, on: {click: () => download(d)}})),
        h('td', {}, canEdit(ctx) && !decided ? h('button', {type: 'button', class: 'btn grant-document-remove', text: tr(ctx, '削除', 'Remove'),
          'aria-label': tr(ctx, `${d.fileName} を削除`, `Remove ${d.fileName}`), on: {click: () => remove(d)}}) : null))))));
  if (canEdit(ctx) && !decided) {
    const input = h('input', {type: 'file', id: 'grant-document-file', name: 'file'});
    const kinds = [...new Set([...a.missingDocuments, ...a.documents.map((d) => d.document), 'その他'])];
    const form = h('form', {class: 'form', id: 'grant-document-form', novalidate: true},
        field(ctx, {name: 'document', type: 'select', label: tr(ctx, '書類の種類', 'Document'), options: kinds.map((k) => ({value: k, label: k}))}),
        h('div', {class: 'field'}, h('label', {for: 'grant-document-file', text: tr(ctx, 'ファイル (PDF・画像・Office・テキスト)', 'File (PDF, image, Office, text)')}), input),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'attach-grant-document', text: tr(ctx, '添付する', 'Attach')})));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const file = input.files && input.files[0];
      if (!file) { result.replaceChildren(notice(tr(ctx, 'ファイルを選んでください。', 'Choose a file.'), 'error')); return; }
      const r = await ctx.api('POST', `${path}/attachments?fileName=${encodeURIComponent(file.name)}&document=${encodeURIComponent(form.elements.document.value)}`,
        {file, etag});
      if (r.status === 201) await reload(); else result.replaceChildren(errorNotice(ctx, {problem: r.problem, status: r.status}));
    });
    section.append(form);
  }
  section.append(result);
  return section;
}

const LINE_COLS = (ctx) => [{key: 'item', label: tr(ctx, '費目', 'Item')}, {key: 'amount', label: tr(ctx, '金額 (円)', 'Amount (yen)'), number: true},
  {key: 'eligible', label: tr(ctx, '補助対象', 'Eligible'), type: 'checkbox'}];

function applicationForm(ctx, a, partners) {
  const lines = rows(ctx, 'budgetLines', LINE_COLS(ctx), a ? a.budgetLines : [], tr(ctx, '支出予算 (補助対象経費に印)', 'Budget (tick eligible costs)'));
  const form = h('form', {class: 'form', id: 'grant-application-form', novalidate: true},
      field(ctx, {name: 'partnerId', type: 'select', label: tr(ctx, '団体 (登録済みの協働の相手方)', 'Organisation (registered partner)'), required: true,
        value: a && a.partnerId, options: [{value: '', label: tr(ctx, '選んでください', 'Choose')}, ...partners.map((p) => ({value: p.id, label: p.name}))]}),
      field(ctx, {name: 'projectTitle', label: tr(ctx, '事業名', 'Project'), value: a && a.projectTitle, required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'plan', type: 'textarea', label: tr(ctx, '事業計画', 'Plan'), value: a && a.plan, required: true}),
      field(ctx, {name: 'startYear', type: 'select', label: tr(ctx, '事業立ち上げ年度', 'Start-up fiscal year'), required: true, value: a ? String(a.startYear) : null,
        options: years().map((y) => ({value: String(y), label: fiscalYearLabel(y, ctx.lang)}))}),
      lines,
      field(ctx, {name: 'requestedAmount', type: 'number', label: tr(ctx, '申請額 (円)', 'Requested (yen)'), value: a && a.requestedAmount, required: true}),
      a ? null : field(ctx, {name: 'receivedOn', type: 'date', label: tr(ctx, '受付日', 'Received on'), hint: tr(ctx, '空欄なら今日です。', 'Today when left empty.')}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-grant-application', text: tr(ctx, '保存', 'Save')})));
  form.body = () => {
    const f = form.elements;
    return {partnerId: f.partnerId.value || null, projectTitle: f.projectTitle.value.trim(), plan: f.plan.value.trim(), startYear: f.startYear.value,
      requestedAmount: int(f.requestedAmount.value), budgetLines: lines.read(), receivedOn: f.receivedOn ? f.receivedOn.value || null : undefined};
  };
  return form;
}

async function registeredPartners(ctx) {
  const r = await ctx.api('GET', 'collaboration/partners?state=REGISTERED&size=100&sort=name');
  return r.status === 200 ? r.body.items : [];
}

async function paper(root, ctx, callId) {
  ctx.setTitle(tr(ctx, '紙の申請を入力', 'Enter a paper application'));
  const back = h('p', {}, h('a', {href: ctx.href(callId)}, tr(ctx, '← 募集へ', '← The call')));
  const form = applicationForm(ctx, null, await registeredPartners(ctx));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const saved = await submit(ctx, form, {method: 'POST', path: `collaboration/grants/calls/${encodeURIComponent(callId)}/applications`, body: form.body()});
    if (saved) ctx.navigate(ctx.href('a', saved.body.id));
  });
  add(root, back, form);
}

async function application(root, ctx, id) {
  const path = `collaboration/grants/applications/${encodeURIComponent(id)}`;
  const r = await ctx.api('GET', path);
  const back = h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 補助金の募集へ', '← Grant calls')));
  if (r.status !== 200) { add(root, back, errorNotice(ctx, {problem: r.problem, status: r.status})); return; }
  const a = r.body;
  const etag = r.etag;
  ctx.setTitle(a.projectTitle);
  const call = (await ctx.api('GET', `collaboration/grants/calls/${a.callId}`)).body;
  const reload = () => { root.replaceChildren(); return application(root, ctx, id); };
  const done = async (text) => { await reload(); root.prepend(notice(text)); };
  add(root, h('p', {}, h('a', {href: ctx.href(a.callId)}, tr(ctx, `← ${call.title}`, `← ${call.title}`))),
      a.invented ? notice(tr(ctx, 'この申請は架空のデモデータです。', 'This application is invented demo data.')) : null,
      facts([
        [tr(ctx, '団体', 'Organisation'), a.applicantName],
        [tr(ctx, '年度', 'Fiscal year'), a.fiscalYearLabel],
        [tr(ctx, '補助年数', 'Year of funding'), tr(ctx, `事業立ち上げ (${fiscalYearLabel(a.startYear, 'ja')}) から ${a.fundingYear} 年目 / 最長 ${call.maxYears} 年`,
            `Year ${a.fundingYear} from start-up (${a.startYear}) of at most ${call.maxYears}`)],
        [tr(ctx, '受付日', 'Received'), `${a.receivedOn} ${channel(ctx, a)}`],
        [tr(ctx, '事業費 / 補助対象経費', 'Total / eligible cost'), `${yen(ctx, a.totalCost)} / ${yen(ctx, a.eligibleCost)}`],
        [tr(ctx, '申請額', 'Requested'), yen(ctx, a.requestedAmount)],
        [tr(ctx, '状態', 'State'), h('span', {class: 'grant-state', text: a.stateLabel})],
        [tr(ctx, '合計点', 'Weighted total'), a.weightedTotal == null ? '—' : String(a.weightedTotal)],
        [tr(ctx, '交付決定額', 'Granted'), yen(ctx, a.grantedAmount)],
        a.completenessNote ? [tr(ctx, '形式審査の所見', 'Completeness note'), a.completenessNote] : null,
        a.decisionReason ? [tr(ctx, '決定の理由・付記', 'Decision note'), a.decisionReason] : null,
      ]));
  root.append(documentsSection(ctx, a, path, etag, reload));
  if (!canEdit(ctx)) return;
  if (a.state === 'SUBMITTED' || a.state === 'INCOMPLETE') {
    const form = applicationForm(ctx, a, await registeredPartners(ctx));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const body = form.body();
      delete body.receivedOn;
      if (await submit(ctx, form, {method: 'PUT', path, body, etag, reload})) await done(tr(ctx, '保存しました。', 'Saved.'));
    });
    const check = h('form', {class: 'form', id: 'grant-completeness', novalidate: true},
        h('h2', {text: tr(ctx, '形式審査', 'Completeness check')}),
        field(ctx, {name: 'note', type: 'textarea', label: tr(ctx, '所見 (補正を求めるときはその内容)', 'Note (what is missing, if anything)')}),
        h('div', {class: 'actions'},
            h('button', {type: 'button', class: 'btn btn-primary', id: 'grant-complete', text: tr(ctx, '書類がそろっている (審査へ)', 'Complete (to review)'), on: {click: () => checkIt(true)}}),
            h('button', {type: 'button', class: 'btn', id: 'grant-incomplete', text: tr(ctx, '補正を求める', 'Ask for completion'), on: {click: () => checkIt(false)}})));
    const checkIt = async (complete) => {
      if (await submit(ctx, check, {method: 'POST', path: `${path}/completeness`, body: {complete, note: check.elements.note.value.trim() || null}, etag, reload})) {
        await done(tr(ctx, '形式審査を記録しました。', 'Completeness recorded.'));
      }
    };
    check.addEventListener('submit', (e) => e.preventDefault());
    add(root, h('h2', {text: tr(ctx, '申請内容', 'Application')}), form, check);
    return;
  }
  add(root, h('table', {class: 'list grant-budget'}, h('caption', {text: tr(ctx, '支出予算', 'Budget')}),
      h('tbody', {}, a.budgetLines.map((l) => h('tr', {}, h('th', {scope: 'row', text: l.item}), h('td', {text: yen(ctx, l.amount)}),
          h('td', {text: l.eligible ? tr(ctx, '補助対象', 'eligible') : tr(ctx, '対象外', 'not eligible')}))))),
  h('p', {class: 'grant-plan', text: a.plan}));
  if (a.state === 'UNDER_REVIEW') {
    const mine = {};
    const score = h('form', {class: 'form', id: 'grant-scores', novalidate: true},
        h('h2', {text: tr(ctx, 'あなたの評点 (0〜5)', 'Your scores (0–5)')}),
        call.criteria.map((k, i) => field(ctx, {name: `scores[${i}].score`, type: 'number', label: `${k.name} (${tr(ctx, '重み', 'weight')} ${k.weight})`,
          value: mine[k.id], required: true})),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-scores', text: tr(ctx, '評点を保存', 'Save scores')})));
    score.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const body = {scores: call.criteria.map((k, i) => ({criterionId: k.id, score: int(score.elements[`scores[${i}].score`].value)}))};
      if (await submit(ctx, score, {method: 'PUT', path: `${path}/scores`, body, etag, reload})) await done(tr(ctx, '評点を保存しました。', 'Scores saved.'));
    });
    root.append(score);
  }
  if (a.state !== 'SUBMITTED' && a.state !== 'INCOMPLETE' && !a.settledOn) {
    const decision = h('form', {class: 'form', id: 'grant-decision', novalidate: true},
        h('h2', {text: tr(ctx, '採択・不採択の決定', 'Decision')}),
        h('p', {class: 'hint', text: tr(ctx, '「団体登録・後援名義の審査」の役割を持つ職員が決定します。交付決定額の合計は予算を超えられません。',
            'Decided by staff holding the approver role. The amounts granted may not exceed the budget in total.')}),
        field(ctx, {name: 'grantedAmount', type: 'number', label: tr(ctx, '交付決定額 (円)', 'Amount granted (yen)'), value: a.grantedAmount ?? a.requestedAmount}),
        field(ctx, {name: 'reason', type: 'textarea', label: tr(ctx, '理由・付記', 'Reason or note'), value: a.decisionReason}),
        h('div', {class: 'actions'},
            h('button', {type: 'button', class: 'btn btn-primary', id: 'grant-adopt', text: tr(ctx, '採択', 'Adopt'), on: {click: () => decide(true)}}),
            h('button', {type: 'button', class: 'btn', id: 'grant-reject', text: tr(ctx, '不採択', 'Reject'), on: {click: () => decide(false)}})));
    const decide = async (adopt) => {
      const body = {adopt, grantedAmount: adopt ? int(decision.elements.grantedAmount.value) : null, reason: decision.elements.reason.value.trim() || null};
      if (await submit(ctx, decision, {method: 'POST', path: `${path}/decision`, body, etag, reload})) await done(tr(ctx, '決定を記録しました。', 'Decision recorded.'));
    };
    decision.addEventListener('submit', (e) => e.preventDefault());
    root.append(decision);
  }
  if (a.state === 'ADOPTED' || a.state === 'REJECTED') {
    add(root, h('p', {}, h('a', {class: 'btn', id: 'print-grant-notice', href: `/api/v1/municipalities/${ctx.lgCode}/${path}/notice`, target: '_blank', rel: 'noopener'},
        tr(ctx, '通知書を印刷 (新しいタブ)', 'Print the notice (new tab)'))));
  }
  if (a.state === 'ADOPTED') {
    const settle = h('form', {class: 'form', id: 'grant-settlement', novalidate: true},
        h('h2', {text: tr(ctx, '実績報告・精算', 'Result report and settlement')}),
        a.settledOn ? facts([[tr(ctx, '支払額', 'Paid'), yen(ctx, a.paid)], [tr(ctx, '支出額', 'Spent'), yen(ctx, a.spent)],
          [tr(ctx, '返還額', 'Returned'), h('strong', {class: 'grant-returned', text: yen(ctx, a.returned)})], [tr(ctx, '精算日', 'Settled on'), a.settledOn]]) : null,
        field(ctx, {name: 'paid', type: 'number', label: tr(ctx, '支払額 (円)', 'Paid (yen)'), value: a.paid ?? a.grantedAmount, required: true}),
        field(ctx, {name: 'spent', type: 'number', label: tr(ctx, '補助金の支出額 (円)', 'Spent (yen)'), value: a.spent, required: true}),
        field(ctx, {name: 'resultReport', type: 'textarea', label: tr(ctx, '実績報告の概要', 'Result report'), value: a.resultReport}),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-settlement', text: tr(ctx, '精算を記録', 'Record the settlement')})));
    settle.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = settle.elements;
      const body = {paid: int(f.paid.value), spent: int(f.spent.value), resultReport: f.resultReport.value.trim() || null};
      if (await submit(ctx, settle, {method: 'PUT', path: `${path}/settlement`, body, etag, reload})) await done(tr(ctx, '精算を記録しました。', 'Settlement recorded.'));
    });
    root.append(settle);
  }
}
