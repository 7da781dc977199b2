// 地域集会施設 in the staff console: #/{lg}/collaboration/collaboration-facilities[/<id>|/new]. The list (kind /
// words, CSV, the public 公共施設一覧 open data), and one facility: its fields, rooms (one per line, 名称: 定員) and
// designated managers per period (団体名 or a registered partner, 年度から〜まで, 募集・選定・議決・協定) saved with
// If-Match; its monthly bookings and users of a fiscal year and its monitoring of a fiscal year (a score per
// evaluation item of the municipality, overall rating, comment, shown on the portal or not), each saved under the
// facility's ETag, which every such change moves. Invented demo data is labelled as such.
import {h, add, tr, field, pagedList, submit, notice, errorNotice, facts, fiscalYearLabel} from '/ui/core/kit.js';

const canEdit = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);
const KINDS = [['COMMUNITY_CENTRE', '地域集会施設', 'Community centre'], ['CIVIC_ACTIVITY_CENTRE', '市民活動サポートセンター', 'Civic activity support centre'],
  ['OTHER', 'その他の集会施設', 'Other meeting facility']];
const num = (n) => (n == null ? '—' : Number(n).toLocaleString('ja-JP'));

function years() {
  const now = new Date();
  const current = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  const list = [];
  for (let y = current; y >= current - 8; y -= 1) list.push(y);
  return list;
}

export default async function render(root, ctx) {
  const id = ctx.args && ctx.args[0];
  if (id) {
    await detail(root, ctx, id === 'new' ? null : id);
  } else {
    await overview(root, ctx);
  }
}

async function overview(root, ctx) {
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '施設の絞り込み', 'Filter facilities'),
    on: {submit: (e) => { e.preventDefault(); list.reload(); }}},
  field(ctx, {name: 'kind', type: 'select', label: tr(ctx, '種別', 'Kind'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...KINDS.map(([v, ja, en]) => ({value: v, label: tr(ctx, ja, en)}))]}),
  field(ctx, {name: 'q', label: tr(ctx, '名称・住所', 'Name or address'), attrs: {maxlength: 200}}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  const list = pagedList(ctx, {
    path: 'collaboration/facilities', csv: `facilities-${ctx.lgCode}.csv`, caption: tr(ctx, '施設の一覧', 'Facilities'),
    query: () => ({kind: filters.elements.kind.value, q: filters.elements.q.value.trim()}),
    columns: [
      {label: tr(ctx, '名称', 'Name'), render: (f) => h('a', {href: ctx.href(f.id), class: 'facility-link'}, f.name)},
      {label: tr(ctx, '種別', 'Kind'), render: (f) => f.kindLabel},
      {label: tr(ctx, '住所', 'Address'), render: (f) => f.address},
      {label: tr(ctx, '定員の合計', 'Capacity'), render: (f) => num(f.capacity)},
      {label: tr(ctx, 'データ', 'Data'), render: (f) => (f.invented ? tr(ctx, '架空のデモデータ', 'Invented demo data') : '')},
    ],
  });
  const open = `/api/v1/municipalities/${ctx.lgCode}/collaboration/facilities/public/open-data.csv`;
  add(root, h('h2', {text: tr(ctx, '地域集会施設・市民活動サポートセンター', 'Community facilities')}),
      canEdit(ctx) ? h('p', {}, h('a', {href: ctx.href('new'), class: 'btn', id: 'new-facility', text: tr(ctx, '施設を登録', 'Register a facility')})) : null,
      filters, list.element,
      h('p', {}, h('a', {href: open, class: 'btn', id: 'open-data', download: `${ctx.lgCode}_public_facility.csv`,
        text: tr(ctx, 'オープンデータ (公共施設一覧) をダウンロード', 'Download the open data (公共施設一覧)')})),
      h('p', {class: 'hint', text: tr(ctx, 'オープンデータはデジタル庁の自治体標準オープンデータセット「公共施設一覧」の項目で、だれでも取得できます。',
          'The open data follows the columns of the Digital Agency\'s standard data set 公共施設一覧 and is public.')}));
  await list.reload();
}

