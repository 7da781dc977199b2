// 移住・定住: 移住相談 / Migration: consultations. The list (paged, CSV, by fiscal year and channel)
// shows who the person is masked, as the API gives it; one consultation's page shows it masked
// until staff press 「個人情報を表示」 (recorded in the audit trail); editing reads it in full.
// Follow-ups are rows of the form (add, remove), saved with the consultation under If-Match.
// Routes: #/{lg}/promotion/promotion-migration-consultations[/new | /{id} | /{id}/edit].
import {h, tr, field, facts, pagedList, submit, errorNotice, notice} from '/ui/core/kit.js';

const PATH = 'promotion/migration-consultations';

export default async function render(root, ctx) {
  const [a, b] = ctx.args || [];
  const ch = await ctx.api('GET', `${PATH}/channels`);
  const channels = ch.status === 200 ? ch.body : [];
  if (!a) return list(root, ctx, channels);
  if (a === 'new') return form(root, ctx, channels, null, null);
  const full = b === 'edit';
  const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}${full ? '?reveal=personal-data' : ''}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return full ? form(root, ctx, channels, r.body, r.etag) : detail(root, ctx, r.body, r.etag);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 移住相談の一覧へ', '← All consultations')));
const yes = (ctx, b) => (b ? tr(ctx, 'あり', 'Yes') : '—');

function thisFiscalYear() {
  const now = new Date();
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}

async function list(root, ctx, channels) {
  const fy = thisFiscalYear();
  const years = [];
  for (let y = fy; y >= fy - 9; y -= 1) years.push({value: String(y), label: ctx.fiscalYearLabel(y)});
  const fyField = field(ctx, {name: 'fiscalYear', label: tr(ctx, '年度', 'Fiscal year'), type: 'select', id: 'filter-fy',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...years]});
  const chField = field(ctx, {name: 'channel', label: tr(ctx, '相談の方法', 'Channel'), type: 'select', id: 'filter-channel',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...channels.map((c) => ({value: c.code, label: c.label}))]});
  const sel = (w) => w.querySelector('select');
  const table = pagedList(ctx, {
    path: PATH, csv: `migration-consultations-${ctx.lgCode}.csv`,
    caption: tr(ctx, '移住相談の一覧 (個人情報は伏せて表示)', 'Migration consultations (personal data masked)'),
    query: () => ({fiscalYear: sel(fyField).value, channel: sel(chField).value}),
    columns: [
      {label: tr(ctx, '相談日', 'Day'), render: (x) => h('a', {href: ctx.href(x.id)}, x.consultedOn)},
      {label: tr(ctx, '年度', 'FY'), render: (x) => ctx.fiscalYearLabel(x.fiscalYear.year)},
      {label: tr(ctx, '方法', 'Channel'), render: (x) => x.channelLabel},
      {label: tr(ctx, '氏名', 'Name'), render: (x) => x.name || '—'},
      {label: tr(ctx, '現住所', 'Lives now in'), render: (x) => x.currentResidence || '—'},
      {label: tr(ctx, '世帯', 'Household'), render: (x) => x.household || (x.householdSize ? String(x.householdSize) : '—')},
      {label: tr(ctx, '関心', 'Interests'), render: (x) => x.interests || '—'},
      {label: tr(ctx, 'フォローアップ', 'Follow-ups'), render: (x) => String(x.followUps.length)},
    ],
  });
  [fyField, chField].forEach((w) => sel(w).addEventListener('change', () => table.reload()));
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-consultation', href: ctx.href('new')}, tr(ctx, '相談を記録', 'Record a consultation'))),
      h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '移住相談の絞り込み', 'Filter consultations'), on: {submit: (e) => e.preventDefault()}}, fyField, chField),
      table.element);
  await table.reload();
}

function personFacts(ctx, x) {
  return facts([
    [tr(ctx, '氏名', 'Name'), x.name || '—'],
    [tr(ctx, 'メールアドレス', 'E-mail'), x.email || '—'],
    [tr(ctx, '電話番号', 'Phone'), x.phone || '—'],
    [tr(ctx, '現住所', 'Lives now in'), x.currentResidence || '—'],
  ]);
}

