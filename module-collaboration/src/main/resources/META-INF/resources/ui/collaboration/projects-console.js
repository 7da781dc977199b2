// 協働事業 (collaborative projects) in the staff console: #/{lg}/collaboration/collaboration-projects[/<id>|/new].
// The list (filters fiscal year / form / unit / words, CSV) and one project's form: fiscal year in wareki, unit,
// form of collaboration from the municipality's list, partners chosen among the registered organisations, budget
// and outcome; saved with If-Match (412: reload), deleted with If-Match. Editing is for holders of
// collaboration.editor and administrators: the API refuses others, and the form shows its answer.
import {h, add, tr, field, pagedList, submit, notice, errorNotice, problemText, conflictNotice, fiscalYearLabel} from '/ui/core/kit.js';

const canEdit = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);

function years() {
  const now = new Date();
  const current = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  const list = [];
  for (let y = current + 1; y >= current - 8; y -= 1) list.push(y);
  return list;
}

async function json(ctx, path, fallback) {
  try {
    return await ctx.getJson(path);
  } catch (e) {
    return fallback;
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
  const [forms, units] = await Promise.all([json(ctx, 'collaboration/projects/forms', {forms: []}),
    json(ctx, 'organization-units?size=100', {items: []})]);
  const all = {value: '', label: tr(ctx, 'すべて', 'All')};
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '協働事業の絞り込み', 'Filter collaborative projects'),
    on: {submit: (e) => { e.preventDefault(); table.reload(); }}},
  field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'),
    options: [all, ...years().map((y) => ({value: String(y), label: fiscalYearLabel(y, ctx.lang)}))]}),
  field(ctx, {name: 'form', type: 'select', label: tr(ctx, '協働の形態', 'Form of collaboration'),
    options: [all, ...forms.forms.map((f) => ({value: f, label: f}))]}),
  field(ctx, {name: 'unitId', type: 'select', label: tr(ctx, '担当課', 'Unit'),
    options: [all, ...(units.items || []).map((u) => ({value: u.id, label: u.nameJa}))]}),
  field(ctx, {name: 'q', label: tr(ctx, '事業名・内容・成果', 'Title, description, outcome'), attrs: {maxlength: 200}}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  for (const name of ['fiscalYear', 'form', 'unitId']) filters.elements[name].addEventListener('change', () => table.reload());
  const table = pagedList(ctx, {
    path: 'collaboration/projects', csv: `collaborative-projects-${ctx.lgCode}.csv`, caption: tr(ctx, '協働事業の一覧', 'Collaborative projects'),
    query: () => ({fiscalYear: filters.elements.fiscalYear.value, form: filters.elements.form.value,
      unitId: filters.elements.unitId.value, q: filters.elements.q.value.trim()}),
    columns: [
      {label: tr(ctx, '事業名', 'Project'), render: (c) => h('a', {href: ctx.href(c.id), class: 'project-link'}, c.title)},
      {label: tr(ctx, '年度', 'Fiscal year'), render: (c) => c.fiscalYearLabel},
      {label: tr(ctx, '担当課', 'Unit'), render: (c) => c.unitName || '—'},
      {label: tr(ctx, '協働の形態', 'Form'), render: (c) => c.form},
      {label: tr(ctx, '協働の相手方', 'Partners'), render: (c) => c.partners.map((p) => p.name).join('・') || '—'},
      {label: tr(ctx, '予算額 (円)', 'Budget (yen)'), render: (c) => (c.budget == null ? '—' : Number(c.budget).toLocaleString('ja-JP'))},
    ],
  });
  add(root, canEdit(ctx) ? h('p', {}, h('a', {href: ctx.href('new'), class: 'btn', id: 'new-project', text: tr(ctx, '協働事業を登録', 'Register a project')})) : null,
      filters, table.element);
  await table.reload();
}

