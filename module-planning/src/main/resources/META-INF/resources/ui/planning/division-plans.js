// 課の業務計画 / Division business plans (seed 003): the list by fiscal year (paged, CSV, copy a
// year), one plan (goals served, aims, prioritised projects and their month-by-month schedule
// April→March as a Gantt-like Chart.js chart with a table as its text alternative) and its form.
// Routes: #/{lg}/planning/planning-division-plans[/new | /{id} | /{id}/edit].
import {h, tr, field, facts, pagedList, submit, errorNotice, num, add, uid} from '/ui/core/kit.js';
import {unitOptions, yearValue, yearOf, numberValue, showLocalErrors, linesField, linesValue, repeater, copyYearBox, yearFilter,
  FISCAL_MONTHS, monthLabel, monthOptions} from './doc-kit.js';

const PATH = 'planning/division-plans';
// The API's lists (DivisionPlan.DIRECTIONS / ACTORS, seed 003's words).
const DIRECTIONS = ['拡大', '拡充', '現状維持', '改善', '縮小', '統合', '休止', '廃止', '終了'];
const ACTORS = ['市', '市民間', '民間', '国', '県', 'その他'];
const choices = (ctx, list) => [{value: '', label: tr(ctx, '(未設定)', '(not set)')}, ...list.map((x) => ({value: x, label: x}))];
const BAR_COLOURS = ['#0b57d0', '#1e7b34', '#9a4f00', '#7b1fa2', '#b3261e', '#00695c'];

export default async function render(root, ctx) {
  const [a, b] = ctx.args || [];
  if (!a) return list(root, ctx);
  if (a === 'new') return form(root, ctx, null, null);
  const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return b === 'edit' ? form(root, ctx, r.body, r.etag) : detail(root, ctx, r.body);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 課の業務計画の一覧へ', '← All division plans')));

async function list(root, ctx) {
  const filters = yearFilter(ctx, () => table.reload(), tr(ctx, '課の業務計画の絞り込み', 'Filter division plans'));
  const table = pagedList(ctx, {
    path: PATH, csv: `division-plans-${ctx.lgCode}.csv`, caption: tr(ctx, '課の業務計画の一覧', 'Division business plans'),
    query: () => ({fiscalYear: filters.fiscalYear.value.trim()}),
    columns: [
      {label: tr(ctx, '課', 'Division'), render: (p) => h('a', {href: ctx.href(p.id)}, p.division.nameJa || tr(ctx, '(名称なし)', '(no name)'))},
      {label: tr(ctx, '年度', 'Fiscal year'), render: (p) => ctx.fiscalYearLabel(yearOf(p.fiscalYear))},
      {label: tr(ctx, '施策目標', 'Measure goal'), render: (p) => (p.measureGoal && p.measureGoal.text) || ''},
      {label: tr(ctx, '事業数', 'Projects'), render: (p) => String((p.projects || []).length)},
      {label: tr(ctx, '予算 (千円)', 'Budget (¥1,000)'), render: (p) => num(ctx, p.totalBudget)},
    ],
  });
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-plan', href: ctx.href('new')}, tr(ctx, '課の業務計画を登録', 'New division plan'))),
      filters, table.element,
      copyYearBox(ctx, {path: PATH, what: {ja: '課の業務計画', en: 'division plans'},
        defaultFrom: new Date().getMonth() < 3 ? new Date().getFullYear() - 1 : new Date().getFullYear(),
        onDone: (to) => { filters.fiscalYear.value = to; table.reload(); }}));
  await table.reload();
}

/** One line per schedule row: "1. name — label". */
function scheduleLines(p) {
  const lines = [];
  for (const x of p.projects || []) {
    (x.schedule || []).forEach((row, i) => {
      const names = row.segments.map((s) => s.label).filter((s) => s);
      lines.push({project: x, row, name: `${x.priority}. ${x.name}${(x.schedule.length > 1 || names.length) ? ` — ${names.join('・') || `${i + 1}`}` : ''}`});
    });
  }
  return lines;
}

