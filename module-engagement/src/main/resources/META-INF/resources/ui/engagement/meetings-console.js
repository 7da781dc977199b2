// タウンミーティング (town meetings) in the staff console: #/{lg}/engagement/engagement-meetings[/<id>].
// The list (filters fiscal year / status / kind, CSV) with the form to record a meeting; one meeting: its
// details (held with participants, cancelled with a reason, the report's summary and publication) sent with
// If-Match, and its opinions: each recorded without names, assigned to a unit and moved to 対応中 / 完了 with
// the city's response (every change raises the meeting's version). DOM built with kit.js, never innerHTML.
import {h, add, tr, field, pagedList, submit, notice, errorNotice, facts} from '/ui/core/kit.js';

const KINDS = {DISTRICT: ['地区別タウンミーティング', 'District town meeting'], CITYWIDE: ['全市タウンミーティング', 'City-wide town meeting'],
  STUDENT: ['学生懇談会', 'Student dialogue'], OTHER: ['その他の懇談会', 'Other dialogue']};
const STATUSES = {PLANNED: ['開催予定', 'Planned'], HELD: ['開催済', 'Held'], CANCELLED: ['中止', 'Cancelled']};
const OPINION_STATUSES = {OPEN: ['受付', 'Recorded'], IN_PROGRESS: ['対応中', 'Being handled'], CLOSED: ['完了', 'Closed']};
const canHandle = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);
const options = (ctx, map) => Object.entries(map).map(([v, l]) => ({value: v, label: tr(ctx, l[0], l[1])}));

function day(ctx, iso) {
  if (!iso) return '—';
  const [y, m, d] = String(iso).substring(0, 10).split('-').map(Number);
  return ctx.lang === 'en' ? String(iso).substring(0, 10) : `${y}年${m}月${d}日`;
}

function fiscalYears() {
  const now = new Date(Date.now() + 9 * 3600 * 1000);
  const current = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const years = [];
  for (let y = current + 1; y >= current - 8; y -= 1) years.push(y);
  return years;
}

function wareki(ctx, y) {
  if (ctx.lang === 'en') return `FY${y}`;
  if (y >= 2019) return y === 2019 ? '令和元年度' : `令和${y - 2018}年度`;
  return `平成${y - 1988}年度`;
}

async function units(ctx) {
  try {
    return (await ctx.getJson('organization-units?size=100')).items || [];
  } catch (e) {
    return [];
  }
}

export default async function render(root, ctx) {
  const id = ctx.args && ctx.args[0];
  if (id) await detail(root, ctx, id);
  else await list(root, ctx);
}

/** The meeting's fields, filled from {@code m} (empty for a new one). */
function meetingFields(ctx, m) {
  return [
    field(ctx, {name: 'title', label: tr(ctx, '名称', 'Title'), required: true, value: m.title || '', attrs: {maxlength: 200}}),
    field(ctx, {name: 'kind', type: 'select', label: tr(ctx, '種別', 'Kind'), required: true, value: m.kind || 'DISTRICT', options: options(ctx, KINDS)}),
    field(ctx, {name: 'status', type: 'select', label: tr(ctx, '状態', 'Status'), required: true, value: m.status || 'PLANNED', options: options(ctx, STATUSES)}),
    field(ctx, {name: 'meetingDate', type: 'date', label: tr(ctx, '開催日', 'Date'), value: m.meetingDate || '',
      hint: tr(ctx, '開催済にするには必要です。未定のときは年度を選んでください。', 'Needed once held; while it is not fixed, choose the fiscal year.')}),
    field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'), value: m.fiscalYear ? String(m.fiscalYear) : '',
      options: [{value: '', label: tr(ctx, '開催日から', 'From the date')}, ...fiscalYears().map((y) => ({value: String(y), label: wareki(ctx, y)}))]}),
    field(ctx, {name: 'theme', label: tr(ctx, 'テーマ', 'Theme'), value: m.theme || '', attrs: {maxlength: 500}}),
    field(ctx, {name: 'district', label: tr(ctx, '地区', 'District'), value: m.district || '', attrs: {maxlength: 100}}),
    field(ctx, {name: 'venue', label: tr(ctx, '会場', 'Venue'), value: m.venue || '', attrs: {maxlength: 200}}),
    field(ctx, {name: 'online', type: 'checkbox', label: tr(ctx, 'オンラインで開催', 'Held online'), value: !!m.online}),
    field(ctx, {name: 'participants', type: 'number', label: tr(ctx, '参加者数', 'Participants'),
      value: m.participants === null || m.participants === undefined ? '' : String(m.participants)}),
    field(ctx, {name: 'cancelReason', type: 'textarea', label: tr(ctx, '中止の理由', 'Why it was cancelled'), value: m.cancelReason || ''}),
    field(ctx, {name: 'reportSummary', type: 'textarea', label: tr(ctx, '報告 (公表する要旨)', 'Report (published summary)'), value: m.reportSummary || '',
      hint: tr(ctx, '発言者を特定できる情報を書かないでください。', 'Write nothing that identifies a speaker.')}),
    field(ctx, {name: 'reportPublished', type: 'checkbox', label: tr(ctx, '報告をポータルで公表する', 'Publish the report on the portal'), value: !!m.reportPublished}),
  ];
}

