// ふるさと納税: 寄附金の使途 / Hometown tax: the uses donors choose from. The list (paged, CSV,
// offered now or not) and one form per use (name, description, offered, order).
// Routes: #/{lg}/promotion/promotion-donation-uses[/new | /{id}].
import {h, tr, field, pagedList, submit, errorNotice, notice} from '/ui/core/kit.js';

const PATH = 'promotion/donation-uses';

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

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 寄附金の使途の一覧へ', '← All donation uses')));

async function list(root, ctx) {
  const active = field(ctx, {name: 'active', label: tr(ctx, '受付', 'Offered'), type: 'select', id: 'filter-active',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, {value: 'true', label: tr(ctx, '受付中', 'Offered now')},
      {value: 'false', label: tr(ctx, '受付終了', 'No longer offered')}]});
  const table = pagedList(ctx, {
    path: PATH, csv: `donation-uses-${ctx.lgCode}.csv`, caption: tr(ctx, '寄附金の使途の一覧', 'Donation uses'),
    query: () => ({active: active.querySelector('select').value}),
    columns: [
      {label: tr(ctx, '表示順', 'Order'), render: (x) => String(x.sortOrder)},
      {label: tr(ctx, '使途', 'Use'), render: (x) => h('a', {href: ctx.href(x.id)}, x.name)},
      {label: tr(ctx, '説明', 'Description'), render: (x) => x.description || ''},
      {label: tr(ctx, '受付', 'Offered'), render: (x) => (x.active ? tr(ctx, '受付中', 'Offered') : tr(ctx, '終了', 'Ended'))},
    ],
  });
  active.querySelector('select').addEventListener('change', () => table.reload());
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-use', href: ctx.href('new')}, tr(ctx, '使途を追加', 'Add a use'))),
      h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '使途の絞り込み', 'Filter uses'), on: {submit: (e) => e.preventDefault()}}, active),
      table.element);
  await table.reload();
}

function form(root, ctx, x, etag) {
  const c = x || {active: true, sortOrder: 0};
  ctx.setTitle(x ? tr(ctx, `使途の編集: ${x.name}`, `Edit use: ${x.name}`) : tr(ctx, '使途の追加', 'New donation use'));
  const f = h('form', {class: 'form', id: 'use-form', novalidate: true},
      field(ctx, {name: 'name', label: tr(ctx, '使途', 'Use'), value: c.name || '', required: true, id: 'use-name',
        attrs: {maxlength: '200'}}),
      field(ctx, {name: 'description', label: tr(ctx, '説明', 'Description'), type: 'textarea', value: c.description || '', id: 'use-description',
        attrs: {maxlength: '2000'}}),
      field(ctx, {name: 'sortOrder', label: tr(ctx, '表示順', 'Order'), type: 'number', value: String(c.sortOrder ?? 0), id: 'use-order',
        hint: tr(ctx, '小さいほど先に表示します (0〜9999)。', 'Smaller first (0–9999).')}),
      field(ctx, {name: 'active', label: tr(ctx, '寄附者が選べる (受付中)', 'Donors can choose it (offered)'), type: 'checkbox', value: c.active, id: 'use-active'}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-use', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: ctx.href()}, tr(ctx, 'キャンセル', 'Cancel')),
          x ? h('button', {type: 'button', class: 'btn btn-danger', id: 'delete-use', text: tr(ctx, '削除', 'Delete'), on: {click: () => remove(ctx, f, x, etag)}}) : null));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const order = f.elements.sortOrder.value.trim();
    const body = {
      name: f.elements.name.value.trim() || null,
      description: f.elements.description.value.trim() || null,
      sortOrder: /^\d+$/.test(order) ? Number(order) : (order === '' ? 0 : order),
      active: f.elements.active.checked,
    };
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
  if (!window.confirm(tr(ctx, `「${x.name}」を削除しますか。`, `Delete "${x.name}"?`))) return;
  const r = await ctx.api('DELETE', `${PATH}/${x.id}`, {etag});
  if (r.status === 204) {
    ctx.announce(tr(ctx, '削除しました。', 'Deleted.'));
    ctx.navigate(ctx.href());
  } else {
    f.prepend(notice(r.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
        : (r.problem && r.problem.detail) || String(r.status), 'error'));
  }
}
