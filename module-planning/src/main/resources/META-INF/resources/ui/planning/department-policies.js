// 部の運営方針 / Department operating policies (seed 001): the list by fiscal year (paged, CSV,
// copy a year into the next), one policy (mission, goals, reform commitments, resources, mid-term
// goals in priority order) and its form. Routes: #/{lg}/planning/planning-department-policies
// [/new | /{id} | /{id}/edit].
import {h, tr, field, facts, pagedList, submit, errorNotice, num, add} from '/ui/core/kit.js';
import {unitOptions, yearValue, yearOf, numberValue, showLocalErrors, linesField, linesValue, repeater, copyYearBox, yearFilter} from './doc-kit.js';

const PATH = 'planning/department-policies';

export default async function render(root, ctx) {
  const [a, b] = ctx.args || [];
  if (!a) return list(root, ctx);
  if (a === 'new') return form(root, ctx, null, null);
  let r;
  try {
    r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}`);
    if (r.status !== 200) throw Object.assign(new Error(String(r.status)), {status: r.status, problem: r.problem});
  } catch (err) {
    root.append(errorNotice(ctx, err), backLink(ctx));
    return undefined;
  }
  return b === 'edit' ? form(root, ctx, r.body, r.etag) : detail(root, ctx, r.body);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 部の運営方針の一覧へ', '← All department policies')));

async function list(root, ctx) {
  const filters = yearFilter(ctx, () => table.reload(), tr(ctx, '部の運営方針の絞り込み', 'Filter department policies'));
  const table = pagedList(ctx, {
    path: PATH, csv: `department-policies-${ctx.lgCode}.csv`, caption: tr(ctx, '部の運営方針の一覧', 'Department operating policies'),
    query: () => ({fiscalYear: filters.fiscalYear.value.trim()}),
    columns: [
      {label: tr(ctx, '部', 'Department'), render: (p) => h('a', {href: ctx.href(p.id)}, p.department.nameJa || tr(ctx, '(名称なし)', '(no name)'))},
      {label: tr(ctx, '年度', 'Fiscal year'), render: (p) => ctx.fiscalYearLabel(yearOf(p.fiscalYear))},
      {label: tr(ctx, '部の目標', 'Goals'), render: (p) => (p.goals || []).map((g) => g.title).join(' / ')},
      {label: tr(ctx, '職員数 (人)', 'Staff (FTE)'), render: (p) => num(ctx, p.resources && p.resources.totalStaff)},
      {label: tr(ctx, '中期目標の数', 'Mid-term goals'), render: (p) => String((p.midTermGoals || []).length)},
    ],
  });
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-policy', href: ctx.href('new')}, tr(ctx, '部の運営方針を登録', 'New department policy'))),
      filters, table.element,
      copyYearBox(ctx, {path: PATH, what: {ja: '部の運営方針', en: 'department policies'},
        defaultFrom: new Date().getMonth() < 3 ? new Date().getFullYear() - 1 : new Date().getFullYear(),
        onDone: (to) => { filters.fiscalYear.value = to; table.reload(); }}));
  await table.reload();
}

function detail(root, ctx, p) {
  const r = p.resources || {};
  const yen = (v) => (v === null || v === undefined ? '—' : tr(ctx, `${num(ctx, v)} 千円`, `¥${num(ctx, v)} thousand`));
  const ppl = (v) => (v === null || v === undefined ? '—' : tr(ctx, `${num(ctx, v)} 人`, `${num(ctx, v)} FTE`));
  ctx.setTitle(`${p.department.nameJa || ''} ${ctx.fiscalYearLabel(yearOf(p.fiscalYear))} ${tr(ctx, '部の運営方針', 'operating policy')}`);
  const ul = (items, id) => (items && items.length ? h('ul', {id}, items.map((x) => h('li', {text: x}))) : h('p', {text: '—'}));
  add(root, backLink(ctx),
      h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'edit-policy', href: ctx.href(p.id, 'edit')}, tr(ctx, '編集', 'Edit'))),
      p.title ? h('p', {class: 'lead', text: p.title}) : null,
      h('h2', {text: tr(ctx, '部の使命', 'Mission')}), ul(p.mission, 'policy-mission'),
      h('h2', {text: tr(ctx, '部の目標', 'Goals')}),
      (p.goals || []).length ? h('ol', {id: 'policy-goals'}, p.goals.map((g) => h('li', {}, h('strong', {text: g.title}), g.description ? h('p', {text: g.description}) : null))) : h('p', {text: '—'}),
      h('h2', {text: tr(ctx, '行政改革への取組', 'Reform commitments')}), ul(p.reformCommitments, 'policy-reform'),
      h('h2', {text: tr(ctx, '部の経営資源', 'Resources')}),
      facts([
        [tr(ctx, '職員数 (合計)', 'Staff (total)'), ppl(r.totalStaff)],
        [tr(ctx, '正規職員', 'Regular staff'), ppl(r.regularStaff)],
        [tr(ctx, '非常勤職員等', 'Part-time staff'), ppl(r.partTimeStaff)],
        [tr(ctx, '人件費 (正規)', 'Personnel cost (regular)'), yen(r.personnelCostRegular)],
        [tr(ctx, '人件費 (非常勤等)', 'Personnel cost (part-time)'), yen(r.personnelCostPartTime)],
        [tr(ctx, '人件費 (合計)', 'Personnel cost (total)'), yen(r.personnelCostTotal)],
        [tr(ctx, '歳入予算', 'Revenue budget'), yen(r.revenueBudget)],
        [tr(ctx, '歳出予算', 'Expenditure budget'), yen(r.expenditureBudget)],
        [tr(ctx, '予算事業数', 'Budget programs'), r.budgetProgramCount ?? '—'],
        [tr(ctx, '課の数', 'Divisions'), r.divisionCount ?? '—'],
        r.notes ? [tr(ctx, '備考', 'Notes'), r.notes] : null,
      ]),
      h('h2', {text: tr(ctx, '中期目標 (優先順)', 'Mid-term goals (by priority)')}),
      p.midTermGoalsBasis ? h('p', {class: 'hint', text: p.midTermGoalsBasis}) : null,
      (p.midTermGoals || []).length ? h('div', {class: 'table-wrap'}, h('table', {class: 'list', id: 'policy-midterm'},
          h('caption', {text: tr(ctx, '中期目標', 'Mid-term goals')}),
          h('thead', {}, h('tr', {}, [tr(ctx, '優先順位', 'Priority'), tr(ctx, '施策', 'Measure'), tr(ctx, '担当課', 'Division'), tr(ctx, '成果', 'Outcome')]
              .map((t) => h('th', {scope: 'col', text: t})))),
          h('tbody', {}, p.midTermGoals.map((g) => h('tr', {}, h('th', {scope: 'row', class: 'num', text: String(g.priority)}),
              h('td', {text: g.measure || g.planNodeTitle || ''}), h('td', {text: g.divisionName || ''}), h('td', {text: g.outcome || ''})))))) : h('p', {text: '—'}));
}

async function form(root, ctx, p, etag) {
  const units = await unitOptions(ctx);
  const c = p || {};
  const r = c.resources || {};
  ctx.setTitle(p ? tr(ctx, '部の運営方針の編集', 'Edit department policy') : tr(ctx, '部の運営方針の登録', 'New department policy'));
  const goals = repeater(ctx, {name: 'goals', legend: tr(ctx, '部の目標', 'Goals'), id: 'goals',
    items: (c.goals || []).map((g) => ({title: g.title, description: g.description || ''})),
    blank: () => ({title: '', description: ''}), itemLabel: (i) => tr(ctx, `目標 ${i + 1}`, `Goal ${i + 1}`), addLabel: tr(ctx, '目標を追加', 'Add a goal'),
    fields: [{key: 'title', label: tr(ctx, '目標', 'Goal')}, {key: 'description', label: tr(ctx, '説明', 'Description'), type: 'textarea'}]});
  const mid = repeater(ctx, {name: 'midTermGoals', legend: tr(ctx, '中期目標 (上から優先順)', 'Mid-term goals (top first)'), id: 'midterm', ordered: true,
    items: (c.midTermGoals || []).map((g) => ({measure: g.measure || '', divisionId: g.divisionId || '', divisionName: g.divisionId ? null : g.divisionName, outcome: g.outcome || '', planNodeId: g.planNodeId})),
    blank: () => ({measure: '', divisionId: '', outcome: ''}), itemLabel: (i) => tr(ctx, `優先順位 ${i + 1}`, `Priority ${i + 1}`),
    addLabel: tr(ctx, '中期目標を追加', 'Add a mid-term goal'),
    fields: [{key: 'measure', label: tr(ctx, '施策', 'Measure')},
      {key: 'divisionId', label: tr(ctx, '担当課', 'Division'), type: 'select', options: units},
      {key: 'outcome', label: tr(ctx, '成果', 'Outcome'), type: 'textarea', wide: true}]});
  const res = (key, label, hint) => field(ctx, {name: `resources.${key}`, label, type: 'number', value: r[key] ?? '', id: `res-${key}`, hint});
  const f = h('form', {class: 'form', id: 'policy-form', novalidate: true},
      h('div', {class: 'grid2'},
          field(ctx, {name: 'departmentId', label: tr(ctx, '部', 'Department'), type: 'select', options: units, value: c.department ? c.department.id : '', required: true, id: 'pol-department'}),
          field(ctx, {name: 'fiscalYear', label: tr(ctx, '年度', 'Fiscal year'), value: yearOf(c.fiscalYear) ?? '', required: true, id: 'pol-year',
            hint: tr(ctx, '例: 2025, R7, 令和7年度', 'e.g. 2025, R7')})),
      field(ctx, {name: 'title', label: tr(ctx, '表題', 'Title'), value: c.title || '', id: 'pol-title'}),
      linesField(ctx, {name: 'mission', label: tr(ctx, '部の使命', 'Mission'), value: c.mission}),
      goals.element,
      linesField(ctx, {name: 'reformCommitments', label: tr(ctx, '行政改革への取組', 'Reform commitments'), value: c.reformCommitments}),
      h('fieldset', {}, h('legend', {text: tr(ctx, '部の経営資源', 'Resources')}),
          h('div', {class: 'grid2'},
              res('regularStaff', tr(ctx, '正規職員 (人)', 'Regular staff (FTE)')),
              res('partTimeStaff', tr(ctx, '非常勤職員等 (人)', 'Part-time staff (FTE)')),
              res('personnelCostRegular', tr(ctx, '人件費 正規 (千円)', 'Personnel cost, regular (¥1,000)')),
              res('personnelCostPartTime', tr(ctx, '人件費 非常勤等 (千円)', 'Personnel cost, part-time (¥1,000)')),
              res('revenueBudget', tr(ctx, '歳入予算 (千円)', 'Revenue budget (¥1,000)')),
              res('expenditureBudget', tr(ctx, '歳出予算 (千円)', 'Expenditure budget (¥1,000)')),
              res('budgetProgramCount', tr(ctx, '予算事業数', 'Budget programs')),
              res('divisionCount', tr(ctx, '課の数', 'Divisions'))),
          field(ctx, {name: 'resources.notes', label: tr(ctx, '備考', 'Notes'), value: r.notes || '', id: 'res-notes'})),
      field(ctx, {name: 'midTermGoalsBasis', label: tr(ctx, '中期目標の根拠', 'Basis of the mid-term goals'), value: c.midTermGoalsBasis || '', id: 'pol-basis'}),
      mid.element,
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-policy', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: p ? ctx.href(p.id) : ctx.href()}, tr(ctx, 'キャンセル', 'Cancel'))));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const errors = [];
    const n = (k, int) => numberValue(ctx, f, `resources.${k}`, errors, int);
    const body = {
      departmentId: f.elements.departmentId.value || null,
      fiscalYear: yearValue(f.elements.fiscalYear.value),
      title: f.elements.title.value.trim() || null,
      mission: linesValue(f, 'mission'),
      goals: goals.read().map((g) => ({title: g.title.trim(), description: g.description.trim() || null})),
      reformCommitments: linesValue(f, 'reformCommitments'),
      resources: {regularStaff: n('regularStaff'), partTimeStaff: n('partTimeStaff'), personnelCostRegular: n('personnelCostRegular', true),
        personnelCostPartTime: n('personnelCostPartTime', true), revenueBudget: n('revenueBudget', true), expenditureBudget: n('expenditureBudget', true),
        budgetProgramCount: n('budgetProgramCount', true), divisionCount: n('divisionCount', true), notes: f.elements['resources.notes'].value.trim() || null},
      midTermGoalsBasis: f.elements.midTermGoalsBasis.value.trim() || null,
      midTermGoals: mid.read().map((g) => ({measure: g.measure.trim() || null, divisionId: g.divisionId || null,
        divisionName: g.divisionId ? null : (g.divisionName || null), outcome: g.outcome.trim() || null, planNodeId: g.planNodeId || null})),
    };
    if (errors.length) { showLocalErrors(ctx, f, errors); return; }
    const reply = await submit(ctx, f, {method: p ? 'PUT' : 'POST', path: p ? `${PATH}/${p.id}` : PATH, body, etag,
      reload: () => ctx.navigate(ctx.href(p.id, 'edit'))});
    if (reply) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      ctx.navigate(ctx.href(reply.body.id));
    }
  });
  root.append(backLink(ctx), f);
}
