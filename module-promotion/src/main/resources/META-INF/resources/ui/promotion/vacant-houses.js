// 空き家バンク: 物件 / Vacant-house bank: properties. The list (paged, CSV, by state and deal type)
// with owners masked; a property's page with what the portal shows, the owner (masked until
// 「個人情報を表示」, recorded), its state, the actions the signed-in person may take now (a reason
// where one is required; If-Match) and the history; a form for the property and its owner.
// Photos: shown in order with their captions; staff add (JPEG, PNG, WebP; the metadata is taken out
// by the server), reorder, recaption and remove them, each with the property's ETag.
// Routes: #/{lg}/promotion/promotion-vacant-houses[/new | /{id} | /{id}/edit].
import {h, tr, field, facts, pagedList, submit, errorNotice, notice, problemText} from '/ui/core/kit.js';

const PATH = 'promotion/vacant-houses';
const STATES = [['APPLIED', '申込受付', 'Applied'], ['SURVEYED', '現地調査済', 'Surveyed'], ['REGISTERED', '登録済', 'Registered'],
  ['PUBLISHED', '公開中', 'Published'], ['NEGOTIATING', '交渉中', 'Negotiating'], ['CONTRACTED', '成約', 'Contracted'],
  ['EXPIRED', '登録期限切れ', 'Registration expired'], ['CLOSED', '終了', 'Closed']];

export default async function render(root, ctx) {
  const [a, b] = ctx.args || [];
  const d = await ctx.api('GET', `${PATH}/deal-types`);
  const deals = d.status === 200 ? d.body : [];
  if (!a) return list(root, ctx, deals);
  if (a === 'new') return form(root, ctx, deals, null, null);
  const full = b === 'edit';
  const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}${full ? '?reveal=personal-data' : ''}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return full ? form(root, ctx, deals, r.body, r.etag) : detail(root, ctx, r.body);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 物件の一覧へ', '← All properties')));
const yen = (n) => (n === null || n === undefined ? '—' : `${Number(n).toLocaleString('ja-JP')} 円`);

async function list(root, ctx, deals) {
  const stateField = field(ctx, {name: 'state', label: tr(ctx, '状態', 'State'), type: 'select', id: 'filter-state',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...STATES.map(([c, ja, en]) => ({value: c, label: tr(ctx, ja, en)}))]});
  const dealField = field(ctx, {name: 'dealType', label: tr(ctx, '取引の種類', 'Deal'), type: 'select', id: 'filter-deal',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...deals.map((x) => ({value: x.code, label: x.label}))]});
  const sel = (w) => w.querySelector('select');
  const table = pagedList(ctx, {
    path: PATH, csv: `vacant-houses-${ctx.lgCode}.csv`, caption: tr(ctx, '空き家バンクの物件 (所有者は伏せて表示)', 'Vacant-house bank properties (owners masked)'),
    query: () => ({state: sel(stateField).value, dealType: sel(dealField).value}),
    columns: [
      {label: tr(ctx, '物件名', 'Property'), render: (x) => h('a', {href: ctx.href(x.id)}, x.title)},
      {label: tr(ctx, '所在地区', 'District'), render: (x) => x.area},
      {label: tr(ctx, '取引', 'Deal'), render: (x) => x.dealTypeLabel},
      {label: tr(ctx, '家賃/価格', 'Rent/price'), render: (x) => [x.rent != null ? yen(x.rent) : null, x.price != null ? yen(x.price) : null].filter(Boolean).join(' / ')},
      {label: tr(ctx, '所有者', 'Owner'), render: (x) => x.ownerName},
      {label: tr(ctx, '状態', 'State'), render: (x) => x.stateLabel},
      {label: tr(ctx, '申込日', 'Applied'), render: (x) => x.appliedOn},
      {label: tr(ctx, '登録期限', 'Registration ends'), render: (x) => x.expiresOn || '—'},
    ],
  });
  [stateField, dealField].forEach((w) => sel(w).addEventListener('change', () => table.reload()));
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-vacant-house', href: ctx.href('new')}, tr(ctx, '申込を記録', 'Record an application'))),
      h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '物件の絞り込み', 'Filter properties'), on: {submit: (e) => e.preventDefault()}}, stateField, dealField),
      table.element);
  await table.reload();
}

