// The organisational units (部/課/係): the tree on a day, and every unit ever with its validity
// (history), paged, with CSV.
import {h, tr, field, pagedList, facts, errorNotice} from '../kit.js';

export default async function render(root, ctx) {
  const [id] = ctx.args;
  if (id) return detail(root, ctx, id);
  const today = new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
  const dayField = field(ctx, {name: 'asOf', type: 'date', label: tr(ctx, '基準日', 'As of'), value: today});
  const treeBox = h('div', {id: 'unit-tree'});
  const show = h('button', {type: 'submit', class: 'btn', text: tr(ctx, '表示', 'Show')});
  const form = h('form', {class: 'filters', on: {submit: (e) => { e.preventDefault(); tree(); }}}, dayField, show);
  const history = pagedList(ctx, {
    path: 'organization-units', query: () => ({history: 'true'}), csv: 'organization-units-history.csv', xlsx: 'organization-units-history.xlsx',
    caption: tr(ctx, 'すべての組織と有効期間', 'Every unit and when it was valid'),
    columns: [
      {label: tr(ctx, 'コード', 'Code'), render: (u) => u.code},
      {label: tr(ctx, '名称', 'Name'), render: (u) => h('a', {href: ctx.href(u.id)}, ctx.lang === 'en' && u.nameEn ? u.nameEn : u.nameJa)},
      {label: tr(ctx, '種別', 'Kind'), render: (u) => u.kind.label[ctx.lang] || u.kind.code},
      {label: tr(ctx, '上位組織', 'Parent'), render: (u) => u.parentCode || ''},
      {label: tr(ctx, '有効開始', 'Valid from'), render: (u) => u.validFrom || ''},
      {label: tr(ctx, '有効終了', 'Valid to'), render: (u) => u.validTo || tr(ctx, '(現在)', '(current)')},
    ],
  });
  root.append(h('h2', {text: tr(ctx, '組織図', 'Organisation chart')}), form, treeBox,
      h('h2', {text: tr(ctx, '履歴', 'History')}), history.element);

  async function tree() {
    const day = dayField.querySelector('input').value;
    try {
      const t = await ctx.getJson(`organization-units/tree${day ? `?asOf=${encodeURIComponent(day)}` : ''}`);
      const node = (n) => h('li', {}, h('a', {href: ctx.href(n.id)}, ctx.lang === 'en' && n.nameEn ? n.nameEn : n.nameJa),
          h('span', {class: 'kind', text: n.kind.label[ctx.lang] || n.kind.code}), ` ${n.code}`,
          n.children && n.children.length ? h('ul', {}, n.children.map(node)) : null);
      treeBox.replaceChildren(t.roots.length ? h('ul', {class: 'tree', 'aria-label': tr(ctx, `${t.asOf} の組織図`, `Organisation on ${t.asOf}`)}, t.roots.map(node))
          : h('p', {text: tr(ctx, 'この日に有効な組織はありません。', 'No unit was valid on that day.')}));
    } catch (err) {
      treeBox.replaceChildren(errorNotice(ctx, err));
    }
  }
  await Promise.all([tree(), history.reload()]);
}

async function detail(root, ctx, id) {
  let u;
  try {
    u = await ctx.getJson(`organization-units/${encodeURIComponent(id)}`);
  } catch (err) {
    root.append(errorNotice(ctx, err));
    return;
  }
  ctx.setTitle(ctx.lang === 'en' && u.nameEn ? u.nameEn : u.nameJa);
  const ref = (r) => h('li', {}, h('a', {href: ctx.href(r.id)}, `${r.nameJa} (${r.code})`),
      ` ${r.validFrom || ''}〜${r.validTo || ''}`, r.effectiveDate ? tr(ctx, ` ・${r.effectiveDate} に承継`, ` · succession on ${r.effectiveDate}`) : '');
  root.append(h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 組織の一覧へ', '← All units'))),
      facts([[tr(ctx, 'コード', 'Code'), u.code], [tr(ctx, '名称', 'Name'), u.nameJa], [tr(ctx, 'よみがな', 'Reading'), u.nameKana || '—'],
        [tr(ctx, '英語名', 'English name'), u.nameEn || '—'], [tr(ctx, '種別', 'Kind'), u.kind.label[ctx.lang]],
        [tr(ctx, '上位組織', 'Parent'), u.parent ? h('a', {href: ctx.href(u.parent.id)}, u.parent.nameJa) : '—'],
        [tr(ctx, '有効期間', 'Valid'), `${u.validFrom || ''}〜${u.validTo || tr(ctx, '(現在)', '(current)')}`]]),
      h('h2', {text: tr(ctx, '前身の組織', 'Came from')}), u.predecessors.length ? h('ul', {}, u.predecessors.map(ref)) : h('p', {text: '—'}),
      h('h2', {text: tr(ctx, '後継の組織', 'Led to')}), u.successors.length ? h('ul', {}, u.successors.map(ref)) : h('p', {text: '—'}));
}
