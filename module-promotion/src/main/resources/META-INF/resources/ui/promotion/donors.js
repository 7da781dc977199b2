// ふるさと納税: 寄附者 / Hometown tax: donors. The list shows personal data masked (as the API
// gives it); one donor's page shows it masked until staff press 「個人情報を表示」, which reads it
// in full and leaves a record in the audit trail. No search by name, e-mail or phone (that would
// put personal data in URLs and logs): a resident's records are found through 個人情報の開示請求.
// Routes: #/{lg}/promotion/promotion-donors[/new | /{id} | /{id}/edit].
import {h, tr, field, facts, pagedList, submit, errorNotice, notice} from '/ui/core/kit.js';

const PATH = 'promotion/donors';

export default async function render(root, ctx) {
  const [a, b] = ctx.args || [];
  if (!a) return list(root, ctx);
  if (a === 'new') return form(root, ctx, null, null);
  const full = b === 'edit';
  const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}${full ? '?reveal=personal-data' : ''}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return full ? form(root, ctx, r.body, r.etag) : detail(root, ctx, r.body, r.etag);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 寄附者の一覧へ', '← All donors')));
const day = (s) => (s ? String(s).slice(0, 10) : '—');
const donationsHref = (ctx, ...rest) => `#/${ctx.lgCode}/promotion/promotion-donations${rest.length ? `/${rest.join('/')}` : ''}`;

async function list(root, ctx) {
  const table = pagedList(ctx, {
    path: PATH, csv: `donors-${ctx.lgCode}.csv`, caption: tr(ctx, '寄附者の一覧 (個人情報は伏せて表示)', 'Donors (personal data masked)'),
    columns: [
      {label: tr(ctx, '氏名', 'Name'), render: (x) => h('a', {href: ctx.href(x.id)}, x.name || '—')},
      {label: tr(ctx, '住所', 'Address'), render: (x) => x.address || ''},
      {label: tr(ctx, '寄附件数', 'Donations'), render: (x) => String(x.donations)},
      {label: tr(ctx, '登録日', 'Registered'), render: (x) => day(x.createdAt)},
      {label: tr(ctx, '匿名化', 'Anonymised'), render: (x) => (x.anonymisedAt ? day(x.anonymisedAt) : '')},
    ],
  });
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-donor', href: ctx.href('new')}, tr(ctx, '寄附者を登録', 'Register a donor'))),
      h('p', {class: 'hint', text: tr(ctx, '氏名・住所などは伏せて表示しています。個人を探すときは「個人情報の開示請求」を使ってください。',
          'Names and addresses are masked. To find a person, use the personal data request.')}),
      table.element);
  await table.reload();
}

function detail(root, ctx, x, etag) {
  ctx.setTitle(tr(ctx, '寄附者', 'Donor'));
  const shown = h('div', {id: 'donor-facts'}, personFacts(ctx, x));
  const reveal = h('button', {type: 'button', class: 'btn', id: 'reveal-donor', text: tr(ctx, '個人情報を表示 (記録されます)', 'Show personal data (recorded)'),
    on: {click: async () => {
      const r = await ctx.api('GET', `${PATH}/${x.id}?reveal=personal-data`);
      if (r.status === 200) {
        shown.replaceChildren(personFacts(ctx, r.body));
        reveal.remove();
        ctx.announce(tr(ctx, '個人情報を表示しました。この操作は監査ログに記録されます。', 'Personal data shown; this is recorded in the audit trail.'));
      } else {
        shown.prepend(notice((r.problem && r.problem.detail) || String(r.status), 'error'));
      }
    }}});
  const actions = h('div', {class: 'toolbar'},
      x.anonymisedAt ? null : reveal,
      x.anonymisedAt ? null : h('a', {class: 'btn', id: 'edit-donor', href: ctx.href(x.id, 'edit')}, tr(ctx, '編集', 'Edit')),
      x.anonymisedAt ? null : h('a', {class: 'btn btn-primary', id: 'new-donation', href: donationsHref(ctx, 'new', x.id)}, tr(ctx, 'この寄附者の寄附を登録', 'Record a donation by this donor')),
      h('a', {class: 'btn', id: 'donor-donations', href: donationsHref(ctx, 'donor', x.id)}, tr(ctx, `寄附の一覧 (${x.donations} 件)`, `Donations (${x.donations})`)),
      x.donations === 0 ? h('button', {type: 'button', class: 'btn btn-danger', id: 'delete-donor', text: tr(ctx, '削除', 'Delete'), on: {click: () => remove(ctx, root, x, etag)}}) : null);
  root.append(backLink(ctx), actions, shown);
}