function ownerFacts(ctx, x) {
  return facts([
    [tr(ctx, '所有者', 'Owner'), x.ownerName || '—'],
    [tr(ctx, '住所', 'Address'), x.ownerAddress || '—'],
    [tr(ctx, '電話番号', 'Phone'), x.ownerPhone || '—'],
    [tr(ctx, 'メールアドレス', 'E-mail'), x.ownerEmail || '—'],
  ]);
}

async function detail(root, ctx, x) {
  ctx.setTitle(tr(ctx, `空き家バンク: ${x.title}`, `Vacant-house bank: ${x.title}`));
  const owner = h('div', {id: 'vacant-house-owner'}, ownerFacts(ctx, x));
  const reveal = h('button', {type: 'button', class: 'btn', id: 'reveal-owner', text: tr(ctx, '個人情報を表示 (記録されます)', 'Show personal data (recorded)'),
    on: {click: async () => {
      const r = await ctx.api('GET', `${PATH}/${x.id}?reveal=personal-data`);
      if (r.status === 200) {
        owner.replaceChildren(ownerFacts(ctx, r.body));
        reveal.remove();
        ctx.announce(tr(ctx, '個人情報を表示しました。この操作は監査ログに記録されます。', 'Personal data shown; this is recorded in the audit trail.'));
      } else {
        owner.prepend(notice((r.problem && r.problem.detail) || String(r.status), 'error'));
      }
    }}});
  const wf = h('section', {id: 'vacant-house-workflow', 'aria-labelledby': 'vh-wf-h'});
  root.append(backLink(ctx),
      h('div', {class: 'toolbar'}, x.anonymisedAt ? null : reveal,
          x.anonymisedAt ? null : h('a', {class: 'btn', id: 'edit-vacant-house', href: ctx.href(x.id, 'edit')}, tr(ctx, '編集', 'Edit'))),
      facts([
        [tr(ctx, '所在地区', 'District'), x.area],
        [tr(ctx, '取引', 'Deal'), x.dealTypeLabel],
        [tr(ctx, '家賃 (月額)', 'Rent (a month)'), yen(x.rent)],
        [tr(ctx, '価格', 'Price'), yen(x.price)],
        [tr(ctx, '間取り', 'Layout'), x.layout || '—'],
        [tr(ctx, '延床面積', 'Floor area'), x.floorArea ? `${x.floorArea} ㎡` : '—'],
        [tr(ctx, '土地面積', 'Land area'), x.landArea ? `${x.landArea} ㎡` : '—'],
        [tr(ctx, '建築年', 'Built'), x.builtYear ? String(x.builtYear) : '—'],
        [tr(ctx, '説明', 'Description'), x.description || '—'],
        [tr(ctx, '申込日', 'Applied'), x.appliedOn],
        [tr(ctx, '現地調査の期限', 'Survey due'), x.surveyDue],
        [tr(ctx, '登録日', 'Registered'), x.registeredOn || '—'],
        [tr(ctx, '登録期限', 'Registration ends'), x.expiresOn || '—'],
      ]),
      h('h2', {text: tr(ctx, '所有者 (ポータルには表示しません)', 'Owner (never on the portal)')}), owner, wf);
  const pics = h('section', {id: 'vacant-house-photos', 'aria-labelledby': 'vh-photos-h'});
  root.append(pics);
  await workflow(ctx, wf, x.id);
  await photos(ctx, pics, x.id, () => workflow(ctx, wf, x.id));
}

const canWrite = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);

