// 市民の声の分類・Open311 in the staff console: #/{lg}/engagement/engagement-voice-categories.
// The municipality's categories of citizen voices (list with filters and CSV; municipality
// administrators add and change them with If-Match, deactivate or delete them) and, for
// administrators, the api_keys of Open311 clients: issue one (its secret shown once, here only) and
// revoke one. DOM built with kit.js, never innerHTML.
import {h, add, tr, field, pagedList, submit, notice, problemText, conflictNotice} from '/ui/core/kit.js';

const isAdmin = (ctx) => ['MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);

function dateTime(ctx, iso) {
  if (!iso) return '—';
  const d = String(iso).substring(0, 10);
  const [y, m, dd] = d.split('-').map(Number);
  const t = String(iso).substring(11, 16);
  return ctx.lang === 'en' ? `${d} ${t}` : `${y}年${m}月${dd}日 ${t}`;
}

export default async function render(root, ctx) {
  const admin = isAdmin(ctx);
  const result = h('div', {class: 'category-result', 'aria-live': 'polite'});
  const editor = h('div', {class: 'category-editor', id: 'category-editor'});

  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '分類の絞り込み', 'Filter categories'),
    on: {submit: (e) => { e.preventDefault(); table.reload(); }}},
  field(ctx, {name: 'active', type: 'select', label: tr(ctx, '有効', 'Active'), options: [
    {value: '', label: tr(ctx, 'すべて', 'All')}, {value: 'true', label: tr(ctx, '有効のみ', 'Active only')},
    {value: 'false', label: tr(ctx, '無効のみ', 'Inactive only')}]}),
  field(ctx, {name: 'open311', type: 'select', label: 'Open311', options: [
    {value: '', label: tr(ctx, 'すべて', 'All')}, {value: 'true', label: tr(ctx, 'Open311 で公開', 'Open to Open311')},
    {value: 'false', label: tr(ctx, '公開しない', 'Not open')}]}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  for (const name of ['active', 'open311']) filters.elements[name].addEventListener('change', () => table.reload());

  const yes = (b) => (b ? tr(ctx, 'はい', 'Yes') : tr(ctx, 'いいえ', 'No'));
  const columns = [
    {label: tr(ctx, 'コード', 'Code'), render: (c) => c.code},
    {label: tr(ctx, '名称', 'Name'), render: (c) => (ctx.lang === 'en' && c.nameEn ? c.nameEn : c.nameJa)},
    {label: tr(ctx, 'グループ', 'Group'), render: (c) => c.groupName || '—'},
    {label: tr(ctx, '表示順', 'Order'), render: (c) => c.sortOrder},
    {label: tr(ctx, '有効', 'Active'), render: (c) => yes(c.active)},
    {label: tr(ctx, 'Open311 で公開', 'Open to Open311'), render: (c) => yes(c.open311)},
  ];
  if (admin) {
    columns.push({label: tr(ctx, '操作', 'Actions'), render: (c) => h('button', {type: 'button', class: 'btn edit-category',
      text: tr(ctx, `「${c.nameJa}」を編集`, `Edit "${c.nameEn || c.nameJa}"`), on: {click: () => edit(c.id)}})});
  }
  const table = pagedList(ctx, {
    path: 'engagement/voice-categories', csv: `voice-categories-${ctx.lgCode}.csv`,
    caption: tr(ctx, '市民の声の分類', 'Categories of citizen voices'),
    query: () => ({active: filters.elements.active.value, open311: filters.elements.open311.value}), columns,
  });

  add(root,
      h('p', {class: 'hint', text: tr(ctx, '市民の声の分類です。有効な分類はポータルの投稿フォームで選べます。「Open311 で公開」にした有効な分類は、Open311 GeoReport v2 のサービスとして外部のアプリから投稿を受け付けます。',
          'The categories of citizen voices. Active ones are offered on the portal\'s form; active ones open to Open311 are services of the Open311 GeoReport v2 endpoint, which apps post to.')}),
      filters, table.element, result);
  if (admin) {
    add(root, h('div', {class: 'toolbar'}, h('button', {type: 'button', class: 'btn btn-primary', id: 'new-category',
      text: tr(ctx, '分類を追加', 'Add a category'), on: {click: () => edit(null)}})), editor);
  }
  await table.reload();
  if (admin) await keys(root, ctx);

  /** The form for a new category (id null) or one to change (read with its ETag first). */
  async function edit(id) {
    editor.replaceChildren();
    let c = {code: '', nameJa: '', nameEn: '', description: '', groupName: '', sortOrder: 0, active: true, open311: false};
    let etag = null;
    if (id) {
      const r = await ctx.api('GET', `engagement/voice-categories/${encodeURIComponent(id)}`);
      if (r.status !== 200) {
        editor.append(notice(problemText(ctx, r.problem, r.status), 'error'));
        return;
      }
      c = r.body;
      etag = r.etag;
    }
    const form = h('form', {class: 'form', id: 'category-form', novalidate: true});
    add(form,
        h('h2', {text: id ? tr(ctx, `分類「${c.nameJa}」の変更`, `Change category "${c.nameJa}"`) : tr(ctx, '分類の追加', 'New category')}),
        field(ctx, {name: 'code', label: tr(ctx, 'コード', 'Code'), value: c.code, required: true,
          hint: tr(ctx, '英数字・ハイフン・下線 (40 文字まで)。Open311 の service_code になります。', 'Letters, digits, hyphen, underscore (up to 40): the Open311 service_code.')}),
        field(ctx, {name: 'nameJa', label: tr(ctx, '名称', 'Name (Japanese)'), value: c.nameJa, required: true}),
        field(ctx, {name: 'nameEn', label: tr(ctx, '名称 (英語)', 'Name (English)'), value: c.nameEn || ''}),
        field(ctx, {name: 'groupName', label: tr(ctx, 'グループ', 'Group'), value: c.groupName || ''}),
        field(ctx, {name: 'description', type: 'textarea', label: tr(ctx, '説明', 'Description'), value: c.description || ''}),
        field(ctx, {name: 'sortOrder', type: 'number', label: tr(ctx, '表示順', 'Order'), value: String(c.sortOrder ?? 0)}),
        field(ctx, {name: 'active', type: 'checkbox', label: tr(ctx, '有効 (新しい声に使える)', 'Active (offered for new voices)'), value: c.active}),
        field(ctx, {name: 'open311', type: 'checkbox', label: tr(ctx, 'Open311 で公開する', 'Open to Open311'), value: c.open311}),
        h('div', {class: 'actions'},
            h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-category', text: tr(ctx, '保存', 'Save')}),
            id ? h('button', {type: 'button', class: 'btn', id: 'delete-category', text: tr(ctx, '削除', 'Delete'), on: {click: remove}}) : null,
            h('button', {type: 'button', class: 'btn', text: tr(ctx, 'キャンセル', 'Cancel'), on: {click: () => editor.replaceChildren()}})));
    const reload = () => edit(id);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = form.elements;
      const order = f.sortOrder.value.trim();
      const body = {code: f.code.value.trim(), nameJa: f.nameJa.value.trim(), nameEn: f.nameEn.value.trim() || null,
        groupName: f.groupName.value.trim() || null, description: f.description.value.trim() || null,
        sortOrder: order === '' ? 0 : (/^-?\d+$/.test(order) ? Number(order) : order),
        active: f.active.checked, open311: f.open311.checked};
      const saved = await submit(ctx, form, {method: id ? 'PUT' : 'POST',
        path: id ? `engagement/voice-categories/${encodeURIComponent(id)}` : 'engagement/voice-categories', body, etag, reload});
      if (saved) {
        editor.replaceChildren();
        ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
        result.replaceChildren(notice(tr(ctx, `分類「${saved.body.nameJa}」を保存しました。`, `Saved category "${saved.body.nameJa}".`)));
        await table.reload(false);
      }
    });
    async function remove() {
      const r = await ctx.api('DELETE', `engagement/voice-categories/${encodeURIComponent(id)}`, {etag});
      if (r.status === 204) {
        editor.replaceChildren();
        result.replaceChildren(notice(tr(ctx, '削除しました。', 'Deleted.')));
        await table.reload(false);
      } else if (r.status === 412) {
        form.prepend(conflictNotice(ctx, reload));
      } else {
        form.prepend(notice(problemText(ctx, r.problem, r.status), 'error'));
      }
    }
    editor.append(form);
    form.elements.code.focus();
  }
}