function personFacts(ctx, x) {
  return facts([
    [tr(ctx, '氏名', 'Name'), x.name || '—'],
    [tr(ctx, 'フリガナ', 'Reading'), x.nameKana || '—'],
    [tr(ctx, '郵便番号', 'Postal code'), x.postalCode || '—'],
    [tr(ctx, '住所', 'Address'), x.address || '—'],
    [tr(ctx, '電話番号', 'Phone'), x.phone || '—'],
    [tr(ctx, 'メールアドレス', 'E-mail'), x.email || '—'],
    [tr(ctx, '登録日', 'Registered'), day(x.createdAt)],
    x.anonymisedAt ? [tr(ctx, '匿名化', 'Anonymised'), day(x.anonymisedAt)] : null,
  ]);
}

function form(root, ctx, x, etag) {
  const c = x || {};
  ctx.setTitle(x ? tr(ctx, '寄附者の編集', 'Edit donor') : tr(ctx, '寄附者の登録', 'Register a donor'));
  const f = h('form', {class: 'form', id: 'donor-form', novalidate: true, autocomplete: 'off'},
      h('div', {class: 'grid2'},
          field(ctx, {name: 'name', label: tr(ctx, '氏名', 'Name'), value: c.name || '', required: true, id: 'donor-name', attrs: {maxlength: '100'}}),
          field(ctx, {name: 'nameKana', label: tr(ctx, 'フリガナ', 'Reading (kana)'), value: c.nameKana || '', id: 'donor-kana', attrs: {maxlength: '100'}}),
          field(ctx, {name: 'postalCode', label: tr(ctx, '郵便番号', 'Postal code'), value: c.postalCode || '', id: 'donor-postal', hint: tr(ctx, '例: 745-8655', 'e.g. 745-8655'), attrs: {maxlength: '8'}}),
          field(ctx, {name: 'phone', label: tr(ctx, '電話番号', 'Phone'), type: 'tel', value: c.phone || '', id: 'donor-phone', attrs: {maxlength: '40'}})),
      field(ctx, {name: 'address', label: tr(ctx, '住所', 'Address'), value: c.address || '', id: 'donor-address', attrs: {maxlength: '300'}}),
      field(ctx, {name: 'email', label: tr(ctx, 'メールアドレス', 'E-mail'), type: 'email', value: c.email || '', id: 'donor-email', attrs: {maxlength: '254'}}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-donor', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: x ? ctx.href(x.id) : ctx.href()}, tr(ctx, 'キャンセル', 'Cancel'))));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (k) => f.elements[k].value.trim() || null;
    const body = {name: v('name'), nameKana: v('nameKana'), postalCode: v('postalCode'), address: v('address'), phone: v('phone'), email: v('email')};
    const reply = await submit(ctx, f, {method: x ? 'PUT' : 'POST', path: x ? `${PATH}/${x.id}` : PATH, body, etag,
      reload: () => ctx.navigate(ctx.href(x.id, 'edit'))});
    if (reply) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      ctx.navigate(ctx.href(reply.body.id));
    }
  });
  root.append(backLink(ctx), f);
}

async function remove(ctx, root, x, etag) {
  if (!window.confirm(tr(ctx, 'この寄附者を削除しますか。', 'Delete this donor?'))) return;
  const r = await ctx.api('DELETE', `${PATH}/${x.id}`, {etag});
  if (r.status === 204) {
    ctx.announce(tr(ctx, '削除しました。', 'Deleted.'));
    ctx.navigate(ctx.href());
  } else {
    root.prepend(notice(r.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
        : (r.problem && r.problem.detail) || String(r.status), 'error'));
  }
}
