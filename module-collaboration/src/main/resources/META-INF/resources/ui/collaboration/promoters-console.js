// 市民協働推進員 in the staff console: #/{lg}/collaboration/collaboration-promoters[/<id>|/new]. One person per
// unit and fiscal year (取手市: every division names one). The name is personal data: masked in the list and
// the CSV as the API gives it, in full only after "個人情報を表示" (recorded in the audit trail), and the edit
// form needs it revealed first. Saved with If-Match (412: reload); editing is for holders of
// collaboration.editor and administrators (the API refuses others, the form shows its answer).
import {h, add, tr, field, pagedList, submit, notice, errorNotice, problemText, conflictNotice, facts, fiscalYearLabel} from '/ui/core/kit.js';

const canEdit = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);

function years() {
  const now = new Date();
  const current = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  const list = [];
  for (let y = current + 1; y >= current - 8; y -= 1) list.push(y);
  return list;
}

async function units(ctx) {
  try {
    return (await ctx.getJson('organization-units?size=100')).items || [];
  } catch (e) {
    return [];
  }
}

export default async function render(root, ctx) {
  const id = ctx.args && ctx.args[0];
  if (id) {
    await detail(root, ctx, id === 'new' ? null : id);
  } else {
    await list(root, ctx);
  }
}

async function list(root, ctx) {
  const unitList = await units(ctx);
  const all = {value: '', label: tr(ctx, 'すべて', 'All')};
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '市民協働推進員の絞り込み', 'Filter collaboration promoters'),
    on: {submit: (e) => { e.preventDefault(); table.reload(); }}},
  field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'),
    options: [all, ...years().map((y) => ({value: String(y), label: fiscalYearLabel(y, ctx.lang)}))]}),
  field(ctx, {name: 'unitId', type: 'select', label: tr(ctx, '課', 'Unit'), options: [all, ...unitList.map((u) => ({value: u.id, label: u.nameJa}))]}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  for (const name of ['fiscalYear', 'unitId']) filters.elements[name].addEventListener('change', () => table.reload());
  const table = pagedList(ctx, {
    path: 'collaboration/promoters', csv: `collaboration-promoters-${ctx.lgCode}.csv`, caption: tr(ctx, '市民協働推進員の一覧', 'Collaboration promoters'),
    query: () => ({fiscalYear: filters.elements.fiscalYear.value, unitId: filters.elements.unitId.value}),
    columns: [
      {label: tr(ctx, '課', 'Unit'), render: (p) => h('a', {href: ctx.href(p.id), class: 'promoter-link'}, p.unitName || '—')},
      {label: tr(ctx, '年度', 'Fiscal year'), render: (p) => p.fiscalYearLabel},
      {label: tr(ctx, '氏名 (マスク)', 'Name (masked)'), render: (p) => p.personName},
      {label: tr(ctx, '役職', 'Position'), render: (p) => p.position || '—'},
    ],
  });
  add(root,
      h('p', {class: 'hint', text: tr(ctx, '市民協働推進員は各課が年度ごとに 1 名任命します。氏名は個人情報として伏せて表示しています。',
          'Each unit names one collaboration promoter per fiscal year. Names are personal data and shown masked.')}),
      canEdit(ctx) ? h('p', {}, h('a', {href: ctx.href('new'), class: 'btn', id: 'new-promoter', text: tr(ctx, '推進員を記録', 'Record a promoter')})) : null,
      filters, table.element);
  await table.reload();
}

