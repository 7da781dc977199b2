// パブリックコメント (public comment procedures) in the staff console:
// #/{lg}/engagement/engagement-comments[/<id>]. The list (filter by phase, CSV) with the form that
// prepares a procedure; one procedure: its facts, the edit form (If-Match), 公示 (announce), the PDF
// documents, the submissions (names and addresses masked, CSV) with the form staff type in those that
// came by post, fax, e-mail or in person, the results (each opinion or a summary of several, the
// consideration, whether the draft changed, the final text) and their publication (approvers only).
// DOM built with kit.js, never innerHTML; every refusal shown as the API words it.
import {h, add, tr, field, pagedList, submit, notice, errorNotice, problemText, facts, conflictNotice} from '/ui/core/kit.js';
import {attachmentsSection} from './voice-attachments.js';

const PHASES = ['DRAFT', 'UPCOMING', 'OPEN', 'CLOSED', 'RESULTS_PUBLISHED'];
const PHASE_LABELS = {
  DRAFT: ['準備中', 'In preparation'], UPCOMING: ['募集開始前', 'Not yet open'], OPEN: ['意見募集中', 'Open for comments'],
  CLOSED: ['募集終了（結果公表前）', 'Closed (results not yet published)'], RESULTS_PUBLISHED: ['結果公表済', 'Results published'],
};
const KINDS = {PLAN: ['計画', 'Plan'], ORDINANCE: ['条例', 'Ordinance'], RULE: ['規則・要綱', 'Rule or guideline'], OTHER: ['その他', 'Other']};
const CHANNELS = {POST: ['郵送', 'Post'], FAX: ['ファクス', 'Fax'], EMAIL: ['電子メール', 'E-mail'], IN_PERSON: ['持参', 'In person']};

const canWrite = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);
const pair = (ctx, p, fallback) => (p ? tr(ctx, p[0], p[1]) : fallback || '');

function day(ctx, iso) {
  if (!iso) return '';
  const d = String(iso).substring(0, 10);
  const [y, m, dd] = d.split('-').map(Number);
  return ctx.lang === 'en' ? d : `${y}年${m}月${dd}日`;
}

function period(ctx, p) {
  return tr(ctx, `${day(ctx, p.periodStart)}〜${day(ctx, p.periodEnd)}（${p.periodDays}日間）`,
      `${day(ctx, p.periodStart)} to ${day(ctx, p.periodEnd)} (${p.periodDays} days)`);
}

async function units(ctx) {
  try {
    const p = await ctx.getJson('organization-units?size=100');
    return p.items || [];
  } catch (e) {
    return [];
  }
}

export default async function render(root, ctx) {
  const id = ctx.args && ctx.args[0];
  if (id) {
    await detail(root, ctx, id);
  } else {
    await list(root, ctx);
  }
}

/** The fields of a procedure (create and edit). */
function procedureFields(ctx, unitList, p = {}) {
  return [
    field(ctx, {name: 'title', label: tr(ctx, '案件名', 'Title'), value: p.title, required: true, attrs: {maxlength: 200}}),
    field(ctx, {name: 'kind', type: 'select', label: tr(ctx, '種類', 'Kind'), value: p.kind || 'PLAN', required: true,
      options: Object.keys(KINDS).map((k) => ({value: k, label: pair(ctx, KINDS[k])}))}),
    field(ctx, {name: 'unitId', type: 'select', label: tr(ctx, '担当課', 'Responsible unit'), value: p.unitId || '',
      options: [{value: '', label: tr(ctx, '未設定', 'Not set')}, ...unitList.map((u) => ({value: u.id, label: u.nameJa}))]}),
    field(ctx, {name: 'summary', type: 'textarea', label: tr(ctx, '案の概要', 'Summary of the draft'), value: p.summary,
      attrs: {maxlength: 4000}}),
    field(ctx, {name: 'periodStart', type: 'date', label: tr(ctx, '募集開始日', 'Period start'), value: p.periodStart, required: true}),
    field(ctx, {name: 'periodEnd', type: 'date', label: tr(ctx, '募集終了日', 'Period end'), value: p.periodEnd, required: true,
      hint: tr(ctx, '募集期間は開始日と終了日を含めて数えます。自治体の設定 (最短期間、既定 30 日) より短くするときは理由が必要で、理由は公表されます。',
          'The period counts both days. A period shorter than the municipality\'s minimum (30 days by default) needs a reason, which is published.')}),
    field(ctx, {name: 'shortPeriodReason', type: 'textarea', label: tr(ctx, '期間を短くする理由', 'Reason for a shorter period'),
      value: p.shortPeriodReason, attrs: {maxlength: 1000}}),
  ];
}