function meetingBody(form) {
  const f = form.elements;
  const participants = f.participants.value.trim();
  return {title: f.title.value, kind: f.kind.value, status: f.status.value, meetingDate: f.meetingDate.value || null,
    fiscalYear: f.fiscalYear.value ? Number(f.fiscalYear.value) : null, theme: f.theme.value, district: f.district.value,
    venue: f.venue.value, online: f.online.checked, participants: participants === '' ? null : (/^\d+$/.test(participants) ? Number(participants) : participants),
    cancelReason: f.cancelReason.value, reportSummary: f.reportSummary.value, reportPublished: f.reportPublished.checked};
}

async function list(root, ctx) {
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, 'タウンミーティングの絞り込み', 'Filter town meetings'),
    on: {submit: (e) => { e.preventDefault(); table.reload(); }}},
  field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...fiscalYears().map((y) => ({value: String(y), label: wareki(ctx, y)}))]}),
  field(ctx, {name: 'status', type: 'select', label: tr(ctx, '状態', 'Status'), options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...options(ctx, STATUSES)]}),
  field(ctx, {name: 'kind', type: 'select', label: tr(ctx, '種別', 'Kind'), options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...options(ctx, KINDS)]}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  for (const name of ['fiscalYear', 'status', 'kind']) filters.elements[name].addEventListener('change', () => table.reload());
  const table = pagedList(ctx, {
    path: 'engagement/meetings', csv: `town-meetings-${ctx.lgCode}.csv`, caption: tr(ctx, 'タウンミーティングの一覧', 'Town meetings'),
    query: () => ({fiscalYear: filters.elements.fiscalYear.value, status: filters.elements.status.value, kind: filters.elements.kind.value}),
    columns: [
      {label: tr(ctx, '名称', 'Title'), render: (m) => h('a', {href: ctx.href(m.id), class: 'meeting-link'}, m.title)},
      {label: tr(ctx, '年度', 'Fiscal year'), render: (m) => m.fiscalYearLabel},
      {label: tr(ctx, '開催日', 'Date'), render: (m) => day(ctx, m.meetingDate)},
      {label: tr(ctx, '種別', 'Kind'), render: (m) => m.kindLabel},
      {label: tr(ctx, '状態', 'Status'), render: (m) => m.statusLabel},
      {label: tr(ctx, '参加者数', 'Participants'), render: (m) => (m.participants ?? '—')},
      {label: tr(ctx, '未完了の意見', 'Opinions open'), render: (m) => `${m.opinionsOpen} / ${m.opinions.length}`},
      {label: tr(ctx, '報告', 'Report'), render: (m) => (m.reportPublished ? tr(ctx, '公表中', 'Published') : tr(ctx, '非公表', 'Not published'))},
    ],
  });
  let create = null;
  if (canHandle(ctx)) {
    const form = h('form', {class: 'form meeting-create', id: 'meeting-create', novalidate: true}, ...meetingFields(ctx, {}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'create-meeting', text: tr(ctx, '登録する', 'Record')})));
    const result = h('div', {'aria-live': 'polite'});
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      result.replaceChildren();
      const r = await submit(ctx, form, {method: 'POST', path: 'engagement/meetings', body: meetingBody(form)});
      if (r) {
        form.reset();
        result.append(notice(tr(ctx, `「${r.body.title}」を登録しました。`, `Recorded "${r.body.title}".`)));
        await table.reload();
      }
    });
    create = h('details', {class: 'meeting-create-box'}, h('summary', {text: tr(ctx, 'タウンミーティングを登録する', 'Record a town meeting')}), form, result);
  }
  add(root, create, filters, table.element);
  await table.reload();
}

