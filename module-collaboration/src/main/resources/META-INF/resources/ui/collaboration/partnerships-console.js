// 連携協定・創業支援 in the staff console: #/{lg}/collaboration/collaboration-partnerships[/<id>|/new|/grant-<id>|/grant-new].
// Partnership agreements (連携協定: party, kind, dates, fields; filters kind / in force / words; CSV) and one
// agreement with its activities (連携事業: date, title, kind from the municipality's list, participants), each
// change saved with the agreement's If-Match; start-up support per fiscal year (創業支援件数, 新規起業家数 and
// their running total, empty-shop grants of the year; CSV), each year recorded once and changed with its own
// If-Match; empty-shop grants (空き店舗活用補助金: business, shop address, amount, decision date; CSV).
// Invented demo data is labelled as such.
import {h, add, tr, field, pagedList, submit, notice, errorNotice, fiscalYearLabel} from '/ui/core/kit.js';

const canEdit = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);
const num = (n) => (n == null ? '—' : Number(n).toLocaleString('ja-JP'));
const KINDS = [['UNIVERSITY', '大学', 'University'], ['COMPANY', '企業', 'Company'],
  ['FINANCIAL_INSTITUTION', '金融機関', 'Financial institution'], ['OTHER', 'その他', 'Other']];
const invented = (ctx, x) => (x.invented ? tr(ctx, '架空のデモデータ', 'Invented demo data') : '');

function years() {
  const now = new Date();
  const current = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  const list = [];
  for (let y = current; y >= current - 12; y -= 1) list.push(y);
  return list;
}

export default async function render(root, ctx) {
  const arg = ctx.args && ctx.args[0];
  if (arg && arg.startsWith('grant-')) {
    await grantDetail(root, ctx, arg === 'grant-new' ? null : arg.substring(6));
  } else if (arg) {
    await agreementDetail(root, ctx, arg === 'new' ? null : arg);
  } else {
    await overview(root, ctx);
  }
}

function table(caption, head, rows, cls) {
  return h('table', {class: `list ${cls}`}, h('caption', {text: caption}),
      h('thead', {}, h('tr', {}, head.map((t) => h('th', {scope: 'col', text: t})))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c, i) => (i === 0 ? h('th', {scope: 'row'}, c) : h('td', {}, c)))))));
}