function detail(root, ctx, p) {
  ctx.setTitle(`${p.division.nameJa || ''} ${ctx.fiscalYearLabel(yearOf(p.fiscalYear))} ${tr(ctx, '課の業務計画', 'business plan')}`);
  const goal = (g) => (g && (g.text || g.planNodeTitle) ? `${g.number ? `${g.number} ` : ''}${g.text || g.planNodeTitle}${g.unitName ? ` (${g.unitName})` : ''}` : '—');
  add(root, backLink(ctx),
      h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'edit-plan', href: ctx.href(p.id, 'edit')}, tr(ctx, '編集', 'Edit'))),
      p.title ? h('p', {class: 'lead', text: p.title}) : null,
      h('h2', {text: tr(ctx, '目指す目標', 'Goals served')}),
      facts([[tr(ctx, '政策目標', 'Policy goal'), goal(p.policyGoal)], [tr(ctx, '施策目標', 'Measure goal'), goal(p.measureGoal)],
        [tr(ctx, '予算の合計', 'Total budget'), p.totalBudget == null ? '—' : tr(ctx, `${num(ctx, p.totalBudget)} 千円`, `¥${num(ctx, p.totalBudget)} thousand`)]]),
      (p.approach || []).length ? [h('h2', {text: tr(ctx, '取組の方針', 'Approach')}), h('ul', {}, p.approach.map((x) => h('li', {text: x})))] : null,
      h('h2', {text: tr(ctx, '施策のねらい', 'Aims')}),
      (p.aims || []).length ? h('ol', {id: 'plan-aims'}, p.aims.map((x) => h('li', {value: x.number, text: x.text}))) : h('p', {text: '—'}));
  // The schedule: chart and table.
  const lines = scheduleLines(p);
  root.append(h('h2', {id: 'schedule-heading', text: tr(ctx, '実施スケジュール (4月〜3月)', 'Schedule (April to March)')}));
  if (lines.length) {
    const summary = lines.map((l) => `${l.name}: ${l.row.segments.map((s) => `${monthLabel(ctx, s.startMonth)}〜${monthLabel(ctx, s.endMonth)}`).join(', ')}`).join('; ');
    const canvas = h('canvas', {id: 'schedule-chart', role: 'img',
      'aria-label': tr(ctx, `事業ごとの実施月のグラフ。内容は下の表と同じです。${summary}`, `Chart of the months of each project; the table below gives the same. ${summary}`)});
    const box = h('div', {class: 'chart-box'}, canvas);
    box.style.height = `${Math.max(12, 4 + lines.length * 2.6)}rem`; // CSSOM, allowed by the console's CSP (no inline style attributes)
    root.append(box);
    const datasets = [];
    const barLabels = [];
    // One dataset per bar position, floating bars [start, end+1) on the fiscal month axis 0..12.
    const maxSeg = Math.max(...lines.map((l) => l.row.segments.length));
    for (let s = 0; s < maxSeg; s++) {
      datasets.push({label: tr(ctx, `期間 ${s + 1}`, `Period ${s + 1}`), borderSkipped: false, borderRadius: 4, barPercentage: 0.7,
        backgroundColor: lines.map((l) => BAR_COLOURS[(l.project.priority - 1) % BAR_COLOURS.length]),
        data: lines.map((l) => {
          const seg = l.row.segments[s];
          return seg ? [FISCAL_MONTHS.indexOf(seg.startMonth), FISCAL_MONTHS.indexOf(seg.endMonth) + 1] : null;
        })});
      barLabels.push(lines.map((l) => l.row.segments[s]));
    }
    ctx.chart(canvas, {
      type: 'bar',
      data: {labels: lines.map((l) => l.name), datasets},
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        scales: {
          x: {min: 0, max: 12, position: 'top', ticks: {stepSize: 1, callback: (v) => (v < 12 ? monthLabel(ctx, FISCAL_MONTHS[v]) : '')},
            grid: {color: '#c4c9cf'}},
          y: {stacked: true, ticks: {color: '#1a1a1a'}},
        },
        plugins: {
          legend: {display: false},
          tooltip: {callbacks: {label: (c) => {
            const seg = barLabels[c.datasetIndex][c.dataIndex];
            return seg ? `${monthLabel(ctx, seg.startMonth)}〜${monthLabel(ctx, seg.endMonth)}${seg.label ? ` ${seg.label}` : ''}` : '';
          }}},
        },
      },
    });
    // The text alternative: a month grid, ■ where active, the bar's label where it starts.
    root.append(h('div', {class: 'table-wrap'}, h('table', {class: 'list schedule-table', id: 'schedule-table'},
        h('caption', {text: tr(ctx, '実施スケジュール (■ = 実施月)', 'Schedule (■ = active month)')}),
        h('thead', {}, h('tr', {}, h('th', {scope: 'col', text: tr(ctx, '事業', 'Project')}), FISCAL_MONTHS.map((m) => h('th', {scope: 'col', class: 'num', text: monthLabel(ctx, m)})))),
        h('tbody', {}, lines.map((l) => h('tr', {}, h('th', {scope: 'row', text: l.name}),
            l.row.months.map((m) => monthCell(ctx, m))))))));
  } else {
    root.append(h('p', {text: tr(ctx, 'スケジュールはまだありません。', 'No schedule yet.')}));
  }
  root.append(h('h2', {text: tr(ctx, '事業 (優先順)', 'Projects (by priority)')}));
  for (const x of p.projects || []) {
    root.append(h('section', {class: 'project', 'aria-labelledby': `proj-${x.priority}`},
        h('h3', {id: `proj-${x.priority}`, text: `${x.priority}. ${x.name}`}),
        facts([
          [tr(ctx, 'ねらい', 'Aims'), (x.aimNumbers || []).join(', ') || '—'],
          [tr(ctx, '方向性', 'Direction'), x.direction || '—'],
          [tr(ctx, '実施主体', 'Actor'), x.actor || '—'],
          [tr(ctx, '予算 (千円)', 'Budget (¥1,000)'), x.budget == null ? '—' : num(ctx, x.budget)],
          [tr(ctx, '事業の性質', 'Nature'), x.nature || '—'],
          [tr(ctx, '今年度の取組', "This year's work"), x.work || '—'],
          [tr(ctx, '課題', 'Issues'), (x.issues || []).length ? h('ul', {}, x.issues.map((s) => h('li', {text: s}))) : '—'],
        ])));
  }
}

