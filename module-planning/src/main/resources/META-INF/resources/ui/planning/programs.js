// The planning module's console screen "事務事業 / Administrative programs": the programs of a
// fiscal year, paged, with CSV. Shipped in the module's jar (META-INF/resources/ui/planning/) and
// declared in PlanningModule.ui(); the console loads it only where planning is enabled.
import {h, tr, field, pagedList} from '/ui/core/kit.js';

export default async function render(root, ctx) {
  const year = field(ctx, {name: 'fiscalYear', label: tr(ctx, '年度', 'Fiscal year'),
    hint: tr(ctx, '例: 2020, R2, 令和2年度 (空欄ですべて)', 'e.g. 2020, R2, FY2020 (empty: all)')});
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '事務事業の絞り込み', 'Filter programs'),
    on: {submit: (e) => { e.preventDefault(); list.reload(); }}},
  year, h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  const list = pagedList(ctx, {
    path: 'planning/programs', csv: `programs-${ctx.lgCode}.csv`, caption: tr(ctx, '事務事業の一覧', 'Administrative programs'),
    query: () => ({fiscalYear: filters.fiscalYear.value.trim()}),
    columns: [
      {label: tr(ctx, '年度', 'Fiscal year'), render: (p) => ctx.fiscalYearLabel(p.fiscalYear.year)},
      {label: tr(ctx, '番号', 'No.'), render: (p) => p.programNumber || p.serialNumber || ''},
      {label: tr(ctx, '事務事業名', 'Program'), render: (p) => p.name},
      {label: tr(ctx, '担当課', 'Division'), render: (p) => p.unitName || ''},
      {label: tr(ctx, '目的', 'Purpose'), render: (p) => p.purpose || ''},
    ],
  });
  root.append(filters, list.element);
  await list.reload();
}