async function detail(root, ctx, id) {
  const path = id ? `collaboration/promoters/${encodeURIComponent(id)}` : 'collaboration/promoters';
  const back = h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 市民協働推進員の一覧へ', '← All collaboration promoters')));
  let p = null;
  let etag = null;
  if (id) {
    const r = await ctx.api('GET', path);
    if (r.status !== 200) {
      add(root, back, errorNotice(ctx, {problem: r.problem, status: r.status}));
      return;
    }
    p = r.body;
    etag = r.etag;
    ctx.setTitle(`${tr(ctx, '市民協働推進員', 'Collaboration promoter')} ${p.unitName || ''} ${p.fiscalYearLabel}`);
  } else {
    ctx.setTitle(tr(ctx, '市民協働推進員を記録', 'Record a collaboration promoter'));
  }
  const reload = () => { root.replaceChildren(); return detail(root, ctx, id); };
  const unitList = await units(ctx);
  const yearOptions = years().map((y) => ({value: String(y), label: fiscalYearLabel(y, ctx.lang)}));
  if (p && !yearOptions.some((o) => o.value === String(p.fiscalYear.year))) yearOptions.push({value: String(p.fiscalYear.year), label: p.fiscalYearLabel});
  const form = h('form', {class: 'form', id: 'promoter-form', novalidate: true},
      field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'), required: true,
        value: p ? String(p.fiscalYear.year) : yearOptions[1].value, options: yearOptions}),
      field(ctx, {name: 'unitId', type: 'select', label: tr(ctx, '課', 'Unit'), required: true, value: p && p.unitId,
        options: [{value: '', label: tr(ctx, '選択してください', 'Choose')}, ...unitList.map((u) => ({value: u.id, label: u.nameJa}))]}),
      field(ctx, {name: 'personName', label: tr(ctx, '氏名', 'Name'), required: true, value: p ? '' : '', attrs: {maxlength: 100, readonly: !!p},
        hint: p ? tr(ctx, '変更するには先に「個人情報を表示」を押してください。', 'Press "Show personal data" first to change it.') : null}),
      field(ctx, {name: 'position', label: tr(ctx, '役職', 'Position'), value: p && p.position, attrs: {maxlength: 100}}),
      field(ctx, {name: 'appointedOn', type: 'date', label: tr(ctx, '任命日', 'Appointed on'), value: p && p.appointedOn}),
      canEdit(ctx) ? h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-promoter', text: tr(ctx, '保存', 'Save')})) : null);
  let revealed = !p;
  const revealResult = h('div', {'aria-live': 'polite'});
  const shown = h('div', {id: 'promoter-name'}, p ? facts([[tr(ctx, '氏名', 'Name'), p.personName]]) : null);
  const revealButton = p && canEdit(ctx) ? h('button', {type: 'button', class: 'btn', id: 'reveal-personal-data', text: tr(ctx, '個人情報を表示', 'Show personal data'),
    on: {click: async () => {
      const full = await ctx.api('GET', `${path}?reveal=personal-data`);
      if (full.status === 200) {
        revealed = true;
        shown.replaceChildren(facts([[tr(ctx, '氏名', 'Name'), full.body.personName]]));
        form.elements.personName.value = full.body.personName;
        form.elements.personName.readOnly = false;
        revealButton.hidden = true;
        revealResult.replaceChildren(notice(tr(ctx, '個人情報を表示しました。この閲覧は監査記録に残ります。', 'The personal data is shown. This read is recorded in the audit trail.')));
      } else {
        revealResult.replaceChildren(notice(problemText(ctx, full.problem, full.status), 'error'));
      }
    }}}) : null;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!revealed) {
      revealResult.replaceChildren(notice(tr(ctx, '保存する前に「個人情報を表示」を押してください。', 'Press "Show personal data" before saving.'), 'error'));
      return;
    }
    const f = form.elements;
    const body = {fiscalYear: Number(f.fiscalYear.value), unitId: f.unitId.value || null, personName: f.personName.value.trim(),
      position: f.position.value.trim() || null, appointedOn: f.appointedOn.value || null};
    const saved = await submit(ctx, form, {method: id ? 'PUT' : 'POST', path, body, etag, reload});
    if (saved) {
      if (id) {
        await reload();
        root.prepend(notice(tr(ctx, '保存しました。', 'Saved.')));
      } else {
        ctx.navigate(ctx.href(saved.body.id));
      }
    }
  });
  add(root, back, shown, revealButton ? h('div', {class: 'toolbar'}, revealButton) : null, revealResult, form);
  if (id && canEdit(ctx)) {
    const result = h('div', {'aria-live': 'polite'});
    add(root, h('div', {class: 'toolbar'}, h('button', {type: 'button', class: 'btn', id: 'delete-promoter', text: tr(ctx, '削除', 'Delete'),
      on: {click: async () => {
        if (!window.confirm(tr(ctx, 'この記録を削除しますか。', 'Delete this record?'))) return;
        const r = await ctx.api('DELETE', path, {etag});
        if (r.status === 204) ctx.navigate(ctx.href());
        else if (r.status === 412) result.replaceChildren(conflictNotice(ctx, reload));
        else result.replaceChildren(notice(problemText(ctx, r.problem, r.status), 'error'));
      }}})), result);
  }
}
