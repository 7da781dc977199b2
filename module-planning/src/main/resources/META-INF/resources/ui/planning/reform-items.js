// 行政改革の改革項目 / Administrative reform items (seed 004): the list (paged, CSV, by fiscal year
// running), one item (theme, responsible divisions, state and issues, direction, examples, the
// schedule across fiscal years in wareki, and its linked core indicators with a chart of targets
// against actuals per fiscal year) and its form.
// Routes: #/{lg}/planning/planning-reform-items[/new | /{id} | /{id}/edit].
import {h, tr, field, facts, pagedList, submit, errorNotice, num, add} from '/ui/core/kit.js';
import {unitOptions, yearValue, yearOf, numberValue, showLocalErrors, linesField, linesValue, repeater, yearFilter} from './doc-kit.js';

const PATH = 'planning/reform-items';

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

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 改革項目の一覧へ', '← All reform items')));
const period = (ctx, a, b) => (a || b ? `${a ? ctx.fiscalYearLabel(yearOf(a)) : ''}〜${b ? ctx.fiscalYearLabel(yearOf(b)) : ''}` : '—');

async function list(root, ctx) {
  const filters = yearFilter(ctx, () => table.reload(), tr(ctx, '改革項目の絞り込み', 'Filter reform items'));
  const table = pagedList(ctx, {
    path: PATH, csv: `reform-items-${ctx.lgCode}.csv`, caption: tr(ctx, '改革項目の一覧', 'Reform items'),
    query: () => ({fiscalYear: filters.fiscalYear.value.trim()}),
    columns: [
      {label: tr(ctx, '番号', 'No.'), render: (x) => String(x.itemNumber)},
      {label: tr(ctx, '改革項目', 'Item'), render: (x) => h('a', {href: ctx.href(x.id)}, x.title)},
      {label: tr(ctx, '改革の柱', 'Theme'), render: (x) => x.theme || ''},
      {label: tr(ctx, '期間', 'Period'), render: (x) => period(ctx, x.firstFiscalYear, x.lastFiscalYear)},
      {label: tr(ctx, '担当課', 'Responsible'), render: (x) => (x.responsibleUnits || []).map((u) => u.name).join('・')},
      {label: tr(ctx, '指標', 'Indicators'), render: (x) => String((x.indicators || []).length)},
    ],
  });
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-item', href: ctx.href('new')}, tr(ctx, '改革項目を登録', 'New reform item'))),
      filters, table.element);
  await table.reload();
}