function procedureBody(form) {
  const f = form.elements;
  return {title: f.title.value, kind: f.kind.value, unitId: f.unitId.value || null, summary: f.summary.value,
    periodStart: f.periodStart.value || null, periodEnd: f.periodEnd.value || null, shortPeriodReason: f.shortPeriodReason.value};
}

// ---- list -------------------------------------------------------------------------------------

async function list(root, ctx) {
  const unitList = await units(ctx);
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, 'パブリックコメントの絞り込み', 'Filter public comments'),
    on: {submit: (e) => { e.preventDefault(); table.reload(); }}},
  field(ctx, {name: 'phase', type: 'select', label: tr(ctx, '状況', 'Phase'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...PHASES.map((p) => ({value: p, label: pair(ctx, PHASE_LABELS[p])}))]}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  filters.elements.phase.addEventListener('change', () => table.reload());
  const table = pagedList(ctx, {
    path: 'engagement/public-comments', csv: `public-comments-${ctx.lgCode}.csv`,
    caption: tr(ctx, 'パブリックコメントの一覧', 'Public comments'),
    query: () => ({phase: filters.elements.phase.value}),
    columns: [
      {label: tr(ctx, '案件名', 'Title'), render: (p) => h('a', {href: ctx.href(p.id), class: 'comment-link'}, p.title)},
      {label: tr(ctx, '種類', 'Kind'), render: (p) => p.kindLabel},
      {label: tr(ctx, '担当課', 'Unit'), render: (p) => p.unitName || '—'},
      {label: tr(ctx, '募集期間', 'Period'), render: (p) => period(ctx, p)},
      {label: tr(ctx, '状況', 'Phase'), render: (p) => (p.daysRemaining != null
        ? tr(ctx, `${p.phaseLabel}（残り${p.daysRemaining}日）`, `${p.phaseLabel} (${p.daysRemaining} days left)`) : p.phaseLabel)},
      {label: tr(ctx, '提出者数・意見数', 'Submitters / opinions'), render: (p) => `${p.submitters} / ${p.opinions}`},
    ],
  });
  let create = null;
  if (canWrite(ctx)) {
    create = h('form', {class: 'form comment-create', id: 'comment-create', novalidate: true});
    add(create, h('h2', {text: tr(ctx, 'パブリックコメントを準備する', 'Prepare a public comment')}), ...procedureFields(ctx, unitList),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'create-comment', text: tr(ctx, '作成', 'Create')})));
    create.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const r = await submit(ctx, create, {method: 'POST', path: 'engagement/public-comments', body: procedureBody(create)});
      if (r) {
        ctx.announce(tr(ctx, '作成しました。', 'Created.'));
        location.hash = ctx.href(r.body.id);
      }
    });
  }
  add(root, filters, table.element, create);
  await table.reload();
}

// ---- one procedure -----------------------------------------------------------------------------