/** The property's photos: thumbnails in order with captions; staff add, reorder, recaption, remove (the property's ETag). */
async function photos(ctx, section, id, changed) {
  const path = `${PATH}/${id}/attachments`;
  const r = await ctx.api('GET', path);
  section.replaceChildren(h('h2', {id: 'vh-photos-h', text: tr(ctx, '写真 (ポータルに表示します)', 'Photos (shown on the portal)')}));
  if (r.status !== 200) {
    section.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}));
    return;
  }
  const result = h('div', {class: 'photos-result', 'aria-live': 'polite'});
  const list = r.body.photos;
  const reload = async (message) => {
    await photos(ctx, section, id, changed);
    if (changed) await changed();
    if (message) {
      section.append(notice(message));
      ctx.announce(message);
    }
  };
  const failed = (reply) => result.replaceChildren(notice(reply.status === 412
    ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
    : problemText(ctx, reply.problem, reply.status), 'error'));
  const write = canWrite(ctx);
  if (list.length === 0) {
    section.append(h('p', {class: 'hint', id: 'vh-no-photos', text: tr(ctx, '写真はまだありません。', 'No photos yet.')}));
  } else {
    const order = list.map((p) => p.id);
    const captions = {};
    const items = list.map((p, i) => {
      captions[p.id] = p.caption || '';
      const img = h('img', {alt: p.caption || tr(ctx, `写真 ${i + 1}`, `Photo ${i + 1}`), class: 'vh-photo', width: '160'});
      ctx.api('GET', `${path}/${encodeURIComponent(p.id)}`, {accept: '*/*', raw: true}).then((x) => {
        if (x.status === 200) img.src = URL.createObjectURL(x.blob);
      });
      const move = (by) => {
        const j = order.indexOf(p.id);
        const k = j + by;
        if (k < 0 || k >= order.length) return;
        [order[j], order[k]] = [order[k], order[j]];
        saveOrder();
      };
      const caption = h('input', {type: 'text', value: p.caption || '', maxlength: '100', id: `vh-photo-caption-${i}`,
        'aria-label': tr(ctx, `写真 ${i + 1} の説明`, `Caption of photo ${i + 1}`), disabled: !write,
        on: {input: (e) => { captions[p.id] = e.target.value; }}});
      return h('li', {class: 'vh-photo-item'}, img, h('div', {}, caption,
          write ? h('button', {type: 'button', class: 'btn', text: '↑', disabled: i === 0, 'aria-label': tr(ctx, `写真 ${i + 1} を前へ`, `Move photo ${i + 1} up`), on: {click: () => move(-1)}}) : null,
          write ? h('button', {type: 'button', class: 'btn', text: '↓', disabled: i === list.length - 1, 'aria-label': tr(ctx, `写真 ${i + 1} を後ろへ`, `Move photo ${i + 1} down`), on: {click: () => move(1)}}) : null,
          write ? h('button', {type: 'button', class: 'btn vh-photo-remove', text: tr(ctx, '削除', 'Remove'), 'aria-label': tr(ctx, `写真 ${i + 1} を削除`, `Remove photo ${i + 1}`),
            on: {click: async () => {
              if (!window.confirm(tr(ctx, `写真 ${i + 1} を削除しますか。`, `Remove photo ${i + 1}?`))) return;
              const reply = await ctx.api('DELETE', `${path}/${encodeURIComponent(p.id)}`, {etag: r.etag});
              if (reply.status === 204) await reload(tr(ctx, '写真を削除しました。', 'Photo removed.'));
              else failed(reply);
            }}}) : null));
    });
    async function saveOrder() {
      const reply = await ctx.api('PUT', path, {etag: r.etag, body: {photos: order.map((pid) => ({id: pid, caption: captions[pid].trim() || null}))}});
      if (reply.status === 200) await reload(tr(ctx, '写真の順番と説明を保存しました。', 'Order and captions saved.'));
      else failed(reply);
    }
    section.append(h('ol', {class: 'vh-photos', id: 'vh-photo-list'}, items));
    if (write) {
      section.append(h('div', {class: 'actions'}, h('button', {type: 'button', class: 'btn', id: 'vh-save-captions',
        text: tr(ctx, '説明を保存', 'Save captions'), on: {click: saveOrder}})));
    }
  }
  if (write) {
    const input = h('input', {type: 'file', id: 'vh-photo-file', name: 'file', accept: 'image/jpeg,image/png,image/webp'});
    const caption = field(ctx, {name: 'caption', label: tr(ctx, '説明 (任意)', 'Caption (optional)'), id: 'vh-photo-caption', attrs: {maxlength: '100'}});
    const form = h('form', {class: 'form', id: 'vh-photo-form'},
        h('div', {class: 'field'}, h('label', {for: 'vh-photo-file', text: tr(ctx, '写真を追加', 'Add a photo')}), input,
            h('p', {class: 'hint', text: tr(ctx,
                'JPEG・PNG・WebP、5 MB まで、1物件20枚まで。撮影場所 (GPS) や撮影者名などの情報は保存前に取り除きます。所有者や近隣の方が写った写真は載せないでください。',
                'JPEG, PNG or WebP, up to 5 MB, 20 a property. The place taken (GPS), names and other metadata are removed before saving. Do not use photos showing the owner or neighbours.')})),
        caption,
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'vh-add-photo', text: tr(ctx, '追加する', 'Add')})));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      result.replaceChildren();
      const file = input.files && input.files[0];
      if (!file) {
        result.append(notice(tr(ctx, '写真を選んでください。', 'Choose a photo.'), 'error'));
        input.focus();
        return;
      }
      const text = caption.querySelector('input').value.trim();
      const reply = await ctx.api('POST', `${path}?fileName=${encodeURIComponent(file.name)}${text ? `&caption=${encodeURIComponent(text)}` : ''}`,
          {file, etag: r.etag});
      if (reply.status === 201) await reload(tr(ctx, '写真を追加しました。', 'Photo added.'));
      else failed(reply);
    });
    section.append(form);
  }
  section.append(result);
}