function roomsText(rooms) {
  return (rooms || []).map((r) => `${r.name}: ${r.capacity}`).join('\n');
}

function parseRooms(text) {
  return text.split('\n').map((l) => l.trim()).filter((l) => l).map((l) => {
    const m = l.match(/^(.*?)[:：]\s*([0-9０-９]+)\s*$/);
    return m ? {name: m[1].trim(), capacity: Number(m[2].replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xFEE0)))} : {name: l, capacity: null};
  });
}

function managerFieldset(ctx, m, i) {
  const fy = (y) => (y ? String(y) : '');
  return h('fieldset', {class: 'facility-manager', dataset: {index: String(i)}},
      h('legend', {text: tr(ctx, `指定管理者 ${i + 1}`, `Designated manager ${i + 1}`)}),
      field(ctx, {name: `m${i}-organisationName`, label: tr(ctx, '団体名', 'Organisation'), value: m && m.organisationName, attrs: {maxlength: 200}}),
      field(ctx, {name: `m${i}-partnerId`, label: tr(ctx, '協働の相手方の ID (登録済みの場合)', 'Registered partner ID (if any)'), value: m && m.partnerId}),
      field(ctx, {name: `m${i}-corporateNumber`, label: tr(ctx, '法人番号', 'Corporate number'), value: m && m.corporateNumber, attrs: {maxlength: 13}}),
      field(ctx, {name: `m${i}-fromYear`, label: tr(ctx, '指定期間の始まりの年度 (例: 令和3年度)', 'First fiscal year (e.g. 2021)'), value: m && fy(m.fromYear)}),
      field(ctx, {name: `m${i}-toYear`, label: tr(ctx, '指定期間の終わりの年度', 'Last fiscal year'), value: m && fy(m.toYear)}),
      field(ctx, {name: `m${i}-recruitmentOn`, type: 'date', label: tr(ctx, '募集', 'Call'), value: m && m.recruitmentOn}),
      field(ctx, {name: `m${i}-selectionOn`, type: 'date', label: tr(ctx, '選定', 'Selection'), value: m && m.selectionOn}),
      field(ctx, {name: `m${i}-resolutionOn`, type: 'date', label: tr(ctx, '議決', 'Council resolution'), value: m && m.resolutionOn}),
      field(ctx, {name: `m${i}-agreementOn`, type: 'date', label: tr(ctx, '協定', 'Agreement'), value: m && m.agreementOn}));
}