async function detail(root, ctx, id) {
  const path = `engagement/meetings/${encodeURIComponent(id)}`;
  const back = h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← タウンミーティングの一覧へ', '← All town meetings')));
  const r = await ctx.api('GET', path);
  if (r.status !== 200) {
    add(root, back, errorNotice(ctx, {problem: r.problem, status: r.status}));
    return;
  }
  const m = r.body;
  ctx.setTitle(m.title);
  const reload = async (message) => {
    root.replaceChildren();
    await detail(root, ctx, id);
    if (typeof message === 'string') root.prepend(notice(message));
  };
  add(root, back, facts([
    [tr(ctx, '年度', 'Fiscal year'), m.fiscalYearLabel], [tr(ctx, '種別', 'Kind'), m.kindLabel],
    [tr(ctx, '状態', 'Status'), h('span', {class: 'meeting-status', text: m.statusLabel})], [tr(ctx, '開催日', 'Date'), day(ctx, m.meetingDate)],
    [tr(ctx, '会場', 'Venue'), m.online ? tr(ctx, 'オンライン', 'Online') : (m.venue || '—')], [tr(ctx, '参加者数', 'Participants'), m.participants ?? '—'],
    [tr(ctx, '報告', 'Report'), m.reportPublished ? tr(ctx, '公表中', 'Published') : tr(ctx, '非公表', 'Not published')],
  ]));
  const unitList = await units(ctx);
  const unitOptions = [{value: '', label: tr(ctx, '未割当', 'Not assigned')}, ...unitList.map((u) => ({value: u.id, label: u.nameJa}))];
  // The opinions: a table, and (staff) a form per opinion and one to record a new one.
  const opinions = h('section', {class: 'meeting-opinions', id: 'meeting-opinions'}, h('h2', {text: tr(ctx, '出された意見', 'Opinions raised')}));
  if (!m.opinions.length) opinions.append(h('p', {class: 'hint', text: tr(ctx, '記録した意見はまだありません。', 'No opinions recorded yet.')}));
  for (const o of m.opinions) {
    const form = h('form', {class: 'form meeting-opinion', dataset: {seq: String(o.seq)}, novalidate: true},
      h('h3', {text: `${tr(ctx, '意見', 'Opinion')} ${o.seq} — ${o.statusLabel}`}),
      field(ctx, {name: 'opinion', type: 'textarea', label: tr(ctx, '意見 (発言者名は書かない)', 'Opinion (no names)'), value: o.opinion, required: true}),
      field(ctx, {name: 'unitId', type: 'select', label: tr(ctx, '担当課', 'Unit'), value: o.unitId || '', options: unitOptions}),
      field(ctx, {name: 'status', type: 'select', label: tr(ctx, '状況', 'Status'), value: o.status, options: options(ctx, OPINION_STATUSES)}),
      field(ctx, {name: 'response', type: 'textarea', label: tr(ctx, '市の対応', 'The city\'s response'), value: o.response || ''}),
      canHandle(ctx) ? h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', text: tr(ctx, '意見を保存', 'Save the opinion')})) : null);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = form.elements;
      const saved = await submit(ctx, form, {method: 'PUT', path: `${path}/opinions/${o.id}`, etag: r.etag, reload,
        body: {opinion: f.opinion.value, unitId: f.unitId.value || null, status: f.status.value, response: f.response.value}});
      if (saved) await reload(tr(ctx, '意見を保存しました。', 'The opinion is saved.'));
    });
    opinions.append(form);
  }
  if (canHandle(ctx) && m.status === 'HELD') {
    const form = h('form', {class: 'form meeting-opinion-new', id: 'meeting-opinion-new', novalidate: true},
      h('h3', {text: tr(ctx, '意見を記録する', 'Record an opinion')}),
      field(ctx, {name: 'opinion', type: 'textarea', label: tr(ctx, '意見 (発言者名は書かない)', 'Opinion (no names)'), required: true}),
      field(ctx, {name: 'unitId', type: 'select', label: tr(ctx, '担当課', 'Unit'), options: unitOptions}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'add-opinion', text: tr(ctx, '記録する', 'Record')})));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = form.elements;
      const saved = await submit(ctx, form, {method: 'POST', path: `${path}/opinions`, etag: r.etag, reload,
        body: {opinion: f.opinion.value, unitId: f.unitId.value || null}});
      if (saved) await reload(tr(ctx, '意見を記録しました。', 'The opinion is recorded.'));
    });
    opinions.append(form);
  }
  if (canHandle(ctx)) {
    const form = h('form', {class: 'form', id: 'meeting-form', novalidate: true}, h('h2', {text: tr(ctx, '開催の記録', 'The meeting')}),
      ...meetingFields(ctx, m), h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-meeting', text: tr(ctx, '保存', 'Save')})));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const saved = await submit(ctx, form, {method: 'PUT', path, body: meetingBody(form), etag: r.etag, reload});
      if (saved) await reload(tr(ctx, '保存しました。', 'Saved.'));
    });
    root.append(form);
  } else {
    add(root, m.reportSummary ? h('p', {text: m.reportSummary}) : null);
  }
  root.append(opinions);
}
