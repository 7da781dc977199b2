// 自治会・町内会 in the staff console: #/{lg}/collaboration/collaboration-associations[/<id>|/new]. The membership
// of a fiscal year (加入率 per association, per district and for the municipality: rates of sums, as the API
// computes them; CSV), the list of associations (district / words, CSV), and one association: its name and
// district (saved with If-Match) and its figures per fiscal year (households, member households, subsidies),
// each year recorded once and changed with its own If-Match. Invented demo data is labelled as such.
import {h, add, tr, field, pagedList, submit, notice, errorNotice, facts, fiscalYearLabel} from '/ui/core/kit.js';

const canEdit = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);
const num = (n) => (n == null ? '—' : Number(n).toLocaleString('ja-JP'));
const pct = (ctx, r) => (r == null ? '—' : `${r}%`);

function years() {
  const now = new Date();
  const current = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  const list = [];
  for (let y = current; y >= current - 10; y -= 1) list.push(y);
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

function table(ctx, caption, head, rows, cls) {
  return h('table', {class: `list ${cls}`}, h('caption', {text: caption}),
      h('thead', {}, h('tr', {}, head.map((t) => h('th', {scope: 'col', text: t})))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c, i) => (i === 0 ? h('th', {scope: 'row'}, c) : h('td', {}, c)))))));
}

async function overview(root, ctx) {
  const membership = h('div', {class: 'association-membership', 'aria-live': 'polite'});
  const yearForm = h('form', {class: 'filters', 'aria-label': tr(ctx, '加入率の年度', 'Fiscal year of the membership'),
    on: {submit: (e) => { e.preventDefault(); showMembership(); }}},
  field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'),
    options: years().map((y) => ({value: String(y), label: fiscalYearLabel(y, ctx.lang)}))}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '表示', 'Show')}));
  yearForm.elements.fiscalYear.addEventListener('change', () => showMembership());
  const head = [tr(ctx, '名称', 'Name'), tr(ctx, '区域内世帯数', 'Households'), tr(ctx, '加入世帯数', 'Members'),
    tr(ctx, '加入率', 'Rate'), tr(ctx, '補助金 (円)', 'Subsidies (yen)')];
  async function showMembership() {
    const fy = yearForm.elements.fiscalYear.value;
    const r = await ctx.api('GET', `collaboration/associations/membership?fiscalYear=${encodeURIComponent(fy)}`);
    if (r.status !== 200) {
      membership.replaceChildren(errorNotice(ctx, {problem: r.problem, status: r.status}));
      return;
    }
    const m = r.body;
    const line = (x) => [x.name, num(x.households), num(x.memberHouseholds), pct(ctx, x.membershipRate), num(x.subsidyPaid)];
    const csv = `/api/v1/municipalities/${ctx.lgCode}/collaboration/associations/membership?fiscalYear=${encodeURIComponent(fy)}&format=csv`;
    membership.replaceChildren(
        h('h2', {text: tr(ctx, `${m.fiscalYearLabel}の加入率`, `Membership in ${m.fiscalYearLabel}`)}),
        m.associations.length ? facts([[tr(ctx, '市全体の加入率', 'Whole municipality'), h('strong', {class: 'municipality-rate', text: pct(ctx, m.municipality.membershipRate)})],
          [tr(ctx, '加入世帯数 / 区域内世帯数', 'Members / households'), `${num(m.municipality.memberHouseholds)} / ${num(m.municipality.households)}`],
          [tr(ctx, '補助金の合計', 'Subsidies in total'), `${num(m.municipality.subsidyPaid)} ${tr(ctx, '円', 'yen')}`]])
          : h('p', {class: 'hint', text: tr(ctx, 'この年度の数値はまだありません。', 'No figures for this fiscal year yet.')}),
        h('p', {class: 'hint', text: tr(ctx, '地区と市全体の加入率は、加入世帯数の合計を区域内世帯数の合計で割ったものです (各自治会の加入率の平均ではありません)。',
            'The rates of a district and of the municipality are their member households over their households in total (not an average of the rates).')}),
        m.districts.length ? table(ctx, tr(ctx, '地区別', 'By district'), head, m.districts.map(line), 'membership-districts') : null,
        m.associations.length ? table(ctx, tr(ctx, '自治会・町内会別', 'By association'), head,
            m.associations.map((a) => [h('a', {href: ctx.href(a.associationId)}, a.name + (a.invented ? tr(ctx, '（架空のデモデータ）', ' (invented demo data)') : '')),
              num(a.households), num(a.memberHouseholds), pct(ctx, a.membershipRate), num(a.subsidyPaid)]), 'membership-associations') : null,
        h('p', {}, h('a', {href: csv, class: 'btn', download: `association-membership-${fy}.csv`, text: tr(ctx, 'CSV をダウンロード', 'Download CSV')})));
  }
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '自治会の絞り込み', 'Filter associations'),
    on: {submit: (e) => { e.preventDefault(); list.reload(); }}},
  field(ctx, {name: 'district', label: tr(ctx, '地区', 'District'), attrs: {maxlength: 100}}),
  field(ctx, {name: 'q', label: tr(ctx, '名称', 'Name'), attrs: {maxlength: 200}}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  const list = pagedList(ctx, {
    path: 'collaboration/associations', csv: `associations-${ctx.lgCode}.csv`, caption: tr(ctx, '自治会・町内会の一覧', 'Neighbourhood associations'),
    query: () => ({district: filters.elements.district.value.trim(), q: filters.elements.q.value.trim()}),
    columns: [
      {label: tr(ctx, '名称', 'Name'), render: (a) => h('a', {href: ctx.href(a.id), class: 'association-link'}, a.name)},
      {label: tr(ctx, '地区', 'District'), render: (a) => a.district},
      {label: tr(ctx, 'データ', 'Data'), render: (a) => (a.invented ? tr(ctx, '架空のデモデータ', 'Invented demo data') : '')},
    ],
  });
  add(root, yearForm, membership,
      h('h2', {text: tr(ctx, '自治会・町内会', 'Associations')}),
      canEdit(ctx) ? h('p', {}, h('a', {href: ctx.href('new'), class: 'btn', id: 'new-association', text: tr(ctx, '自治会・町内会を登録', 'Register an association')})) : null,
      filters, list.element);
  await Promise.all([showMembership(), list.reload()]);
}