async function detail(root, ctx, id) {
  const path = id ? `collaboration/facilities/${encodeURIComponent(id)}` : 'collaboration/facilities';
  const back = h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 地域集会施設へ', '← Community facilities')));
  let f = null;
  let etag = null;
  if (id) {
    const r = await ctx.api('GET', path);
    if (r.status !== 200) {
      add(root, back, errorNotice(ctx, {problem: r.problem, status: r.status}));
      return;
    }
    f = r.body;
    etag = r.etag;
    ctx.setTitle(f.name);
  } else {
    ctx.setTitle(tr(ctx, '施設を登録', 'Register a facility'));
  }
  const reload = () => { root.replaceChildren(); return detail(root, ctx, id); };
  const v = (k) => (f ? f[k] : null);
  const managers = (f ? f.managers : []).concat([null]);
  const form = h('form', {class: 'form', id: 'facility-form', novalidate: true},
      f && f.invented ? notice(tr(ctx, 'この施設と数値は架空のデモデータを含みます。', 'This facility and its figures include invented demo data.')) : null,
      field(ctx, {name: 'name', label: tr(ctx, '名称', 'Name'), value: v('name'), required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'nameKana', label: tr(ctx, '名称 (カナ)', 'Name in kana'), value: v('nameKana'), attrs: {maxlength: 200}}),
      field(ctx, {name: 'nameEn', label: tr(ctx, '名称 (英字)', 'Name in English'), value: v('nameEn'), attrs: {maxlength: 200}}),
      field(ctx, {name: 'code', label: tr(ctx, '施設ID (オープンデータ)', 'Facility ID (open data)'), value: v('code'), attrs: {maxlength: 40}}),
      field(ctx, {name: 'kind', type: 'select', label: tr(ctx, '種別', 'Kind'), required: true, value: v('kind') || 'COMMUNITY_CENTRE',
        options: KINDS.map(([val, ja, en]) => ({value: val, label: tr(ctx, ja, en)}))}),
      field(ctx, {name: 'postalCode', label: tr(ctx, '郵便番号', 'Postal code'), value: v('postalCode'), attrs: {maxlength: 8}}),
      field(ctx, {name: 'address', label: tr(ctx, '住所', 'Address'), value: v('address'), required: true, attrs: {maxlength: 300}}),
      field(ctx, {name: 'addressDetail', label: tr(ctx, '方書', 'Building, floor'), value: v('addressDetail'), attrs: {maxlength: 200}}),
      field(ctx, {name: 'latitude', type: 'number', label: tr(ctx, '緯度', 'Latitude'), value: v('latitude')}),
      field(ctx, {name: 'longitude', type: 'number', label: tr(ctx, '経度', 'Longitude'), value: v('longitude')}),
      field(ctx, {name: 'openDays', label: tr(ctx, '利用可能曜日', 'Open days'), value: v('openDays'), attrs: {maxlength: 100}}),
      field(ctx, {name: 'opensAt', type: 'time', label: tr(ctx, '開始時間', 'Opens at'), value: v('opensAt') && v('opensAt').substring(0, 5)}),
      field(ctx, {name: 'closesAt', type: 'time', label: tr(ctx, '終了時間', 'Closes at'), value: v('closesAt') && v('closesAt').substring(0, 5)}),
      field(ctx, {name: 'openingNote', label: tr(ctx, '利用可能日時特記事項', 'Opening notes'), value: v('openingNote'), attrs: {maxlength: 500}}),
      field(ctx, {name: 'description', type: 'textarea', label: tr(ctx, '説明', 'Description'), value: v('description')}),
      field(ctx, {name: 'barrierFree', label: tr(ctx, 'バリアフリー情報', 'Accessibility'), value: v('barrierFree'), attrs: {maxlength: 500}}),
      field(ctx, {name: 'phone', label: tr(ctx, '施設の電話番号', 'Facility telephone'), value: v('phone'), attrs: {maxlength: 30}}),
      field(ctx, {name: 'url', label: 'URL', value: v('url'), attrs: {maxlength: 500}}),
      field(ctx, {name: 'note', type: 'textarea', label: tr(ctx, '備考', 'Note'), value: v('note')}),
      field(ctx, {name: 'rooms', type: 'textarea', label: tr(ctx, '部屋と定員 (1行に1部屋、「名称: 定員」)', 'Rooms and capacity (one per line, "name: capacity")'),
        value: roomsText(v('rooms'))}),
      h('h2', {text: tr(ctx, '指定管理者', 'Designated managers')}),
      h('p', {class: 'hint', text: tr(ctx, '空欄の指定管理者は保存されません。', 'A designated manager left blank is not saved.')}),
      ...managers.map((m, i) => managerFieldset(ctx, m, i)),
      canEdit(ctx) ? h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-facility', text: tr(ctx, '保存', 'Save')})) : null);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const e = form.elements;
    const s = (k) => (e[k].value.trim() || null);
    const n = (k) => (e[k].value.trim() === '' ? null : Number(e[k].value));
    const ms = managers.map((m, i) => ({organisationName: s(`m${i}-organisationName`), partnerId: s(`m${i}-partnerId`),
      corporateNumber: s(`m${i}-corporateNumber`), fromYear: s(`m${i}-fromYear`), toYear: s(`m${i}-toYear`),
      recruitmentOn: s(`m${i}-recruitmentOn`), selectionOn: s(`m${i}-selectionOn`), resolutionOn: s(`m${i}-resolutionOn`),
      agreementOn: s(`m${i}-agreementOn`)})).filter((m) => m.organisationName || m.partnerId || m.fromYear || m.toYear);
    const body = {name: e.name.value.trim(), nameKana: s('nameKana'), nameEn: s('nameEn'), code: s('code'), kind: e.kind.value,
      postalCode: s('postalCode'), address: e.address.value.trim(), addressDetail: s('addressDetail'), latitude: n('latitude'),
      longitude: n('longitude'), openDays: s('openDays'), opensAt: s('opensAt'), closesAt: s('closesAt'), openingNote: s('openingNote'),
      description: s('description'), barrierFree: s('barrierFree'), phone: s('phone'), url: s('url'), note: s('note'),
      rooms: parseRooms(e.rooms.value), managers: ms};
    const saved = await submit(ctx, form, {method: id ? 'PUT' : 'POST', path, body, etag, reload});
    if (saved) {
      if (id) { await reload(); root.prepend(notice(tr(ctx, '保存しました。', 'Saved.'))); } else ctx.navigate(ctx.href(saved.body.id));
    }
  });
  add(root, back, f ? facts([[tr(ctx, '定員の合計', 'Total capacity'), num(f.capacity)],
    ...f.managers.map((m) => [m.periodLabel, m.organisationName])]) : null, form);
  if (!f) return;
  const state = {etag};
  await useSection(root, ctx, path, state, reload);
  await monitoringSection(root, ctx, path, f, state, reload);
}

