// 移住・定住: 行政のサポートによる移住者 / Migration: households and persons who moved in with the
// municipality's support. The list (paged, CSV, by fiscal year) with the year's totals, and one
// form per record (day, households, persons, support used, moved from, note). No names are kept.
// Routes: #/{lg}/promotion/promotion-supported-migrations[/new | /{id}].
import {h, tr, field, pagedList, submit, errorNotice, notice} from '/ui/core/kit.js';

const PATH = 'promotion/supported-migrations';

export default async function render(root, ctx) {
  const [a] = ctx.args || [];
  if (!a) return list(root, ctx);
  if (a === 'new') return form(root, ctx, null, null);
  const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return form(root, ctx, r.body, r.etag);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 支援による移住者の一覧へ', '← All supported migrants')));

function thisFiscalYear() {
  const now = new Date();
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}

async function list(root, ctx) {
  const fy = thisFiscalYear();
  const years = [];
  for (let y = fy; y >= fy - 9; y -= 1) years.push({value: String(y), label: ctx.fiscalYearLabel(y)});
  const fyField = field(ctx, {name: 'fiscalYear', label: tr(ctx, '年度', 'Fiscal year'), type: 'select', id: 'filter-fy',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...years]});
  const sel = fyField.querySelector('select');
  const totals = h('p', {id: 'migration-totals', 'aria-live': 'polite'});
  const table = pagedList(ctx, {
    path: PATH, csv: `supported-migrations-${ctx.lgCode}.csv`, caption: tr(ctx, '行政のサポートによる移住者の一覧', 'Migrants who moved in with support'),
    query: () => ({fiscalYear: sel.value}),
    columns: [
      {label: tr(ctx, '転入日', 'Moved in on'), render: (x) => h('a', {href: ctx.href(x.id)}, x.movedInOn)},
      {label: tr(ctx, '年度', 'FY'), render: (x) => ctx.fiscalYearLabel(x.fiscalYear.year)},
      {label: tr(ctx, '世帯数', 'Households'), render: (x) => String(x.households)},
      {label: tr(ctx, '人数', 'Persons'), render: (x) => String(x.persons)},
      {label: tr(ctx, '利用した支援', 'Support used'), render: (x) => x.supportUsed},
      {label: tr(ctx, '転入元', 'Moved from'), render: (x) => x.movedFrom || '—'},
      {label: tr(ctx, '備考', 'Note'), render: (x) => x.note || ''},
    ],
  });
  const showTotals = async () => {
    if (!sel.value) {
      totals.textContent = '';
      return;
    }
    const r = await ctx.api('GET', `${PATH}/totals?fiscalYear=${sel.value}`);
    if (r.status === 200) {
      totals.textContent = tr(ctx, `${ctx.fiscalYearLabel(r.body.fiscalYear.year)}: 移住相談 ${r.body.consultations} 件、移住 ${r.body.households} 世帯 ${r.body.persons} 人`,
          `${ctx.fiscalYearLabel(r.body.fiscalYear.year)}: ${r.body.consultations} consultations, ${r.body.households} households, ${r.body.persons} persons moved in`);
    }
  };
  sel.addEventListener('change', () => {
    table.reload();
    showTotals();
  });
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-migration', href: ctx.href('new')}, tr(ctx, '移住を記録', 'Record a migration'))),
      h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '移住の絞り込み', 'Filter migrations'), on: {submit: (e) => e.preventDefault()}}, fyField),
      totals, table.element);
  await table.reload();
}

function form(root, ctx, x, etag) {
  const c = x || {households: 1};
  ctx.setTitle(x ? tr(ctx, `移住の記録 (${x.movedInOn})`, `Supported migration (${x.movedInOn})`) : tr(ctx, '移住の記録', 'Record a supported migration'));
  const f = h('form', {class: 'form', id: 'migration-form', novalidate: true},
      h('div', {class: 'grid2'},
          field(ctx, {name: 'movedInOn', label: tr(ctx, '転入日', 'Moved in on'), type: 'date', value: c.movedInOn || '', required: true, id: 'migration-day'}),
          field(ctx, {name: 'movedFrom', label: tr(ctx, '転入元 (都道府県・市区町村)', 'Moved from (prefecture, city)'), value: c.movedFrom || '', id: 'migration-from', attrs: {maxlength: '100'}}),
          field(ctx, {name: 'households', label: tr(ctx, '世帯数', 'Households'), type: 'number', value: String(c.households ?? 1), required: true, id: 'migration-households'}),
          field(ctx, {name: 'persons', label: tr(ctx, '人数', 'Persons'), type: 'number', value: c.persons ? String(c.persons) : '', required: true, id: 'migration-persons'})),
      field(ctx, {name: 'supportUsed', label: tr(ctx, '利用した支援', 'Support used'), value: c.supportUsed || '', required: true, id: 'migration-support',
        hint: tr(ctx, '例: 移住支援金、空き家バンク、就業相談', 'e.g. relocation grant, vacant-house bank, job counselling'), attrs: {maxlength: '200'}}),
      field(ctx, {name: 'note', label: tr(ctx, '備考', 'Note'), type: 'textarea', value: c.note || '', id: 'migration-note', attrs: {maxlength: '1000'}}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-migration', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: ctx.href()}, tr(ctx, 'キャンセル', 'Cancel')),
          x ? h('button', {type: 'button', class: 'btn btn-danger', id: 'delete-migration', text: tr(ctx, '削除', 'Delete'), on: {click: () => remove(ctx, f, x, etag)}}) : null));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (k) => f.elements[k].value.trim() || null;
    const n = (k) => (v(k) && /^\d+$/.test(v(k)) ? Number(v(k)) : v(k));
    const body = {movedInOn: v('movedInOn'), households: n('households'), persons: n('persons'), supportUsed: v('supportUsed'),
      movedFrom: v('movedFrom'), note: v('note'), consultationId: x ? x.consultationId : null};
    const reply = await submit(ctx, f, {method: x ? 'PUT' : 'POST', path: x ? `${PATH}/${x.id}` : PATH, body, etag,
      reload: () => ctx.navigate(ctx.href(x.id))});
    if (reply) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      ctx.navigate(ctx.href());
    }
  });
  root.append(backLink(ctx), f);
}

async function remove(ctx, f, x, etag) {
  if (!window.confirm(tr(ctx, 'この記録を削除しますか。', 'Delete this record?'))) return;
  const r = await ctx.api('DELETE', `${PATH}/${x.id}`, {etag});
  if (r.status === 204) {
    ctx.announce(tr(ctx, '削除しました。', 'Deleted.'));
    ctx.navigate(ctx.href());
  } else {
    f.prepend(notice(r.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
        : (r.problem && r.problem.detail) || String(r.status), 'error'));
  }
}