async function overview(root, ctx) {
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '連携協定の絞り込み', 'Filter agreements'),
    on: {submit: (e) => { e.preventDefault(); agreements.reload(); }}},
  field(ctx, {name: 'kind', type: 'select', label: tr(ctx, '種別', 'Kind'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...KINDS.map(([v, ja, en]) => ({value: v, label: tr(ctx, ja, en)}))]}),
  field(ctx, {name: 'active', type: 'select', label: tr(ctx, '状態', 'State'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, {value: 'true', label: tr(ctx, '有効な協定', 'In force')}]}),
  field(ctx, {name: 'q', label: tr(ctx, 'キーワード', 'Words'), attrs: {maxlength: 200}}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  const agreements = pagedList(ctx, {
    path: 'collaboration/partnerships', csv: `partnerships-${ctx.lgCode}.csv`, caption: tr(ctx, '連携協定の一覧', 'Partnership agreements'),
    query: () => ({kind: filters.elements.kind.value, active: filters.elements.active.value, q: filters.elements.q.value.trim()}),
    columns: [
      {label: tr(ctx, '協定', 'Agreement'), render: (a) => h('a', {href: ctx.href(a.id), class: 'partnership-link'}, a.title)},
      {label: tr(ctx, '相手方', 'Other party'), render: (a) => a.partnerName},
      {label: tr(ctx, '種別', 'Kind'), render: (a) => a.kindLabel},
      {label: tr(ctx, '締結日', 'Concluded'), render: (a) => a.concludedOn},
      {label: tr(ctx, '連携事業', 'Activities'), render: (a) => String(a.activityCount)},
      {label: tr(ctx, 'データ', 'Data'), render: (a) => invented(ctx, a)},
    ],
  });

  const startup = h('div', {class: 'startup-years', 'aria-live': 'polite'});
  async function showYears() {
    const r = await ctx.api('GET', 'collaboration/startups/years?size=50');
    if (r.status !== 200) {
      startup.replaceChildren(errorNotice(ctx, {problem: r.problem, status: r.status}));
      return;
    }
    const items = r.body.items;
    startup.replaceChildren(items.length
      ? table(tr(ctx, '創業支援の実績 (年度別)', 'Start-up support per fiscal year'),
          [tr(ctx, '年度', 'Fiscal year'), tr(ctx, '創業支援件数', 'Supported'), tr(ctx, '新規起業家数', 'New entrepreneurs'),
            tr(ctx, '新規起業家数 (累計)', 'New entrepreneurs (cumulative)'), tr(ctx, '空き店舗活用補助金', 'Empty-shop grants'),
            tr(ctx, 'データ', 'Data')],
          items.map((y) => [y.fiscalYearLabel, num(y.entrepreneursSupported), num(y.newBusinesses), num(y.newBusinessesCumulative),
            `${num(y.vacantShopGrants)} ${tr(ctx, '件', '')} / ${num(y.vacantShopGrantAmount)} ${tr(ctx, '円', 'yen')}`, invented(ctx, y)]),
          'startup-table')
      : h('p', {class: 'hint', text: tr(ctx, '創業支援の実績はまだ記録されていません。', 'No start-up support recorded yet.')}),
    h('p', {}, h('a', {href: `/api/v1/municipalities/${ctx.lgCode}/collaboration/startups/years?format=csv`, class: 'btn',
      download: `startup-years-${ctx.lgCode}.csv`, text: tr(ctx, 'CSV をダウンロード', 'Download CSV')})));
    if (canEdit(ctx)) startup.append(yearForm(ctx, items, showYears));
  }

  const grantFilters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '補助金の絞り込み', 'Filter grants'),
    on: {submit: (e) => { e.preventDefault(); grants.reload(); }}},
  field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...years().map((y) => ({value: String(y), label: fiscalYearLabel(y, ctx.lang)}))]}),
  field(ctx, {name: 'q', label: tr(ctx, 'キーワード', 'Words'), attrs: {maxlength: 200}}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  const grants = pagedList(ctx, {
    path: 'collaboration/startups/vacant-shop-grants', csv: `vacant-shop-grants-${ctx.lgCode}.csv`,
    caption: tr(ctx, '空き店舗活用補助金の交付', 'Empty-shop grants'),
    query: () => ({fiscalYear: grantFilters.elements.fiscalYear.value, q: grantFilters.elements.q.value.trim()}),
    columns: [
      {label: tr(ctx, '事業者', 'Business'), render: (g) => h('a', {href: ctx.href(`grant-${g.id}`), class: 'grant-link'}, g.applicant)},
      {label: tr(ctx, '年度', 'Fiscal year'), render: (g) => g.fiscalYearLabel},
      {label: tr(ctx, '店舗の所在地', 'Shop address'), render: (g) => g.shopAddress},
      {label: tr(ctx, '交付額 (円)', 'Amount (yen)'), render: (g) => num(g.amount)},
      {label: tr(ctx, '交付決定日', 'Decided'), render: (g) => g.decidedOn},
      {label: tr(ctx, 'データ', 'Data'), render: (g) => invented(ctx, g)},
    ],
  });

  add(root,
      h('h2', {text: tr(ctx, '連携協定', 'Partnership agreements')}),
      canEdit(ctx) ? h('p', {}, h('a', {href: ctx.href('new'), class: 'btn', id: 'new-partnership', text: tr(ctx, '連携協定を登録', 'Record an agreement')})) : null,
      filters, agreements.element,
      h('h2', {text: tr(ctx, '創業支援', 'Start-up support')}), startup,
      h('h2', {text: tr(ctx, '空き店舗活用補助金', 'Empty-shop grants')}),
      canEdit(ctx) ? h('p', {}, h('a', {href: ctx.href('grant-new'), class: 'btn', id: 'new-grant', text: tr(ctx, '交付を登録', 'Record a grant')})) : null,
      grantFilters, grants.element);
  await Promise.all([agreements.reload(), showYears(), grants.reload()]);
}

function yearForm(ctx, items, reload) {
  const form = h('form', {class: 'form', id: 'startup-year-form', novalidate: true},
      h('h3', {text: tr(ctx, '年度の実績を記録・変更', 'Record or change a year\'s figures')}),
      field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'), required: true,
        options: years().map((y) => ({value: String(y), label: fiscalYearLabel(y, ctx.lang)}))}),
      field(ctx, {name: 'entrepreneursSupported', type: 'number', label: tr(ctx, '創業支援件数', 'Entrepreneurs supported'), required: true}),
      field(ctx, {name: 'newBusinesses', type: 'number', label: tr(ctx, '新規起業家数', 'New entrepreneurs'), required: true}),
      field(ctx, {name: 'note', type: 'textarea', label: tr(ctx, '備考', 'Note')}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-startup-year', text: tr(ctx, '記録', 'Record')})));
  const fill = () => {
    const y = items.find((x) => String(x.fiscalYear) === form.elements.fiscalYear.value);
    form.elements.entrepreneursSupported.value = y ? y.entrepreneursSupported : '';
    form.elements.newBusinesses.value = y ? y.newBusinesses : '';
    form.elements.note.value = y && y.note ? y.note : '';
  };
  form.elements.fiscalYear.addEventListener('change', fill);
  fill();
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const n = (x) => (f[x].value.trim() === '' ? null : Number(f[x].value));
    const fy = f.fiscalYear.value;
    const existing = items.find((x) => String(x.fiscalYear) === fy);
    const body = {entrepreneursSupported: n('entrepreneursSupported'), newBusinesses: n('newBusinesses'), note: f.note.value.trim() || null};
    const saved = await submit(ctx, form, existing
      ? {method: 'PUT', path: `collaboration/startups/years/${fy}`, body, etag: `"${existing.version}"`, reload}
      : {method: 'POST', path: 'collaboration/startups/years', body: {...body, fiscalYear: fy}});
    if (saved) { await reload(); }
  });
  return form;
}

