// ${nameJa} — the console screen (CONSOLE contribution "${moduleId}-items"): the items, paged in the database with a
// CSV button, and a form that registers one. Built with core's kit (README "Adding a screen from a module"):
// elements through h(), never innerHTML with data; errors next to their fields; Japanese first.
import {h, pagedList, field, submit, notice} from '/ui/core/kit.js';

export default async function render(root, ctx) {
  const {t} = ctx;
  const list = pagedList(ctx, {
    path: '${moduleId}/items', csv: '${moduleId}-items.csv',
    caption: t('${nameJa}の一覧', '${nameEn}: items'),
    columns: [
      {label: t('件名', 'Title'), render: (i) => i.title},
      {label: t('年度', 'Fiscal year'), render: (i) => ctx.fiscalYearLabel(i.fiscalYear.year)},
      {label: t('備考', 'Note'), render: (i) => i.note || ''},
    ],
  });

  const form = h('form', {class: 'form', novalidate: true},
      field(ctx, {name: 'title', label: t('件名', 'Title'), required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'fiscalYear', label: t('年度 (西暦の開始年)', 'Fiscal year (starting year)'), type: 'number',
        required: true, value: String(new Date().getFullYear())}),
      field(ctx, {name: 'note', label: t('備考', 'Note'), type: 'textarea', attrs: {maxlength: 2000}}),
      h('button', {type: 'submit', class: 'btn primary', text: t('登録する', 'Register')}));
  const status = h('div', {role: 'status'});
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const year = Number(data.get('fiscalYear'));
    const r = await submit(ctx, form, {method: 'POST', path: '${moduleId}/items', body: {
      title: data.get('title'), fiscalYear: Number.isInteger(year) ? year : data.get('fiscalYear'),
      note: data.get('note') || null}});
    if (r) {
      form.reset();
      status.replaceChildren(notice(t('登録しました。', 'Registered.')));
      await list.reload();
    }
  });

  root.append(
      h('h1', {text: t('${nameJa}', '${nameEn}')}),
      list.element,
      h('h2', {text: t('項目を登録する', 'Register an item')}),
      status, form);
  await list.reload();
}