function monthCell(ctx, m) {
  const td = h('td', {class: m.active ? 'active' : null},
      m.active ? h('span', {}, h('span', {'aria-hidden': 'true', text: '■'}), h('span', {class: 'visually-hidden', text: tr(ctx, '実施', 'active')}),
          m.label ? ` ${m.label}` : '') : '');
  if (m.active) td.style.background = '#d3e3fd';
  return td;
}

/** The bars of one project's schedule: each a row (label, from, to); bars of one line keep their line. */
function scheduleEditor(ctx, item, prefix) {
  const bars = [];
  (item.schedule || []).forEach((row, r) => row.segments.forEach((s) => bars.push({line: r, label: s.label || '', startMonth: String(s.startMonth), endMonth: String(s.endMonth)})));
  const box = h('div', {class: 'schedule-editor'});
  const ed = repeater(ctx, {name: `${prefix}.bars`, legend: tr(ctx, '実施スケジュール (期間ごと)', 'Schedule (one row per period)'), id: uid('bars'),
    items: bars, blank: () => ({line: 0, label: '', startMonth: '4', endMonth: '3'}), // new periods join the first line
    itemLabel: (i) => tr(ctx, `期間 ${i + 1}`, `Period ${i + 1}`), addLabel: tr(ctx, '期間を追加', 'Add a period'),
    fields: [{key: 'label', label: tr(ctx, '内容', 'Activity')},
      {key: 'startMonth', label: tr(ctx, '開始月', 'From'), type: 'select', options: monthOptions(ctx)},
      {key: 'endMonth', label: tr(ctx, '終了月', 'To'), type: 'select', options: monthOptions(ctx)}]});
  box.append(ed.element);
  return {element: box, read: () => {
    const rows = [];
    const byLine = new Map();
    for (const b of ed.read()) {
      const seg = {label: b.label.trim() || null, startMonth: Number(b.startMonth), endMonth: Number(b.endMonth)};
      if (b.line !== null && b.line !== undefined && byLine.has(b.line)) byLine.get(b.line).segments.push(seg);
      else {
        const row = {segments: [seg]};
        rows.push(row);
        if (b.line !== null && b.line !== undefined) byLine.set(b.line, row);
      }
    }
    return {schedule: rows};
  }};
}