function detail(root, ctx, x) {
  ctx.setTitle(`${x.itemNumber}. ${x.title}`);
  add(root, backLink(ctx),
      h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'edit-item', href: ctx.href(x.id, 'edit')}, tr(ctx, '編集', 'Edit'))),
      facts([
        [tr(ctx, '改革の柱', 'Theme'), x.theme || '—'],
        [tr(ctx, '期間', 'Period'), period(ctx, x.firstFiscalYear, x.lastFiscalYear)],
        [tr(ctx, '担当課', 'Responsible divisions'), (x.responsibleUnits || []).map((u) => u.name).join('・') || '—'],
      ]),
      h('h2', {text: tr(ctx, '現状と課題', 'Current state and issues')}), h('p', {class: 'prose', text: x.currentState || '—'}),
      h('h2', {text: tr(ctx, '取組の方向性', 'Direction')}), h('p', {class: 'prose', text: x.direction || '—'}),
      h('h2', {text: tr(ctx, '取組例', 'Examples')}),
      (x.examples || []).length ? h('ul', {}, x.examples.map((s) => h('li', {text: s}))) : h('p', {text: '—'}),
      h('h2', {text: tr(ctx, 'スケジュール', 'Schedule')}),
      (x.schedule || []).length ? h('div', {class: 'table-wrap'}, h('table', {class: 'list', id: 'reform-schedule'},
          h('caption', {text: tr(ctx, '年度ごとの取組', 'Activities by fiscal year')}),
          h('thead', {}, h('tr', {}, [tr(ctx, '取組', 'Activity'), tr(ctx, '期間', 'Period'), tr(ctx, '段階', 'Stage')].map((t) => h('th', {scope: 'col', text: t})))),
          h('tbody', {}, x.schedule.map((s) => h('tr', {}, h('th', {scope: 'row', text: s.activity}),
              h('td', {text: period(ctx, s.fromFiscalYear, s.toFiscalYear)}), h('td', {text: s.stage || ''})))))) : h('p', {text: '—'}),
      h('h2', {id: 'indicators-heading', text: tr(ctx, '指標 (目標と実績)', 'Indicators (targets and actuals)')}),
      x.indicatorNote ? h('p', {class: 'hint', text: x.indicatorNote}) : null);
  const indicators = x.indicators || [];
  if (!indicators.length) root.append(h('p', {text: tr(ctx, '指標はまだ結び付けられていません。', 'No indicator is linked yet.')}));
  indicators.forEach((ind, k) => {
    const years = ind.years || [];
    const labels = years.map((y) => ctx.fiscalYearLabel(yearOf(y.fiscalYear)));
    const v = (n) => (n === null || n === undefined ? null : Number(n));
    const unit = ind.unit ? ` (${ind.unit})` : '';
    const section = h('section', {class: 'indicator', 'aria-labelledby': `ind-${k}-h`},
        h('h3', {id: `ind-${k}-h`}, ind.nameJa, ind.code ? h('span', {class: 'hint', text: ` ${ind.code}`}) : null,
            ' ', h('a', {href: `#/${ctx.lgCode}/core/indicators/${ind.id}`, class: 'ind-link'}, tr(ctx, '指標の画面へ', 'Open indicator'))));
    root.append(section);
    if (!years.length) {
      section.append(h('p', {text: tr(ctx, '年度ごとの値はまだありません。', 'No yearly values yet.')}));
      return;
    }
    const summary = years.map((y, i) => `${labels[i]}: ${tr(ctx, '目標', 'target')} ${y.target ?? '—'}, ${tr(ctx, '実績', 'actual')} ${y.actual ?? '—'}`).join('; ');
    const canvas = h('canvas', {id: `reform-indicator-chart-${k}`, class: 'reform-indicator-chart', role: 'img',
      'aria-label': tr(ctx, `${ind.nameJa}の目標と実績のグラフ。内容は下の表と同じです。${summary}`, `Chart of targets and actuals of ${ind.nameJa}; the table below gives the same. ${summary}`)});
    section.append(h('div', {class: 'chart-box'}, canvas));
    ctx.chart(canvas, {
      data: {
        labels,
        datasets: [
          {type: 'line', label: tr(ctx, `目標${unit}`, `Target${unit}`), data: years.map((y) => v(y.target)), borderColor: '#9a4f00', backgroundColor: '#9a4f00',
            borderDash: [6, 4], pointStyle: 'rectRot', pointRadius: 6, spanGaps: true, order: 0},
          {type: 'bar', label: tr(ctx, `実績${unit}`, `Actual${unit}`), data: years.map((y) => v(y.actual)), backgroundColor: '#0b57d0', order: 1},
        ],
      },
      options: {responsive: true, maintainAspectRatio: false, animation: false, scales: {y: {beginAtZero: true}}},
    });
    section.append(h('div', {class: 'table-wrap'}, h('table', {class: 'list reform-indicator-years'},
        h('caption', {text: tr(ctx, `${ind.nameJa}: 年度ごとの目標と実績`, `${ind.nameJa}: targets and actuals by fiscal year`)}),
        h('thead', {}, h('tr', {}, [tr(ctx, '年度', 'Fiscal year'), tr(ctx, `目標${unit}`, `Target${unit}`), tr(ctx, `実績${unit}`, `Actual${unit}`)].map((t) => h('th', {scope: 'col', text: t})))),
        h('tbody', {}, years.map((y, i) => h('tr', {}, h('th', {scope: 'row', text: labels[i]}),
            h('td', {class: 'num', text: y.target == null ? '—' : num(ctx, y.target, 4)}), h('td', {class: 'num', text: y.actual == null ? '—' : num(ctx, y.actual, 4)})))))));
  });
}