async function detail(root, ctx, id) {
  const path = `engagement/public-comments/${encodeURIComponent(id)}`;
  const r = await ctx.api('GET', path);
  const back = h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← パブリックコメントの一覧へ', '← All public comments')));
  if (r.status !== 200) {
    add(root, back, errorNotice(ctx, {problem: r.problem, status: r.status}));
    return;
  }
  const p = r.body;
  let etag = r.etag;
  ctx.setTitle(`${tr(ctx, 'パブリックコメント', 'Public comment')}: ${p.title}`);
  const reload = () => { root.replaceChildren(); return detail(root, ctx, id); };
  const done = async (text) => {
    await reload();
    root.prepend(notice(text));
    ctx.announce(text);
  };
  add(root, back,
      facts([
        [tr(ctx, '案件名', 'Title'), p.title],
        [tr(ctx, '種類', 'Kind'), p.kindLabel],
        [tr(ctx, '担当課', 'Responsible unit'), p.unitName || '—'],
        [tr(ctx, '募集期間', 'Period'), period(ctx, p)],
        [tr(ctx, '状況', 'Phase'), h('span', {class: 'comment-phase', text: p.daysRemaining != null
          ? tr(ctx, `${p.phaseLabel}（残り${p.daysRemaining}日）`, `${p.phaseLabel} (${p.daysRemaining} days left)`) : p.phaseLabel})],
        [tr(ctx, '期間を短くした理由', 'Reason for a shorter period'), p.shortPeriodReason || '—'],
        [tr(ctx, '提出者数', 'Submitters'), String(p.submitters)],
        [tr(ctx, '意見数', 'Opinions'), String(p.opinions)],
      ]));
  const write = canWrite(ctx);
  if (write && p.phase !== 'RESULTS_PUBLISHED') {
    const form = h('form', {class: 'form comment-edit', id: 'comment-edit', novalidate: true});
    add(form, h('h2', {text: tr(ctx, '内容の編集', 'Edit')}), ...procedureFields(ctx, await units(ctx), p),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-comment', text: tr(ctx, '保存', 'Save')})));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const saved = await submit(ctx, form, {method: 'PUT', path, body: procedureBody(form), etag, reload});
      if (saved) await done(tr(ctx, '保存しました。', 'Saved.'));
    });
    root.append(form);
  }
  if (write && p.phase === 'DRAFT') {
    const result = h('div', {'aria-live': 'polite'});
    const button = h('button', {type: 'button', class: 'btn btn-primary', id: 'announce-comment', text: tr(ctx, '公示する', 'Announce'),
      on: {click: async () => {
        result.replaceChildren();
        const a = await ctx.api('POST', `${path}/announce`, {etag});
        if (a.status === 200) await done(tr(ctx, '公示しました。募集期間中はポータルから意見を受け付けます。', 'Announced. Opinions are accepted on the portal during the period.'));
        else if (a.status === 412) result.append(conflictNotice(ctx, reload));
        else result.append(notice(problemText(ctx, a.problem, a.status), 'error'));
      }}});
    add(root, h('section', {class: 'comment-announce'}, h('h2', {text: tr(ctx, '公示', 'Announcement')}),
        h('p', {class: 'hint', text: tr(ctx, '公示すると、案件と資料がポータルに掲載され、募集期間中は意見を受け付けます。', 'Once announced, the procedure and its documents are on the portal and opinions are accepted during the period.')}),
        h('div', {class: 'toolbar'}, button), result));
  }
  add(root, attachmentsSection(ctx, path, {sub: 'documents', heading: tr(ctx, '資料 (PDF)', 'Documents (PDF)'),
    hint: tr(ctx, '案の本文・概要・最終的な本文などの PDF を添付します。公示後はポータルで誰でも閲覧できます。個人情報を含めないでください。',
        'Attach the draft, its explanation and the final text as PDF. Once announced, anyone can read them on the portal; put no personal data in them.')}));
  root.append(submissionsSection(ctx, path, p, reload, done));
  if (p.phase === 'CLOSED' || p.phase === 'RESULTS_PUBLISHED') {
    root.append(await resultsSection(ctx, path, p, () => etag, (e) => { etag = e; }, reload, done));
  }
}