async function form(root, ctx, p, etag) {
  const units = await unitOptions(ctx);
  const c = p || {};
  ctx.setTitle(p ? tr(ctx, '課の業務計画の編集', 'Edit division plan') : tr(ctx, '課の業務計画の登録', 'New division plan'));
  const aims = repeater(ctx, {name: 'aims', legend: tr(ctx, '施策のねらい', 'Aims'), id: 'aims',
    items: (c.aims || []).map((x) => ({number: String(x.number), text: x.text})),
    blank: () => ({number: '', text: ''}), itemLabel: (i) => tr(ctx, `ねらい ${i + 1}`, `Aim ${i + 1}`), addLabel: tr(ctx, 'ねらいを追加', 'Add an aim'),
    fields: [{key: 'number', label: tr(ctx, '番号', 'No.')}, {key: 'text', label: tr(ctx, 'ねらい', 'Aim'), type: 'textarea'}]});
  const projects = repeater(ctx, {name: 'projects', legend: tr(ctx, '事業 (上から優先順)', 'Projects (top first)'), id: 'projects', ordered: true,
    items: (c.projects || []).map((x) => ({name: x.name, aimNumbers: (x.aimNumbers || []).join(', '), direction: x.direction || '', actor: x.actor || '',
      budget: x.budget ?? '', nature: x.nature || '', work: x.work || '', issues: (x.issues || []).join('\n'), schedule: x.schedule})),
    blank: () => ({name: '', aimNumbers: '', direction: '', actor: '', budget: '', nature: '', work: '', issues: '', schedule: []}),
    itemLabel: (i) => tr(ctx, `事業 ${i + 1}`, `Project ${i + 1}`), addLabel: tr(ctx, '事業を追加', 'Add a project'),
    fields: [
      {key: 'name', label: tr(ctx, '事業名', 'Project')},
      {key: 'aimNumbers', label: tr(ctx, 'ねらいの番号', 'Aim numbers'), hint: tr(ctx, '例: 1, 2', 'e.g. 1, 2')},
      {key: 'direction', label: tr(ctx, '方向性', 'Direction'), type: 'select', options: choices(ctx, DIRECTIONS)},
      {key: 'actor', label: tr(ctx, '実施主体', 'Actor'), type: 'select', options: choices(ctx, ACTORS)},
      {key: 'budget', label: tr(ctx, '予算 (千円)', 'Budget (¥1,000)')},
      {key: 'nature', label: tr(ctx, '事業の性質', 'Nature')},
      {key: 'work', label: tr(ctx, '今年度の取組', "This year's work"), type: 'textarea', wide: true},
      {key: 'issues', label: tr(ctx, '課題 (1 行に 1 つ)', 'Issues (one per line)'), type: 'textarea', wide: true},
      {key: 'schedule', custom: (item, prefix) => scheduleEditor(ctx, item, prefix)},
    ]});
  const goalFields = (key, legend, g) => h('fieldset', {}, h('legend', {text: legend}), h('div', {class: 'grid2'},
      field(ctx, {name: `${key}.number`, label: tr(ctx, `${legend}の番号`, `${legend} no.`), value: g?.number || '', id: `${key}-number`}),
      field(ctx, {name: `${key}.text`, label: legend, value: g?.text || '', id: `${key}-text`}),
      field(ctx, {name: `${key}.unitName`, label: tr(ctx, `${legend}の担当`, `${legend}: responsible`), value: g?.unitName || '', id: `${key}-unit`})));
  const f = h('form', {class: 'form', id: 'plan-form', novalidate: true},
      h('div', {class: 'grid2'},
          field(ctx, {name: 'divisionId', label: tr(ctx, '課', 'Division'), type: 'select', options: units, value: c.division ? c.division.id : '', required: true, id: 'plan-division'}),
          field(ctx, {name: 'fiscalYear', label: tr(ctx, '年度', 'Fiscal year'), value: yearOf(c.fiscalYear) ?? '', required: true, id: 'plan-year',
            hint: tr(ctx, '例: 2025, R7, 令和7年度', 'e.g. 2025, R7')})),
      field(ctx, {name: 'title', label: tr(ctx, '表題', 'Title'), value: c.title || '', id: 'plan-title'}),
      goalFields('policyGoal', tr(ctx, '政策目標', 'Policy goal'), c.policyGoal),
      goalFields('measureGoal', tr(ctx, '施策目標', 'Measure goal'), c.measureGoal),
      linesField(ctx, {name: 'approach', label: tr(ctx, '取組の方針', 'Approach'), value: c.approach}),
      aims.element, projects.element,
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-plan', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: p ? ctx.href(p.id) : ctx.href()}, tr(ctx, 'キャンセル', 'Cancel'))));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const errors = [];
    const goal = (key, old) => {
      const g = {number: f.elements[`${key}.number`].value.trim() || null, text: f.elements[`${key}.text`].value.trim() || null,
        unitName: f.elements[`${key}.unitName`].value.trim() || null, planNodeId: old ? old.planNodeId || null : null};
      return g.number || g.text || g.unitName || g.planNodeId ? g : null;
    };
    const body = {
      divisionId: f.elements.divisionId.value || null,
      fiscalYear: yearValue(f.elements.fiscalYear.value),
      title: f.elements.title.value.trim() || null,
      policyGoal: goal('policyGoal', c.policyGoal),
      measureGoal: goal('measureGoal', c.measureGoal),
      approach: linesValue(f, 'approach'),
      aims: aims.read().map((x, i) => ({number: numberValue(ctx, f, `aims[${i}].number`, errors, true), text: x.text.trim()})),
      projects: projects.read().map((x, i) => ({
        name: x.name.trim(),
        aimNumbers: x.aimNumbers.normalize('NFKC').split(/[,、\s]+/).filter((s) => s).map((s) => {
          const n = Number(s);
          if (!Number.isInteger(n)) errors.push({field: `projects[${i}].aimNumbers`, message: tr(ctx, '番号をカンマ区切りで入力してください。', 'Enter numbers separated by commas.')});
          return n;
        }),
        direction: x.direction.trim() || null, actor: x.actor.trim() || null,
        budget: numberValue(ctx, f, `projects[${i}].budget`, errors, true),
        nature: x.nature.trim() || null, work: x.work.trim() || null,
        issues: x.issues.split('\n').map((s) => s.trim()).filter((s) => s),
        schedule: x.schedule,
      })),
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