function detail(root, ctx, x, etag) {
  ctx.setTitle(tr(ctx, `移住相談 (${x.consultedOn})`, `Migration consultation (${x.consultedOn})`));
  const shown = h('div', {id: 'consultation-person'}, personFacts(ctx, x));
  const reveal = h('button', {type: 'button', class: 'btn', id: 'reveal-consultation', text: tr(ctx, '個人情報を表示 (記録されます)', 'Show personal data (recorded)'),
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
  root.append(backLink(ctx),
      h('div', {class: 'toolbar'}, x.anonymisedAt ? null : reveal,
          x.anonymisedAt ? null : h('a', {class: 'btn', id: 'edit-consultation', href: ctx.href(x.id, 'edit')}, tr(ctx, '編集', 'Edit')),
          h('button', {type: 'button', class: 'btn btn-danger', id: 'delete-consultation', text: tr(ctx, '削除', 'Delete'), on: {click: () => remove(ctx, root, x, etag)}})),
      facts([
        [tr(ctx, '相談日', 'Day'), x.consultedOn],
        [tr(ctx, '年度', 'Fiscal year'), ctx.fiscalYearLabel(x.fiscalYear.year)],
        [tr(ctx, '相談の方法', 'Channel'), x.channelLabel],
        [tr(ctx, '世帯人数', 'Household size'), x.householdSize ? String(x.householdSize) : '—'],
        [tr(ctx, '世帯', 'Household'), x.household || '—'],
        [tr(ctx, '仕事', 'Work'), yes(ctx, x.interestWork)],
        [tr(ctx, '住まい', 'Housing'), yes(ctx, x.interestHousing)],
        [tr(ctx, '子育て', 'Child-rearing'), yes(ctx, x.interestChildRearing)],
      ]),
      h('h2', {text: tr(ctx, '個人情報', 'Personal data')}), shown,
      h('h2', {text: tr(ctx, 'フォローアップ', 'Follow-ups')}),
      x.followUps.length === 0 ? h('p', {text: tr(ctx, 'まだありません。', 'None yet.')})
        : h('ul', {id: 'follow-ups'}, x.followUps.map((f) => h('li', {text: `${f.followedOn} ${f.channelLabel}${f.note ? `: ${f.note}` : ''}`}))));
}

function followUpRow(ctx, channels, f, n) {
  const row = h('fieldset', {class: 'follow-up'},
      h('legend', {text: tr(ctx, `フォローアップ ${n}`, `Follow-up ${n}`)}),
      h('div', {class: 'grid2'},
          field(ctx, {name: 'followedOn', label: tr(ctx, '日付', 'Day'), type: 'date', value: f.followedOn || '', required: true}),
          field(ctx, {name: 'followChannel', label: tr(ctx, '方法', 'Channel'), type: 'select', value: f.channel || 'PHONE',
            options: channels.map((c) => ({value: c.code, label: c.label}))})),
      field(ctx, {name: 'note', label: tr(ctx, '内容', 'What was said'), type: 'textarea', value: f.note || '', attrs: {maxlength: '1000'}}),
      h('button', {type: 'button', class: 'btn', text: tr(ctx, 'このフォローアップを削除', 'Remove this follow-up'), on: {click: () => row.remove()}}));
  return row;
}

function form(root, ctx, channels, x, etag) {
  const c = x || {channel: 'COUNTER', followUps: []};
  ctx.setTitle(x ? tr(ctx, '移住相談の編集', 'Edit migration consultation') : tr(ctx, '移住相談の記録', 'Record a migration consultation'));
  const rows = h('div', {id: 'follow-up-rows'}, c.followUps.map((f, i) => followUpRow(ctx, channels, f, i + 1)));
  const f = h('form', {class: 'form', id: 'consultation-form', novalidate: true, autocomplete: 'off'},
      h('div', {class: 'grid2'},
          field(ctx, {name: 'consultedOn', label: tr(ctx, '相談日', 'Day'), type: 'date', value: c.consultedOn || new Date().toISOString().slice(0, 10), required: true, id: 'consultation-day'}),
          field(ctx, {name: 'channel', label: tr(ctx, '相談の方法', 'Channel'), type: 'select', value: c.channel, required: true, id: 'consultation-channel',
            options: channels.map((o) => ({value: o.code, label: o.label}))}),
          field(ctx, {name: 'name', label: tr(ctx, '氏名 (任意)', 'Name (optional)'), value: c.name || '', id: 'consultation-name', attrs: {maxlength: '100'}}),
          field(ctx, {name: 'currentResidence', label: tr(ctx, '現住所 (都道府県・市区町村)', 'Lives now in (prefecture, city)'), value: c.currentResidence || '', id: 'consultation-residence', attrs: {maxlength: '200'}}),
          field(ctx, {name: 'email', label: tr(ctx, 'メールアドレス', 'E-mail'), type: 'email', value: c.email || '', id: 'consultation-email', attrs: {maxlength: '254'}}),
          field(ctx, {name: 'phone', label: tr(ctx, '電話番号', 'Phone'), type: 'tel', value: c.phone || '', id: 'consultation-phone', attrs: {maxlength: '40'}}),
          field(ctx, {name: 'householdSize', label: tr(ctx, '世帯人数', 'Household size'), type: 'number', value: c.householdSize ? String(c.householdSize) : '', id: 'consultation-household-size',
            hint: tr(ctx, '移住を考えている人数 (1〜20)', 'People who would move (1–20)')}),
          field(ctx, {name: 'household', label: tr(ctx, '世帯 (例: 夫婦と子ども2人)', 'Household (e.g. a couple and two children)'), value: c.household || '', id: 'consultation-household', attrs: {maxlength: '200'}})),
      h('fieldset', {}, h('legend', {text: tr(ctx, '関心', 'Interests')}),
          field(ctx, {name: 'interestWork', label: tr(ctx, '仕事', 'Work'), type: 'checkbox', value: c.interestWork, id: 'interest-work'}),
          field(ctx, {name: 'interestHousing', label: tr(ctx, '住まい', 'Housing'), type: 'checkbox', value: c.interestHousing, id: 'interest-housing'}),
          field(ctx, {name: 'interestChildRearing', label: tr(ctx, '子育て', 'Child-rearing'), type: 'checkbox', value: c.interestChildRearing, id: 'interest-child-rearing'})),
      h('h2', {text: tr(ctx, 'フォローアップ', 'Follow-ups')}), rows,
      h('button', {type: 'button', class: 'btn', id: 'add-follow-up', text: tr(ctx, 'フォローアップを追加', 'Add a follow-up'),
        on: {click: () => rows.append(followUpRow(ctx, channels, {}, rows.children.length + 1))}}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-consultation', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: x ? ctx.href(x.id) : ctx.href()}, tr(ctx, 'キャンセル', 'Cancel'))));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (k) => f.elements[k].value.trim() || null;
    const size = v('householdSize');
    const body = {consultedOn: v('consultedOn'), channel: v('channel'), name: v('name'), email: v('email'), phone: v('phone'),
      currentResidence: v('currentResidence'), householdSize: size && /^\d+$/.test(size) ? Number(size) : size, household: v('household'),
      interestWork: f.elements.interestWork.checked, interestHousing: f.elements.interestHousing.checked,
      interestChildRearing: f.elements.interestChildRearing.checked,
      followUps: [...rows.querySelectorAll('fieldset.follow-up')].map((r) => ({
        followedOn: r.querySelector('[name=followedOn]').value || null, channel: r.querySelector('[name=followChannel]').value,
        note: r.querySelector('[name=note]').value.trim() || null}))};
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
  if (!window.confirm(tr(ctx, 'この移住相談を削除しますか。', 'Delete this consultation?'))) return;
  const r = await ctx.api('DELETE', `${PATH}/${x.id}`, {etag});
  if (r.status === 204) {
    ctx.announce(tr(ctx, '削除しました。', 'Deleted.'));
    ctx.navigate(ctx.href());
  } else {
    root.prepend(notice(r.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
        : (r.problem && r.problem.detail) || String(r.status), 'error'));
  }
}