/** Open311 api_keys (administrators): the list, issuing one (its secret shown once) and revoking one. */
async function keys(root, ctx) {
  const section = h('section', {class: 'open311-keys', id: 'open311-keys', 'aria-labelledby': 'open311-keys-heading'});
  const shown = h('div', {class: 'open311-secret', 'aria-live': 'polite'});
  const list = pagedList(ctx, {
    path: 'engagement/open311-keys', caption: tr(ctx, 'Open311 の API キー', 'Open311 API keys'),
    columns: [
      {label: tr(ctx, '名前', 'Name'), render: (k) => k.name},
      {label: tr(ctx, 'キーの先頭', 'Starts with'), render: (k) => `${k.keyPrefix}…`},
      {label: tr(ctx, '発行', 'Issued'), render: (k) => `${dateTime(ctx, k.createdAt)} ${k.createdBy || ''}`},
      {label: tr(ctx, '最終利用', 'Last used'), render: (k) => dateTime(ctx, k.lastUsedAt)},
      {label: tr(ctx, '状態', 'State'), render: (k) => (k.revoked ? tr(ctx, `失効 (${dateTime(ctx, k.revokedAt)})`, `Revoked (${dateTime(ctx, k.revokedAt)})`)
        : h('button', {type: 'button', class: 'btn revoke-key', text: tr(ctx, `「${k.name}」を失効させる`, `Revoke "${k.name}"`),
          on: {click: () => revoke(k)}}))},
    ],
  });
  const form = h('form', {class: 'form', id: 'open311-key-form', novalidate: true},
      field(ctx, {name: 'name', label: tr(ctx, 'キーの名前 (利用するアプリなど)', 'Key name (e.g. the app using it)'), required: true}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'issue-key', text: tr(ctx, 'API キーを発行', 'Issue an API key')})));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    shown.replaceChildren();
    const r = await submit(ctx, form, {method: 'POST', path: 'engagement/open311-keys', body: {name: form.elements.name.value.trim()}});
    if (r) {
      form.reset();
      shown.append(notice(tr(ctx, 'API キーを発行しました。この画面を離れると二度と表示されません。今すぐ控えて、利用者に安全な方法で渡してください。',
          'The API key is issued. It will never be shown again once you leave: copy it now and hand it over safely.')),
      h('p', {}, h('code', {class: 'open311-api-key', text: r.body.apiKey})));
      await list.reload(false);
    }
  });
  async function revoke(k) {
    shown.replaceChildren();
    const current = await ctx.api('GET', `engagement/open311-keys/${encodeURIComponent(k.id)}`);
    const r = current.status === 200 ? await ctx.api('DELETE', `engagement/open311-keys/${encodeURIComponent(k.id)}`, {etag: current.etag}) : current;
    if (r.status === 200) {
      shown.append(notice(tr(ctx, `「${k.name}」を失効させました。`, `Revoked "${k.name}".`)));
    } else if (r.status === 412) {
      shown.append(conflictNotice(ctx, () => list.reload(false)));
    } else {
      shown.append(notice(problemText(ctx, r.problem, r.status), 'error'));
    }
    await list.reload(false);
  }
  add(section, h('h2', {id: 'open311-keys-heading', text: tr(ctx, 'Open311 の API キー', 'Open311 API keys')}),
      h('p', {class: 'hint', text: tr(ctx, 'Open311 GeoReport v2 (/api/v1/open311/v2/、jurisdiction_id は団体コード) に投稿するアプリに渡す api_key です。キーは発行時に一度だけ表示され、Machi には元の値は残りません。',
          'The api_keys of apps posting to Open311 GeoReport v2 (/api/v1/open311/v2/, jurisdiction_id being the municipality\'s code). A key is shown once when issued; Machi keeps only its hash.')}),
      list.element, form, shown);
  root.append(section);
  await list.reload();
}