async function detail(root, ctx, id) {
  const path = id ? `collaboration/projects/${encodeURIComponent(id)}` : 'collaboration/projects';
  const back = h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 協働事業の一覧へ', '← All collaborative projects')));
  let c = null;
  let etag = null;
  if (id) {
    const r = await ctx.api('GET', path);
    if (r.status !== 200) {
      add(root, back, errorNotice(ctx, {problem: r.problem, status: r.status}));
      return;
    }
    c = r.body;
    etag = r.etag;
    ctx.setTitle(c.title);
  } else {
    ctx.setTitle(tr(ctx, '協働事業を登録', 'Register a collaborative project'));
  }
  const reload = () => { root.replaceChildren(); return detail(root, ctx, id); };
  const [forms, units, registered] = await Promise.all([json(ctx, 'collaboration/projects/forms', {forms: []}),
    json(ctx, 'organization-units?size=100', {items: []}), json(ctx, 'collaboration/partners?state=REGISTERED&size=100', {items: []})]);
  const chosen = new Set(c ? c.partners.map((p) => p.id) : []);
  const partnerBoxes = h('fieldset', {class: 'field field-partners', dataset: {field: 'partnerIds'}},
      h('legend', {text: tr(ctx, '協働の相手方 (登録済みの団体)', 'Partners (registered organisations)')}),
      registered.items.length ? registered.items.map((p, i) => field(ctx, {name: `partnerIds[${i}]`, type: 'checkbox', label: p.name,
        value: chosen.has(p.id), attrs: {value: p.id}}))
        : h('p', {class: 'hint', text: tr(ctx, '登録済みの団体はまだありません。', 'No registered organisations yet.')}));
  const yearOptions = years().map((y) => ({value: String(y), label: fiscalYearLabel(y, ctx.lang)}));
  if (c && !yearOptions.some((o) => o.value === String(c.fiscalYear.year))) {
    yearOptions.push({value: String(c.fiscalYear.year), label: c.fiscalYearLabel});
  }
  const form = h('form', {class: 'form', id: 'project-form', novalidate: true},
      field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'), required: true,
        value: c ? String(c.fiscalYear.year) : yearOptions[1].value, options: yearOptions}),
      field(ctx, {name: 'title', label: tr(ctx, '事業名', 'Project title'), value: c && c.title, required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'unitId', type: 'select', label: tr(ctx, '担当課', 'Unit'), required: true, value: c && c.unitId,
        options: [{value: '', label: tr(ctx, '選択してください', 'Choose')}, ...(units.items || []).map((u) => ({value: u.id, label: u.nameJa}))]}),
      field(ctx, {name: 'form', type: 'select', label: tr(ctx, '協働の形態', 'Form of collaboration'), required: true, value: c && c.form,
        options: [{value: '', label: tr(ctx, '選択してください', 'Choose')}, ...forms.forms.map((f) => ({value: f, label: f}))],
        hint: tr(ctx, '選択肢は自治体の設定「協働の形態の選択肢」で変えられます。', 'The choices are the municipality\'s setting "Forms of collaboration".')}),
      partnerBoxes,
      field(ctx, {name: 'description', type: 'textarea', label: tr(ctx, '事業の内容', 'Description'), value: c && c.description}),
      field(ctx, {name: 'budget', type: 'number', label: tr(ctx, '予算額 (円)', 'Budget (yen)'), value: c && c.budget != null ? String(c.budget) : ''}),
      field(ctx, {name: 'outcome', type: 'textarea', label: tr(ctx, '成果', 'Outcome'), value: c && c.outcome}),
      canEdit(ctx) ? h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-project', text: tr(ctx, '保存', 'Save')})) : null);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const budget = f.budget.value.trim().replace(/[,，]/g, '');
    const body = {fiscalYear: Number(f.fiscalYear.value), title: f.title.value.trim(), unitId: f.unitId.value || null,
      form: f.form.value || null, partnerIds: [...form.querySelectorAll('.field-partners input:checked')].map((x) => x.value),
      description: f.description.value.trim() || null,
      budget: budget === '' ? null : (/^-?\d+(\.\d+)?$/.test(budget) ? Number(budget) : budget), outcome: f.outcome.value.trim() || null};
    const saved = await submit(ctx, form, {method: id ? 'PUT' : 'POST', path, body, etag, reload});
    if (saved) {
      if (id) {
        etag = saved.etag;
        await reload();
        root.prepend(notice(tr(ctx, '保存しました。', 'Saved.')));
      } else {
        ctx.announce(tr(ctx, '登録しました。', 'Registered.'));
        ctx.navigate(ctx.href(saved.body.id));
      }
    }
  });
  add(root, back, form);
  if (id && canEdit(ctx)) {
    const result = h('div', {'aria-live': 'polite'});
    add(root, h('div', {class: 'toolbar'}, h('button', {type: 'button', class: 'btn', id: 'delete-project', text: tr(ctx, '削除', 'Delete'),
      on: {click: async () => {
        if (!window.confirm(tr(ctx, 'この協働事業を削除しますか。', 'Delete this collaborative project?'))) return;
        const r = await ctx.api('DELETE', path, {etag});
        if (r.status === 204) ctx.navigate(ctx.href());
        else if (r.status === 412) result.replaceChildren(conflictNotice(ctx, reload));
        else result.replaceChildren(notice(problemText(ctx, r.problem, r.status), 'error'));
      }}})), result);
  }
}