function submissionsSection(ctx, path, p, reload, done) {
  const table = pagedList(ctx, {
    path: `${path}/submissions`, csv: 'public-comment-submissions.csv', caption: tr(ctx, '提出された意見', 'Submissions'),
    columns: [
      {label: tr(ctx, '受付番号', 'Receipt number'), render: (s) => s.receiptNumber},
      {label: tr(ctx, '受付日', 'Received'), render: (s) => day(ctx, s.receivedAt)},
      {label: tr(ctx, '提出方法', 'Channel'), render: (s) => s.channelLabel},
      {label: tr(ctx, '氏名 (マスク)', 'Name (masked)'), render: (s) => s.submitterName || '—'},
      {label: tr(ctx, '意見数', 'Opinions'), render: (s) => String(s.opinionCount)},
      {label: tr(ctx, '意見', 'Opinion'), render: (s) => s.opinion},
    ],
  });
  const section = h('section', {class: 'comment-submissions', 'aria-labelledby': 'submissions-heading'},
      h('h2', {id: 'submissions-heading', text: tr(ctx, '提出された意見', 'Submissions')}),
      h('p', {class: 'hint', text: tr(ctx, '提出者の氏名・住所は伏せて表示しています。', 'Submitters\' names and addresses are shown masked.')}),
      table.element);
  table.reload();
  if (canWrite(ctx) && p.phase !== 'DRAFT' && p.phase !== 'RESULTS_PUBLISHED') {
    const form = h('form', {class: 'form comment-typein', id: 'comment-typein', novalidate: true});
    add(form, h('h3', {text: tr(ctx, '郵送・持参などの意見を登録する', 'Register an opinion that came by post, fax or in person')}),
        field(ctx, {name: 'channel', type: 'select', label: tr(ctx, '提出方法', 'Channel'), value: 'POST', required: true,
          options: Object.keys(CHANNELS).map((c) => ({value: c, label: pair(ctx, CHANNELS[c])}))}),
        field(ctx, {name: 'receivedOn', type: 'date', label: tr(ctx, '受付日', 'Received on'), required: true,
          hint: tr(ctx, '募集期間内の日付にしてください。', 'A day within the period.')}),
        field(ctx, {name: 'name', label: tr(ctx, '氏名', 'Name'), attrs: {maxlength: 100}}),
        field(ctx, {name: 'address', label: tr(ctx, '住所', 'Address'), attrs: {maxlength: 300}}),
        field(ctx, {name: 'opinionCount', type: 'number', label: tr(ctx, '意見数', 'Number of opinions'), value: '1'}),
        field(ctx, {name: 'opinion', type: 'textarea', label: tr(ctx, '意見', 'Opinion'), required: true, attrs: {maxlength: 4000}}),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'typein-submit', text: tr(ctx, '登録', 'Register')})));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = form.elements;
      const count = Number(f.opinionCount.value);
      const body = {channel: f.channel.value, receivedOn: f.receivedOn.value || null, name: f.name.value, address: f.address.value,
        opinion: f.opinion.value, opinionCount: Number.isInteger(count) ? count : f.opinionCount.value};
      const r = await submit(ctx, form, {method: 'POST', path: `${path}/submissions`, body, reload});
      if (r) await done(tr(ctx, `登録しました (受付番号 ${r.body.receiptNumber})。`, `Registered (receipt number ${r.body.receiptNumber}).`));
    });
    section.append(form);
  }
  return section;
}

/** One line of the results as a fieldset. */
function responseRow(ctx, i, r = {}) {
  const legend = h('legend', {text: tr(ctx, `意見 ${i + 1}`, `Opinion ${i + 1}`)});
  const set = h('fieldset', {class: 'comment-response', dataset: {index: String(i)}}, legend,
      field(ctx, {name: `responses[${i}].opinion`, type: 'textarea', label: tr(ctx, '意見の概要', 'Opinion (summary)'), value: r.opinion, required: true}),
      field(ctx, {name: `responses[${i}].opinionCount`, type: 'number', label: tr(ctx, '件数', 'Count'), value: String(r.opinionCount || 1)}),
      field(ctx, {name: `responses[${i}].consideration`, type: 'textarea', label: tr(ctx, '市の考え方', 'The city\'s consideration'), value: r.consideration, required: true}),
      field(ctx, {name: `responses[${i}].draftChanged`, type: 'checkbox', label: tr(ctx, 'この意見により案を修正した', 'The draft was changed because of it'), value: r.draftChanged}));
  return set;
}