async function agreementDetail(root, ctx, id) {
  const path = id ? `collaboration/partnerships/${encodeURIComponent(id)}` : 'collaboration/partnerships';
  const back = h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 連携協定・創業支援へ', '← Partnerships and start-ups')));
  let a = null;
  let etag = null;
  if (id) {
    const r = await ctx.api('GET', path);
    if (r.status !== 200) {
      add(root, back, errorNotice(ctx, {problem: r.problem, status: r.status}));
      return;
    }
    a = r.body;
    etag = r.etag;
    ctx.setTitle(a.title);
  } else {
    ctx.setTitle(tr(ctx, '連携協定を登録', 'Record an agreement'));
  }
  const reload = () => { root.replaceChildren(); return agreementDetail(root, ctx, id); };
  const form = h('form', {class: 'form', id: 'partnership-form', novalidate: true},
      a && a.invented ? notice(tr(ctx, 'この協定にはデモ用の架空の値が含まれます (備考を参照)。', 'This agreement holds invented demo values (see the note).')) : null,
      field(ctx, {name: 'title', label: tr(ctx, '協定名', 'Agreement'), value: a && a.title, required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'partnerName', label: tr(ctx, '相手方', 'Other party'), value: a && a.partnerName, required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'kind', type: 'select', label: tr(ctx, '種別', 'Kind'), value: a ? a.kind : 'UNIVERSITY', required: true,
        options: KINDS.map(([v, ja, en]) => ({value: v, label: tr(ctx, ja, en)}))}),
      field(ctx, {name: 'concludedOn', type: 'date', label: tr(ctx, '締結日', 'Concluded'), value: a && a.concludedOn, required: true}),
      field(ctx, {name: 'endsOn', type: 'date', label: tr(ctx, '終了日', 'Ends'), value: a && a.endsOn}),
      field(ctx, {name: 'renewal', label: tr(ctx, '更新', 'Renewal'), value: a && a.renewal, attrs: {maxlength: 200}}),
      field(ctx, {name: 'fields', type: 'textarea', label: tr(ctx, '連携分野 (1行に1つ)', 'Fields (one per line)'), value: a ? a.fields.join('\n') : ''}),
      field(ctx, {name: 'note', type: 'textarea', label: tr(ctx, '備考', 'Note'), value: a && a.note}),
      canEdit(ctx) ? h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-partnership', text: tr(ctx, '保存', 'Save')})) : null);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const body = {title: f.title.value.trim(), partnerName: f.partnerName.value.trim(), kind: f.kind.value,
      partnerId: a && a.partnerId ? a.partnerId : null,
      concludedOn: f.concludedOn.value || null, endsOn: f.endsOn.value || null, renewal: f.renewal.value.trim() || null,
      fields: f.fields.value.split('\n').map((s) => s.trim()).filter((s) => s), note: f.note.value.trim() || null};
    const saved = await submit(ctx, form, {method: id ? 'PUT' : 'POST', path, body, etag, reload});
    if (saved) {
      if (id) { await reload(); root.prepend(notice(tr(ctx, '保存しました。', 'Saved.'))); } else ctx.navigate(ctx.href(saved.body.id));
    }
  });
  add(root, back, form);
  if (!a) return;
  root.append(h('h2', {text: tr(ctx, '連携事業', 'Activities')}),
      a.activities.length ? table(tr(ctx, '連携事業 (実施日順)', 'Activities by date'),
          [tr(ctx, '実施日', 'Date'), tr(ctx, '年度', 'Fiscal year'), tr(ctx, '連携事業', 'Activity'), tr(ctx, '種類', 'Kind'),
            tr(ctx, '参加者数', 'Participants'), tr(ctx, '備考', 'Note')],
          a.activities.map((x) => [x.heldOn, x.fiscalYearLabel, x.title, x.kind, num(x.participants), x.note || '']), 'partnership-activities')
        : h('p', {class: 'hint', text: tr(ctx, '連携事業はまだ記録されていません。', 'No activities recorded yet.')}));
  if (!canEdit(ctx)) return;
  // The default kinds of the setting partnershipActivityKinds, as suggestions; the server checks the municipality's list.
  const kinds = ['演奏会', '展示', '表彰', '学校プログラム', '講座', '共同研究', 'イベント', '協議会', 'その他'];
  const activityForm = h('form', {class: 'form', id: 'activity-form', novalidate: true},
      h('h3', {text: tr(ctx, '連携事業を追加', 'Add an activity')}),
      field(ctx, {name: 'heldOn', type: 'date', label: tr(ctx, '実施日', 'Date'), required: true}),
      field(ctx, {name: 'title', label: tr(ctx, '連携事業', 'Activity'), required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'kind', label: tr(ctx, '種類', 'Kind'), required: true, value: kinds[0], attrs: {maxlength: 50, list: 'activity-kinds'}}),
      h('datalist', {id: 'activity-kinds'}, kinds.map((k) => h('option', {value: k}))),
      field(ctx, {name: 'participants', type: 'number', label: tr(ctx, '参加者数', 'Participants')}),
      field(ctx, {name: 'note', label: tr(ctx, '備考', 'Note'), attrs: {maxlength: 500}}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'add-activity', text: tr(ctx, '追加', 'Add')})));
  activityForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = activityForm.elements;
    const body = {heldOn: f.heldOn.value || null, title: f.title.value.trim(), kind: f.kind.value.trim(),
      participants: f.participants.value.trim() === '' ? null : Number(f.participants.value), note: f.note.value.trim() || null};
    const saved = await submit(ctx, activityForm, {method: 'POST', path: `${path}/activities`, body, etag, reload});
    if (saved) { await reload(); root.prepend(notice(tr(ctx, '追加しました。', 'Added.'))); }
  });
  root.append(activityForm);
}