function monthsOf(fy) {
  const out = [];
  for (let i = 0; i < 12; i += 1) {
    const m = ((3 + i) % 12) + 1;
    const y = m >= 4 ? fy : fy + 1;
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

async function useSection(root, ctx, path, state, reload) {
  const box = h('section', {class: 'facility-use', 'aria-labelledby': 'facility-use-title'});
  const yearSel = field(ctx, {name: 'useYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'),
    options: years().map((y) => ({value: String(y), label: fiscalYearLabel(y, ctx.lang)}))});
  const body = h('div', {'aria-live': 'polite'});
  add(box, h('h2', {id: 'facility-use-title', text: tr(ctx, '月別の利用状況', 'Monthly use')}), yearSel, body);
  root.append(box);
  async function show() {
    const fy = Number(yearSel.querySelector('select').value);
    const r = await ctx.api('GET', `${path}/use/${fy}`);
    if (r.status !== 200) { body.replaceChildren(errorNotice(ctx, {problem: r.problem, status: r.status})); return; }
    const u = r.body;
    const form = h('form', {class: 'form', id: 'facility-use-form', novalidate: true});
    const rows = monthsOf(fy).map((m, i) => {
      const got = u.months.find((x) => x.month === m);
      return h('tr', {}, h('th', {scope: 'row', text: m}),
          h('td', {}, h('input', {name: `b${i}`, inputmode: 'numeric', 'aria-label': tr(ctx, `${m} の利用件数`, `Bookings in ${m}`), value: got ? String(got.bookings) : ''})),
          h('td', {}, h('input', {name: `u${i}`, inputmode: 'numeric', 'aria-label': tr(ctx, `${m} の利用者数`, `Users in ${m}`), value: got ? String(got.users) : ''})));
    });
    add(form, h('table', {class: 'list facility-months'}, h('caption', {text: tr(ctx, `${u.fiscalYearLabel} 合計: 利用件数 ${num(u.bookings)}、利用者数 ${num(u.users)}`,
        `${u.fiscalYearLabel} total: ${num(u.bookings)} bookings, ${num(u.users)} users`)}),
    h('thead', {}, h('tr', {}, [tr(ctx, '月', 'Month'), tr(ctx, '利用件数', 'Bookings'), tr(ctx, '利用者数', 'Users')].map((t) => h('th', {scope: 'col', text: t})))),
    h('tbody', {}, rows)),
    h('p', {class: 'hint', text: tr(ctx, '空欄の月は数値なしとして保存されます。', 'A month left blank is saved without figures.')}),
    canEdit(ctx) ? h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-use', text: tr(ctx, '利用状況を保存', 'Save the use')})) : null);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const months = [];
      monthsOf(fy).forEach((m, i) => {
        const b = form.elements[`b${i}`].value.trim();
        const us = form.elements[`u${i}`].value.trim();
        if (b !== '' || us !== '') months.push({month: m, bookings: b === '' ? 0 : Number(b), users: us === '' ? 0 : Number(us)});
      });
      const saved = await submit(ctx, form, {method: 'PUT', path: `${path}/use/${fy}`, body: {months}, etag: state.etag, reload});
      if (saved) { state.etag = saved.etag; await show(); body.prepend(notice(tr(ctx, '保存しました。', 'Saved.'))); }
    });
    body.replaceChildren(form);
  }
  yearSel.querySelector('select').addEventListener('change', show);
  await show();
}