async function detail(root, ctx, id) {
  const path = id ? `collaboration/associations/${encodeURIComponent(id)}` : 'collaboration/associations';
  const back = h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 自治会・町内会へ', '← Neighbourhood associations')));
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
    ctx.setTitle(a.name);
  } else {
    ctx.setTitle(tr(ctx, '自治会・町内会を登録', 'Register an association'));
  }
  const reload = () => { root.replaceChildren(); return detail(root, ctx, id); };
  const form = h('form', {class: 'form', id: 'association-form', novalidate: true},
      a && a.invented ? notice(tr(ctx, 'この自治会と数値は架空のデモデータです。', 'This association and its figures are invented demo data.')) : null,
      field(ctx, {name: 'name', label: tr(ctx, '名称', 'Name'), value: a && a.name, required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'nameKana', label: tr(ctx, 'ふりがな', 'Reading'), value: a && a.nameKana, attrs: {maxlength: 200}}),
      field(ctx, {name: 'district', label: tr(ctx, '地区', 'District'), value: a && a.district, required: true, attrs: {maxlength: 100}}),
      field(ctx, {name: 'note', type: 'textarea', label: tr(ctx, '備考', 'Note'), value: a && a.note}),
      canEdit(ctx) ? h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-association', text: tr(ctx, '保存', 'Save')})) : null);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const body = {name: f.name.value.trim(), nameKana: f.nameKana.value.trim() || null, district: f.district.value.trim(), note: f.note.value.trim() || null};
    const saved = await submit(ctx, form, {method: id ? 'PUT' : 'POST', path, body, etag, reload});
    if (saved) {
      if (id) { await reload(); root.prepend(notice(tr(ctx, '保存しました。', 'Saved.'))); } else ctx.navigate(ctx.href(saved.body.id));
    }
  });
  add(root, back, form);
  if (!a) return;

  root.append(table(ctx, tr(ctx, '年度別の数値', 'Figures per fiscal year'),
      [tr(ctx, '年度', 'Fiscal year'), tr(ctx, '区域内世帯数', 'Households'), tr(ctx, '加入世帯数', 'Members'), tr(ctx, '加入率', 'Rate'), tr(ctx, '補助金 (円)', 'Subsidies (yen)')],
      a.years.map((y) => [y.fiscalYearLabel, num(y.households), num(y.memberHouseholds), pct(ctx, y.membershipRate), num(y.subsidyPaid)]), 'association-years'));
  if (!canEdit(ctx)) return;
  const yearForm = h('form', {class: 'form', id: 'association-year-form', novalidate: true},
      h('h2', {text: tr(ctx, '年度の数値を記録・変更', 'Record or change a year\'s figures')}),
      field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'), required: true,
        options: years().map((y) => ({value: String(y), label: fiscalYearLabel(y, ctx.lang)}))}),
      field(ctx, {name: 'households', type: 'number', label: tr(ctx, '区域内世帯数', 'Households in the area'), required: true}),
      field(ctx, {name: 'memberHouseholds', type: 'number', label: tr(ctx, '加入世帯数', 'Member households'), required: true}),
      field(ctx, {name: 'subsidyPaid', type: 'number', label: tr(ctx, '補助金交付額 (円)', 'Subsidies paid (yen)'), required: true, value: '0'}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-year', text: tr(ctx, '記録', 'Record')})));
  const fill = () => {
    const y = a.years.find((x) => String(x.fiscalYear) === yearForm.elements.fiscalYear.value);
    yearForm.elements.households.value = y ? y.households : '';
    yearForm.elements.memberHouseholds.value = y ? y.memberHouseholds : '';
    yearForm.elements.subsidyPaid.value = y ? y.subsidyPaid : '0';
  };
  yearForm.elements.fiscalYear.addEventListener('change', fill);
  fill();
  yearForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = yearForm.elements;
    const n = (x) => (f[x].value.trim() === '' ? null : Number(f[x].value));
    const fy = f.fiscalYear.value;
    const existing = a.years.find((x) => String(x.fiscalYear) === fy);
    const body = {households: n('households'), memberHouseholds: n('memberHouseholds'), subsidyPaid: n('subsidyPaid')};
    // The ETag of the year as this page read it: a change by someone else since is a 412, not overwritten.
    const yearEtag = existing ? `"${existing.version}"` : null;
    const saved = await submit(ctx, yearForm, existing
      ? {method: 'PUT', path: `${path}/years/${fy}`, body, etag: yearEtag, reload}
      : {method: 'POST', path: `${path}/years`, body: {...body, fiscalYear: fy}});
    if (saved) { await reload(); root.prepend(notice(tr(ctx, '記録しました。', 'Recorded.'))); }
  });
  root.append(yearForm);
}