async function grantDetail(root, ctx, id) {
  const path = id ? `collaboration/startups/vacant-shop-grants/${encodeURIComponent(id)}` : 'collaboration/startups/vacant-shop-grants';
  const back = h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 連携協定・創業支援へ', '← Partnerships and start-ups')));
  let g = null;
  let etag = null;
  if (id) {
    const r = await ctx.api('GET', path);
    if (r.status !== 200) {
      add(root, back, errorNotice(ctx, {problem: r.problem, status: r.status}));
      return;
    }
    g = r.body;
    etag = r.etag;
    ctx.setTitle(g.applicant);
  } else {
    ctx.setTitle(tr(ctx, '空き店舗活用補助金の交付を登録', 'Record an empty-shop grant'));
  }
  const reload = () => { root.replaceChildren(); return grantDetail(root, ctx, id); };
  const form = h('form', {class: 'form', id: 'grant-form', novalidate: true},
      g && g.invented ? notice(tr(ctx, 'この交付は架空のデモデータです。', 'This grant is invented demo data.')) : null,
      field(ctx, {name: 'applicant', label: tr(ctx, '事業者名・屋号', 'Business'), value: g && g.applicant, required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'shopAddress', label: tr(ctx, '店舗の所在地', 'Shop address'), value: g && g.shopAddress, required: true, attrs: {maxlength: 300}}),
      field(ctx, {name: 'business', label: tr(ctx, '業種・事業内容', 'Line of business'), value: g && g.business, attrs: {maxlength: 200}}),
      field(ctx, {name: 'amount', type: 'number', label: tr(ctx, '交付額 (円)', 'Amount (yen)'), value: g && g.amount, required: true}),
      field(ctx, {name: 'decidedOn', type: 'date', label: tr(ctx, '交付決定日', 'Decided'), value: g && g.decidedOn, required: true}),
      field(ctx, {name: 'openedOn', type: 'date', label: tr(ctx, '開店日', 'Opened'), value: g && g.openedOn}),
      field(ctx, {name: 'note', type: 'textarea', label: tr(ctx, '備考', 'Note'), value: g && g.note}),
      canEdit(ctx) ? h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-grant', text: tr(ctx, '保存', 'Save')})) : null);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const body = {applicant: f.applicant.value.trim(), shopAddress: f.shopAddress.value.trim(), business: f.business.value.trim() || null,
      amount: f.amount.value.trim() === '' ? null : Number(f.amount.value), decidedOn: f.decidedOn.value || null,
      openedOn: f.openedOn.value || null, note: f.note.value.trim() || null};
    const saved = await submit(ctx, form, {method: id ? 'PUT' : 'POST', path, body, etag, reload});
    if (saved) {
      if (id) { await reload(); root.prepend(notice(tr(ctx, '保存しました。', 'Saved.'))); } else ctx.navigate(ctx.href(`grant-${saved.body.id}`));
    }
  });
  add(root, back, form);
}