async function workflow(ctx, section, id) {
  const r = await ctx.api('GET', `${PATH}/${id}/workflow`);
  section.replaceChildren(h('h2', {id: 'vh-wf-h', text: tr(ctx, '状態と手続', 'State and steps')}));
  if (r.status !== 200) {
    section.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}));
    return;
  }
  const w = r.body;
  section.append(h('p', {id: 'vacant-house-state', text: tr(ctx, `現在の状態: ${w.stateLabel}`, `Now: ${w.stateLabel}`)}));
  if (w.actions.length > 0) {
    const comment = field(ctx, {name: 'comment', label: tr(ctx, 'コメント・理由', 'Comment or reason'), type: 'textarea', id: 'vh-comment', attrs: {maxlength: '2000'}});
    const buttons = h('div', {class: 'actions'}, w.actions.map((a) => h('button', {type: 'button', class: 'btn', id: `vh-action-${a.action}`,
      text: a.label, on: {click: async () => {
        const reply = await ctx.api('POST', `${PATH}/${id}/workflow/transitions`, {etag: r.etag,
          body: {action: a.action, comment: comment.querySelector('textarea').value.trim() || null}});
        if (reply.status === 200) {
          ctx.announce(tr(ctx, `${a.label}: 完了しました。`, `${a.label}: done.`));
          ctx.navigate(ctx.href(id));
        } else {
          section.prepend(notice(reply.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
              : (reply.problem && reply.problem.detail) || String(reply.status), 'error'));
        }
      }}})));
    section.append(comment, buttons);
  }
  if (w.history.length > 0) {
    section.append(h('h3', {text: tr(ctx, '履歴', 'History')}),
        h('ol', {id: 'vacant-house-history'}, w.history.map((x) => h('li', {text: `${String(x.at).slice(0, 10)} ${x.actionLabel}${x.comment ? `: ${x.comment}` : ''}`}))));
  }
}