async function resultsSection(ctx, path, p, getEtag, setEtag, reload, done) {
  const section = h('section', {class: 'comment-results', 'aria-labelledby': 'results-heading'},
      h('h2', {id: 'results-heading', text: tr(ctx, '結果', 'Results')}));
  const published = p.phase === 'RESULTS_PUBLISHED';
  if (published || !canWrite(ctx)) {
    add(section, p.responses.length
      ? h('ol', {class: 'comment-responses'}, p.responses.map((x) => h('li', {},
          h('p', {text: `${x.opinion}（${x.opinionCount}${tr(ctx, '件', '')}）`}),
          h('p', {text: `${tr(ctx, '市の考え方', 'Consideration')}: ${x.consideration}`}),
          h('p', {text: x.draftChanged ? tr(ctx, '案を修正しました', 'Draft changed') : tr(ctx, '案の修正なし', 'Draft not changed')}))))
      : h('p', {text: tr(ctx, '意見の提出はありませんでした。', 'No opinions were submitted.')}),
    p.resultSummary ? h('p', {text: p.resultSummary}) : null,
    published ? notice(tr(ctx, `結果を公表しました (${day(ctx, p.resultsPublishedAt)})。`, `Results published (${day(ctx, p.resultsPublishedAt)}).`)) : null);
    return section;
  }
  const docs = await ctx.api('GET', `${path}/documents?size=100`);
  const documents = docs.status === 200 ? docs.body.items || [] : [];
  const rows = h('div', {class: 'comment-response-rows'});
  let count = 0;
  const addRow = (r) => { rows.append(responseRow(ctx, count, r)); count += 1; };
  p.responses.forEach(addRow);
  const form = h('form', {class: 'form comment-results-form', id: 'comment-results', novalidate: true});
  add(form,
      h('p', {class: 'hint', text: tr(ctx, '意見ごとに、または似た意見をまとめて、概要と市の考え方を書きます。提出者の氏名や住所は書かないでください。',
          'Give each opinion, or a summary of similar ones, with the city\'s consideration. Do not write submitters\' names or addresses.')}),
      rows,
      h('div', {class: 'toolbar'}, h('button', {type: 'button', class: 'btn', id: 'add-response', text: tr(ctx, '意見を追加', 'Add an opinion'),
        on: {click: () => addRow({})}})),
      field(ctx, {name: 'resultSummary', type: 'textarea', label: tr(ctx, '結果の概要', 'Summary of the results'), value: p.resultSummary}),
      field(ctx, {name: 'finalTextId', type: 'select', label: tr(ctx, '最終的な本文 (資料から選ぶ)', 'Final text (one of the documents)'),
        value: p.finalTextId || '', options: [{value: '', label: tr(ctx, 'なし', 'None')}, ...documents.map((d) => ({value: d.id, label: d.fileName}))]}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-results', text: tr(ctx, '結果を保存', 'Save the results')})));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const responses = [...rows.querySelectorAll('fieldset')].map((set) => {
      const i = set.dataset.index;
      const v = (n) => set.querySelector(`[name="responses[${i}].${n}"]`);
      const c = Number(v('opinionCount').value);
      return {opinion: v('opinion').value, opinionCount: Number.isInteger(c) ? c : v('opinionCount').value,
        consideration: v('consideration').value, draftChanged: v('draftChanged').checked};
    });
    const body = {responses, resultSummary: form.elements.resultSummary.value, finalTextId: form.elements.finalTextId.value || null};
    const saved = await submit(ctx, form, {method: 'PUT', path: `${path}/results`, body, etag: getEtag(), reload});
    if (saved) {
      setEtag(saved.etag);
      await done(tr(ctx, '結果を保存しました。', 'Results saved.'));
    }
  });
  const publishResult = h('div', {'aria-live': 'polite'});
  const publish = h('button', {type: 'button', class: 'btn btn-primary', id: 'publish-results', text: tr(ctx, '結果を公表する', 'Publish the results'),
    on: {click: async () => {
      publishResult.replaceChildren();
      const a = await ctx.api('POST', `${path}/publish-results`, {etag: getEtag()});
      if (a.status === 200) await done(tr(ctx, '結果を公表しました。', 'Results published.'));
      else if (a.status === 412) publishResult.append(conflictNotice(ctx, reload));
      else publishResult.append(notice(problemText(ctx, a.problem, a.status), 'error'));
    }}});
  add(section, form, h('h3', {text: tr(ctx, '結果の公表', 'Publication')}),
      h('p', {class: 'hint', text: tr(ctx, '公表できるのは決裁の権限を持つ職員です。公表すると、提出者数・意見数・意見と市の考え方・最終的な本文がポータルに掲載されます。',
          'Staff holding the approval role publish. Publishing puts the counts, the opinions with the city\'s consideration and the final text on the portal.')}),
      h('div', {class: 'toolbar'}, publish), publishResult);
  return section;
}