async function monitoringSection(root, ctx, path, f, state, reload) {
  const items = await ctx.api('GET', 'collaboration/facilities/monitoring-items');
  const list = items.status === 200 ? items.body : [];
  const box = h('section', {class: 'facility-monitoring', 'aria-labelledby': 'facility-monitoring-title'});
  add(box, h('h2', {id: 'facility-monitoring-title', text: tr(ctx, 'モニタリング', 'Monitoring')}),
      f.monitoring.length ? h('table', {class: 'list facility-monitorings'},
          h('thead', {}, h('tr', {}, [tr(ctx, '年度', 'Fiscal year'), tr(ctx, '総合評価', 'Rating'), tr(ctx, 'コメント', 'Comment'), tr(ctx, '公表', 'Published')]
              .map((t) => h('th', {scope: 'col', text: t})))),
          h('tbody', {}, f.monitoring.map((m) => h('tr', {}, h('th', {scope: 'row', text: m.fiscalYearLabel}), h('td', {text: m.rating}),
              h('td', {text: m.comment || ''}), h('td', {text: m.published ? tr(ctx, '公表', 'Yes') : tr(ctx, '非公表', 'No')})))))
        : h('p', {class: 'hint', text: tr(ctx, 'モニタリングはまだ記録されていません。', 'No monitoring recorded yet.')}));
  root.append(box);
  if (!canEdit(ctx)) return;
  const form = h('form', {class: 'form', id: 'facility-monitoring-form', novalidate: true},
      h('h3', {text: tr(ctx, '年度のモニタリングを記録・変更', 'Record or change a year\'s monitoring')}),
      field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'), options: years().map((y) => ({value: String(y), label: fiscalYearLabel(y, ctx.lang)}))}),
      ...list.map((item, i) => field(ctx, {name: `s${i}`, type: 'select', label: item,
        options: [{value: '', label: tr(ctx, '評価しない', 'Not scored')}, ...[5, 4, 3, 2, 1].map((s) => ({value: String(s), label: String(s)}))]})),
      field(ctx, {name: 'rating', type: 'select', label: tr(ctx, '総合評価', 'Overall rating'), required: true,
        options: ['S', 'A', 'B', 'C'].map((r) => ({value: r, label: r}))}),
      field(ctx, {name: 'comment', type: 'textarea', label: tr(ctx, 'コメント', 'Comment')}),
      field(ctx, {name: 'published', type: 'checkbox', label: tr(ctx, 'ポータルで公表する', 'Publish on the portal')}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-monitoring', text: tr(ctx, 'モニタリングを保存', 'Save the monitoring')})));
  const fill = () => {
    const m = f.monitoring.find((x) => String(x.fiscalYear) === form.elements.fiscalYear.value);
    list.forEach((item, i) => {
      const s = m && m.scores.find((x) => x.item === item);
      form.elements[`s${i}`].value = s ? String(s.score) : '';
    });
    form.elements.rating.value = m ? m.rating : 'A';
    form.elements.comment.value = m ? (m.comment || '') : '';
    form.elements.published.checked = !!(m && m.published);
  };
  form.elements.fiscalYear.addEventListener('change', fill);
  fill();
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const e = form.elements;
    const scores = list.map((item, i) => ({item, score: e[`s${i}`].value})).filter((s) => s.score !== '').map((s) => ({item: s.item, score: Number(s.score)}));
    const saved = await submit(ctx, form, {method: 'PUT', path: `${path}/monitoring/${e.fiscalYear.value}`,
      body: {scores, rating: e.rating.value, comment: e.comment.value.trim() || null, published: e.published.checked}, etag: state.etag, reload});
    if (saved) { await reload(); root.prepend(notice(tr(ctx, 'モニタリングを保存しました。', 'The monitoring is saved.'))); }
  });
  box.append(form);
}