function form(root, ctx, deals, x, etag) {
  const c = x || {dealType: 'RENT'};
  ctx.setTitle(x ? tr(ctx, '物件の編集', 'Edit property') : tr(ctx, '空き家バンクへの申込', 'Application to the vacant-house bank'));
  const f = h('form', {class: 'form', id: 'vacant-house-form', novalidate: true, autocomplete: 'off'},
      h('h2', {text: tr(ctx, '物件 (ポータルに表示する内容)', 'The property (what the portal shows)')}),
      h('div', {class: 'grid2'},
          field(ctx, {name: 'title', label: tr(ctx, '物件名', 'Property'), value: c.title || '', required: true, id: 'vh-title', attrs: {maxlength: '100'}}),
          field(ctx, {name: 'area', label: tr(ctx, '所在地区 (番地は書かない)', 'District (no street address)'), value: c.area || '', required: true, id: 'vh-area', attrs: {maxlength: '100'}}),
          field(ctx, {name: 'dealType', label: tr(ctx, '取引の種類', 'Deal'), type: 'select', value: c.dealType, required: true, id: 'vh-deal',
            options: deals.map((o) => ({value: o.code, label: o.label}))}),
          field(ctx, {name: 'layout', label: tr(ctx, '間取り (例: 4LDK)', 'Layout (e.g. 4LDK)'), value: c.layout || '', id: 'vh-layout', attrs: {maxlength: '20'}}),
          field(ctx, {name: 'rent', label: tr(ctx, '家賃 (月額・円)', 'Rent (yen a month)'), type: 'number', value: c.rent != null ? String(c.rent) : '', id: 'vh-rent'}),
          field(ctx, {name: 'price', label: tr(ctx, '価格 (円)', 'Price (yen)'), type: 'number', value: c.price != null ? String(c.price) : '', id: 'vh-price'}),
          field(ctx, {name: 'floorArea', label: tr(ctx, '延床面積 (㎡)', 'Floor area (m²)'), type: 'number', value: c.floorArea != null ? String(c.floorArea) : '', id: 'vh-floor'}),
          field(ctx, {name: 'landArea', label: tr(ctx, '土地面積 (㎡)', 'Land area (m²)'), type: 'number', value: c.landArea != null ? String(c.landArea) : '', id: 'vh-land'}),
          field(ctx, {name: 'builtYear', label: tr(ctx, '建築年 (西暦)', 'Year built'), type: 'number', value: c.builtYear != null ? String(c.builtYear) : '', id: 'vh-built'})),
      field(ctx, {name: 'description', label: tr(ctx, '説明', 'Description'), type: 'textarea', value: c.description || '', id: 'vh-description', attrs: {maxlength: '2000'}}),
      h('h2', {text: tr(ctx, '所有者 (個人情報・ポータルには表示しません)', 'Owner (personal data, never on the portal)')}),
      h('div', {class: 'grid2'},
          field(ctx, {name: 'ownerName', label: tr(ctx, '氏名', 'Name'), value: c.ownerName || '', required: true, id: 'vh-owner-name', attrs: {maxlength: '100'}}),
          field(ctx, {name: 'ownerPhone', label: tr(ctx, '電話番号', 'Phone'), type: 'tel', value: c.ownerPhone || '', id: 'vh-owner-phone', attrs: {maxlength: '40'}}),
          field(ctx, {name: 'ownerAddress', label: tr(ctx, '住所', 'Address'), value: c.ownerAddress || '', id: 'vh-owner-address', attrs: {maxlength: '300'}}),
          field(ctx, {name: 'ownerEmail', label: tr(ctx, 'メールアドレス', 'E-mail'), type: 'email', value: c.ownerEmail || '', id: 'vh-owner-email', attrs: {maxlength: '254'}})),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-vacant-house', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: x ? ctx.href(x.id) : ctx.href()}, tr(ctx, 'キャンセル', 'Cancel'))));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (k) => f.elements[k].value.trim() || null;
    const n = (k) => (v(k) && /^\d+(\.\d+)?$/.test(v(k)) ? Number(v(k)) : v(k));
    const body = {title: v('title'), area: v('area'), dealType: v('dealType'), layout: v('layout'), rent: n('rent'), price: n('price'),
      floorArea: n('floorArea'), landArea: n('landArea'), builtYear: n('builtYear'), description: v('description'),
      ownerName: v('ownerName'), ownerPhone: v('ownerPhone'), ownerAddress: v('ownerAddress'), ownerEmail: v('ownerEmail')};
    const reply = await submit(ctx, f, {method: x ? 'PUT' : 'POST', path: x ? `${PATH}/${x.id}` : PATH, body, etag,
      reload: () => ctx.navigate(ctx.href(x.id, 'edit'))});
    if (reply) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      ctx.navigate(ctx.href(reply.body.id));
    }
  });
  root.append(backLink(ctx), f);
}