async function form(root, ctx, x, etag) {
  const units = await unitOptions(ctx, tr(ctx, '(組織図にない: 名称のみ)', '(not in the tree: name only)'));
  let indicators = [];
  try {
    indicators = (await ctx.getJson('indicators?size=100')).items || [];
  } catch (e) { /* shown as no choice */ }
  const c = x || {};
  ctx.setTitle(x ? tr(ctx, '改革項目の編集', 'Edit reform item') : tr(ctx, '改革項目の登録', 'New reform item'));
  const resp = repeater(ctx, {name: 'responsibleUnits', legend: tr(ctx, '担当課', 'Responsible divisions'), id: 'resp',
    items: (c.responsibleUnits || []).map((u) => ({unitId: u.unitId || '', name: u.unitId ? '' : u.name || ''})),
    blank: () => ({unitId: '', name: ''}), itemLabel: (i) => tr(ctx, `担当課 ${i + 1}`, `Division ${i + 1}`), addLabel: tr(ctx, '担当課を追加', 'Add a division'),
    fields: [{key: 'unitId', label: tr(ctx, '組織', 'Unit'), type: 'select', options: units},
      {key: 'name', label: tr(ctx, '名称 (組織図にないとき)', 'Name (when not in the tree)')}]});
  const sched = repeater(ctx, {name: 'schedule', legend: tr(ctx, 'スケジュール', 'Schedule'), id: 'sched',
    items: (c.schedule || []).map((s) => ({activity: s.activity, fromFiscalYear: String(yearOf(s.fromFiscalYear) ?? ''), toFiscalYear: String(yearOf(s.toFiscalYear) ?? ''), stage: s.stage || ''})),
    blank: () => ({activity: '', fromFiscalYear: '', toFiscalYear: '', stage: ''}), itemLabel: (i) => tr(ctx, `取組 ${i + 1}`, `Activity ${i + 1}`),
    addLabel: tr(ctx, '取組を追加', 'Add an activity'),
    fields: [{key: 'activity', label: tr(ctx, '取組', 'Activity')},
      {key: 'fromFiscalYear', label: tr(ctx, '開始年度', 'From fiscal year'), hint: tr(ctx, '例: 2024, R6', 'e.g. 2024, R6')},
      {key: 'toFiscalYear', label: tr(ctx, '終了年度', 'To fiscal year')},
      {key: 'stage', label: tr(ctx, '段階', 'Stage'), hint: tr(ctx, '例: 検討・実施', 'e.g. study, implement')}]});
  const linked = new Set((c.indicators || []).map((i) => i.id));
  const indBox = h('fieldset', {id: 'indicator-choices'}, h('legend', {text: tr(ctx, '結び付ける指標', 'Linked indicators')}),
      indicators.length ? indicators.map((i) => field(ctx, {name: 'indicatorIds', type: 'checkbox', value: linked.has(i.id), id: `ind-${i.id}`,
        label: `${i.code ? `${i.code} ` : ''}${i.nameJa}`, attrs: {value: i.id}}))
        : h('p', {class: 'hint', text: tr(ctx, '指標がありません。「指標」の画面で登録してください。', 'No indicators. Register them on the Indicators screen.')}));
  const f = h('form', {class: 'form', id: 'reform-form', novalidate: true},
      h('div', {class: 'grid2'},
          field(ctx, {name: 'itemNumber', label: tr(ctx, '番号', 'No.'), value: c.itemNumber ?? '', required: true, id: 'ref-number'}),
          field(ctx, {name: 'theme', label: tr(ctx, '改革の柱', 'Theme'), value: c.theme || '', id: 'ref-theme'}),
          field(ctx, {name: 'firstFiscalYear', label: tr(ctx, '開始年度', 'First fiscal year'), value: yearOf(c.firstFiscalYear) ?? '', id: 'ref-first'}),
          field(ctx, {name: 'lastFiscalYear', label: tr(ctx, '終了年度', 'Last fiscal year'), value: yearOf(c.lastFiscalYear) ?? '', id: 'ref-last'})),
      field(ctx, {name: 'title', label: tr(ctx, '改革項目', 'Item'), value: c.title || '', required: true, id: 'ref-title'}),
      resp.element,
      field(ctx, {name: 'currentState', label: tr(ctx, '現状と課題', 'Current state and issues'), type: 'textarea', value: c.currentState || '', id: 'ref-state'}),
      field(ctx, {name: 'direction', label: tr(ctx, '取組の方向性', 'Direction'), type: 'textarea', value: c.direction || '', id: 'ref-direction'}),
      linesField(ctx, {name: 'examples', label: tr(ctx, '取組例', 'Examples'), value: c.examples}),
      sched.element, indBox,
      field(ctx, {name: 'indicatorNote', label: tr(ctx, '指標についての注記', 'Note on the indicators'), value: c.indicatorNote || '', id: 'ref-note'}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-item', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: x ? ctx.href(x.id) : ctx.href()}, tr(ctx, 'キャンセル', 'Cancel'))));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const errors = [];
    const body = {
      itemNumber: numberValue(ctx, f, 'itemNumber', errors, true),
      theme: f.elements.theme.value.trim() || null,
      title: f.elements.title.value.trim() || null,
      firstFiscalYear: yearValue(f.elements.firstFiscalYear.value),
      lastFiscalYear: yearValue(f.elements.lastFiscalYear.value),
      responsibleUnits: resp.read().filter((u) => u.unitId || u.name.trim()).map((u) => ({unitId: u.unitId || null, name: u.unitId ? null : u.name.trim()})),
      currentState: f.elements.currentState.value.trim() || null,
      direction: f.elements.direction.value.trim() || null,
      examples: linesValue(f, 'examples'),
      schedule: sched.read().map((s) => ({activity: s.activity.trim(), fromFiscalYear: yearValue(s.fromFiscalYear), toFiscalYear: yearValue(s.toFiscalYear), stage: s.stage.trim() || null})),
      indicatorIds: [...f.querySelectorAll('input[name=indicatorIds]:checked')].map((i) => i.value),
      indicatorNote: f.elements.indicatorNote.value.trim() || null,
    };
    if (errors.length) { showLocalErrors(ctx, f, errors); return; }
    const reply = await submit(ctx, f, {method: x ? 'PUT' : 'POST', path: x ? `${PATH}/${x.id}` : PATH, body, etag,
      reload: () => ctx.navigate(ctx.href(x.id, 'edit'))});
    if (reply) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      ctx.navigate(ctx.href(reply.body.id));
    }
  });
  root.append(backLink(ctx), f);
}
