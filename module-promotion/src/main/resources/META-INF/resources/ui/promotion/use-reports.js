// ふるさと納税: 活用報告 / Hometown tax: use reports. One report per fiscal year: a summary and, per use, the
// amount spent and what it paid for, beside the donations received for that use (from the API, summed in
// the database); published on the portal (page 「ふるさと納税の活用報告」) from the day given. Saved under If-Match.
// Routes: #/{lg}/promotion/promotion-use-reports[/new | /{id}].
import {h, tr, field, pagedList, submit, errorNotice, notice} from '/ui/core/kit.js';

const PATH = 'promotion/use-reports';

export default async function render(root, ctx) {
  const [a] = ctx.args || [];
  const u = await ctx.api('GET', 'promotion/donation-uses?size=100');
  const uses = u.status === 200 ? u.body.items : [];
  if (!a) return list(root, ctx);
  if (a === 'new') return form(root, ctx, uses, null, null);
  const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return form(root, ctx, uses, r.body, r.etag);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 活用報告の一覧へ', '← All use reports')));
const yen = (ctx, v) => `${Number(v).toLocaleString()} ${tr(ctx, '円', 'yen')}`;

async function list(root, ctx) {
  const table = pagedList(ctx, {
    path: PATH, csv: `use-reports-${ctx.lgCode}.csv`, caption: tr(ctx, '活用報告', 'Use reports'),
    columns: [
      {label: tr(ctx, '年度', 'Fiscal year'), render: (x) => h('a', {href: ctx.href(x.id)}, ctx.fiscalYearLabel(x.fiscalYear.year))},
      {label: tr(ctx, '寄附額', 'Donated'), render: (x) => yen(ctx, x.received)},
      {label: tr(ctx, '活用額', 'Spent'), render: (x) => yen(ctx, x.spent)},
      {label: tr(ctx, '公開', 'Published'), render: (x) => (x.published ? x.publishedOn : tr(ctx, '非公開', 'Not published'))},
    ],
  });
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-use-report', href: ctx.href('new')}, tr(ctx, '活用報告を書く', 'Write a use report'))),
      table.element);
  await table.reload();
}

function form(root, ctx, uses, x, etag) {
  ctx.setTitle(x ? tr(ctx, `活用報告: ${x.fiscalYear.label}`, `Use report: FY${x.fiscalYear.year}`) : tr(ctx, '活用報告を書く', 'Write a use report'));
  const now = new Date();
  const fy0 = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  const years = [];
  for (let y = fy0; y >= fy0 - 9; y -= 1) years.push({value: String(y), label: ctx.fiscalYearLabel(y)});
  const byUse = new Map((x ? x.lines : []).map((l) => [l.useId, l]));
  const shown = [...uses];
  byUse.forEach((l, id) => { if (!shown.some((u) => u.id === id)) shown.push({id, name: l.useName}); });
  const rows = shown.map((u, i) => {
    const l = byUse.get(u.id) || {};
    return h('tr', {}, h('th', {scope: 'row', text: u.name}),
        h('td', {class: 'num', text: l.received !== undefined ? yen(ctx, l.received) : '—'}),
        h('td', {}, h('input', {type: 'text', inputmode: 'numeric', class: 'num', name: `spent-${i}`, value: l.spent ?? '', dataset: {use: u.id},
          'aria-label': `${u.name} ${tr(ctx, '活用額 (円)', 'spent (yen)')}`})),
        h('td', {}, h('textarea', {name: `text-${i}`, maxlength: '2000', rows: '2', 'aria-label': `${u.name} ${tr(ctx, '活用の内容', 'what it paid for')}`}, l.text || '')));
  });
  const grid = h('table', {class: 'list', id: 'use-report-lines'}, h('caption', {text: tr(ctx, '使途ごとの活用 (空欄の使途は載せません)', 'Per use (a use left blank is not reported)')}),
      h('thead', {}, h('tr', {}, [tr(ctx, '使途', 'Use'), tr(ctx, 'この年度の寄附額', 'Donated in the year'), tr(ctx, '活用額 (円)', 'Spent (yen)'), tr(ctx, '活用の内容', 'What it paid for')]
          .map((t) => h('th', {scope: 'col', text: t})))), h('tbody', {}, rows));
  const f = h('form', {class: 'form', id: 'use-report-form', novalidate: true},
      h('div', {class: 'grid2'},
          field(ctx, {name: 'fiscalYear', label: tr(ctx, '年度', 'Fiscal year'), type: 'select', id: 'ur-year', options: years, value: String(x ? x.fiscalYear.year : fy0 - 1)}),
          field(ctx, {name: 'publishedOn', label: tr(ctx, 'ポータルでの公開日 (空欄: 非公開)', 'Published on the portal from (blank: not published)'), type: 'date', id: 'ur-published',
            value: x && x.publishedOn ? x.publishedOn : ''})),
      field(ctx, {name: 'summary', label: tr(ctx, 'まとめ', 'Summary'), type: 'textarea', id: 'ur-summary', value: x ? (x.summary || '') : '', attrs: {maxlength: '2000'}}),
      grid,
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-use-report', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: ctx.href()}, tr(ctx, 'キャンセル', 'Cancel')),
          x ? h('button', {type: 'button', class: 'btn btn-danger', id: 'delete-use-report', text: tr(ctx, '削除', 'Delete'), on: {click: () => remove(ctx, f, x, etag)}}) : null));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const lines = [];
    grid.querySelectorAll('tbody tr').forEach((row) => {
      const spent = row.querySelector('input[name^=spent-]');
      const text = row.querySelector('textarea').value.trim();
      const s = spent.value.trim().replace(/,/g, '');
      if (s === '' && text === '') return;
      lines.push({useId: spent.dataset.use, spent: /^\d+$/.test(s) ? Number(s) : (s === '' ? null : s), text: text || null});
    });
    const body = {fiscalYear: f.elements.fiscalYear.value, publishedOn: f.elements.publishedOn.value || null, summary: f.elements.summary.value.trim() || null, lines};
    const reply = await submit(ctx, f, {method: x ? 'PUT' : 'POST', path: x ? `${PATH}/${x.id}` : PATH, body, etag, reload: () => ctx.navigate(ctx.href(x.id))});
    if (reply) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      ctx.navigate(ctx.href(reply.body.id));
    }
  });
  root.append(backLink(ctx), x && x.published ? notice(tr(ctx, `ポータルに公開しています (${x.publishedOn} から)。`, `Published on the portal (from ${x.publishedOn}).`)) : null, f);
}

async function remove(ctx, f, x, etag) {
  if (!window.confirm(tr(ctx, 'この活用報告を削除しますか。', 'Delete this use report?'))) return;
  const r = await ctx.api('DELETE', `${PATH}/${x.id}`, {etag});
  if (r.status === 204) {
    ctx.announce(tr(ctx, '削除しました。', 'Deleted.'));
    ctx.navigate(ctx.href());
  } else {
    f.prepend(notice(r.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
        : (r.problem && r.problem.detail) || String(r.status), 'error'));
  }
}
