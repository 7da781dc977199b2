// Indicators: the list with filters (paged, CSV), one indicator with its chart of targets against
// actuals per fiscal year and its ratings, and the form to create or edit one.
// Routes: #/{lg}/core/indicators, …/new, …/{id}, …/{id}/edit.
import {h, add, tr, field, pagedList, submit, showFieldErrors, facts, errorNotice, ratingBadge, ratingLevel, RATING_COLOURS, num, notice} from '../kit.js';

const KINDS = ['OUTCOME', 'ACTIVITY', 'PROCESS'];

export default async function render(root, ctx) {
  const [id, action] = ctx.args;
  if (id === 'new') return edit(root, ctx, null);
  if (id && action === 'edit') return edit(root, ctx, id);
  if (id) return detail(root, ctx, id);
  return list(root, ctx);
}

function kindLabel(ctx, k) {
  return {OUTCOME: tr(ctx, '成果指標', 'Outcome'), ACTIVITY: tr(ctx, '活動指標', 'Activity'), PROCESS: tr(ctx, 'プロセス指標', 'Process')}[k] || k;
}

function canWrite(ctx) {
  return ctx.caller.role !== 'VIEWER';
}

async function grades(ctx) {
  try {
    return (await ctx.getJson('rating-scale')).grades;
  } catch (e) {
    return [];
  }
}

// ---- list -------------------------------------------------------------------------------------

async function list(root, ctx) {
  const [categories, scale] = await Promise.all([ctx.getJson('indicators/categories').catch(() => []), grades(ctx)]);
  const kind = field(ctx, {name: 'kind', type: 'select', label: tr(ctx, '種類', 'Kind'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...KINDS.map((k) => ({value: k, label: kindLabel(ctx, k)}))]});
  const category = field(ctx, {name: 'category', type: 'select', label: tr(ctx, '分類', 'Category'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...categories.map((c) => ({value: c, label: c}))]});
  const q = field(ctx, {name: 'q', label: tr(ctx, 'キーワード', 'Keyword'), attrs: {type: 'search'}});
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '指標の絞り込み', 'Filter indicators'),
    on: {submit: (e) => { e.preventDefault(); table.reload(); }}},
  kind, category, q, h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  filters.kind.addEventListener('change', () => table.reload());
  filters.category.addEventListener('change', () => table.reload());
  const table = pagedList(ctx, {
    path: 'indicators', csv: `indicators-${ctx.lgCode}.csv`, xlsx: `indicators-${ctx.lgCode}.xlsx`, caption: tr(ctx, '指標の一覧', 'Indicators'),
    query: () => ({kind: filters.kind.value, category: filters.category.value, q: filters.q.value}),
    columns: [
      {label: tr(ctx, 'コード', 'Code'), render: (i) => i.code || ''},
      {label: tr(ctx, '名称', 'Name'), render: (i) => h('a', {href: ctx.href(i.id), class: 'indicator-link'}, ctx.lang === 'en' && i.nameEn ? i.nameEn : i.nameJa)},
      {label: tr(ctx, '種類', 'Kind'), render: (i) => i.kindLabel},
      {label: tr(ctx, '分類', 'Category'), render: (i) => i.category || ''},
      {label: tr(ctx, '単位', 'Unit'), render: (i) => i.unit},
      {label: tr(ctx, '最新の評価', 'Latest rating'), render: (i) => i.latest
        ? h('span', {}, ratingBadge(ctx, i.latest.rating, scale), ` ${ctx.fiscalYearLabel(i.latest.fiscalYear.year)}`)
        : ratingBadge(ctx, null)},
    ],
  });
  add(root, canWrite(ctx) ? h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-indicator', href: ctx.href('new'),
    text: tr(ctx, '指標を登録', 'New indicator')})) : null, filters, table.element);
  await table.reload();
}

// ---- one indicator ----------------------------------------------------------------------------

async function detail(root, ctx, id) {
  let r = await ctx.api('GET', `indicators/${encodeURIComponent(id)}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {problem: r.problem, status: r.status}));
    return;
  }
  const i = r.body;
  const scale = await grades(ctx);
  ctx.setTitle(ctx.lang === 'en' && i.nameEn ? i.nameEn : i.nameJa);
  const yl = (y) => (y ? ctx.fiscalYearLabel(y.year) : '');
  const val = (v) => (v ? `${num(ctx, v.value, 4)} ${i.unit} (${yl(v.fiscalYear)})` : '—');
  add(root,
      h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 指標の一覧へ', '← All indicators'))),
      canWrite(ctx) ? h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'edit-indicator', href: ctx.href(i.id, 'edit'),
        text: tr(ctx, '編集', 'Edit')})) : null,
      facts([
        [tr(ctx, 'コード', 'Code'), i.code || '—'],
        [tr(ctx, '名称', 'Name'), i.nameJa], [tr(ctx, '英語名', 'English name'), i.nameEn || '—'],
        [tr(ctx, '種類', 'Kind'), i.kindLabel], [tr(ctx, '分類', 'Category'), i.category || '—'],
        [tr(ctx, '単位', 'Unit'), i.unit], [tr(ctx, '方向', 'Direction'), i.directionLabel],
        [tr(ctx, '現状値', 'Baseline'), val(i.baseline)], [tr(ctx, '最終目標', 'Final target'), val(i.finalTarget)],
        [tr(ctx, '累計', 'Cumulative'), i.cumulative ? tr(ctx, 'はい', 'yes') : tr(ctx, 'いいえ', 'no')],
        i.metricSource ? [tr(ctx, '実績の連携元', 'Actuals from'), i.metricSource] : null,
        [tr(ctx, '最新の評価', 'Latest rating'), h('span', {id: 'latest-rating'}, i.latest ? [ratingBadge(ctx, i.latest.rating, scale), ` ${yl(i.latest.fiscalYear)}`] : ratingBadge(ctx, null))],
        i.note ? [tr(ctx, '備考', 'Note'), i.note] : null,
      ]));

  const years = i.years || [];
  root.append(h('h2', {text: tr(ctx, '目標と実績', 'Targets and actuals')}));
  if (years.length) {
    const canvas = h('canvas', {id: 'indicator-chart', role: 'img',
      'aria-label': tr(ctx, `${i.nameJa}の年度別の目標と実績のグラフ。数値は下の表のとおり。`, `Chart of targets and actuals per fiscal year of ${i.nameEn || i.nameJa}; the numbers are in the table below.`)});
    root.append(h('div', {class: 'chart-box'}, canvas));
    const colour = (y) => (y.rating ? RATING_COLOURS[ratingLevel(y.rating, scale)] : '#8c8c8c');
    ctx.chart(canvas, {
      type: 'bar',
      data: {
        labels: years.map((y) => yl(y.fiscalYear)),
        datasets: [
          {type: 'line', label: tr(ctx, `目標 (${i.unit})`, `Target (${i.unit})`), data: years.map((y) => (y.target == null ? null : Number(y.target))),
            borderColor: '#12355b', backgroundColor: '#12355b', borderDash: [6, 4], pointStyle: 'rectRot', pointRadius: 6, spanGaps: true, order: 0},
          {type: 'bar', label: tr(ctx, `実績 (${i.unit}) — 色は評価`, `Actual (${i.unit}) — colour shows the rating`),
            data: years.map((y) => (y.actual == null ? null : Number(y.actual))), backgroundColor: years.map(colour), order: 1},
        ],
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {legend: {labels: {usePointStyle: true}}, tooltip: {callbacks: {afterLabel: (c) => {
          const y = years[c.dataIndex];
          return c.datasetIndex === 1 && y.rating ? tr(ctx, `評価 ${y.rating} (達成率 ${num(ctx, y.achievementRate, 1)}%)`, `Rating ${y.rating} (${num(ctx, y.achievementRate, 1)} %)`) : '';
        }}}},
        scales: {y: {beginAtZero: true, title: {display: true, text: i.unit}}},
      },
    });
    root.append(h('div', {class: 'table-wrap'}, h('table', {class: 'list', id: 'indicator-years'},
        h('caption', {text: tr(ctx, '年度別の目標・実績・達成率・評価', 'Per fiscal year: target, actual, achievement and rating')}),
        h('thead', {}, h('tr', {}, [tr(ctx, '年度', 'Fiscal year'), tr(ctx, '目標', 'Target'), tr(ctx, '実績', 'Actual'),
          tr(ctx, '達成率', 'Achievement'), tr(ctx, '評価', 'Rating')].map((x, n) => h('th', {scope: 'col', class: n > 0 && n < 4 ? 'num' : null, text: x})))),
        h('tbody', {}, years.map((y) => h('tr', {},
            h('th', {scope: 'row', text: yl(y.fiscalYear)}),
            h('td', {class: 'num', text: y.target == null ? '—' : `${num(ctx, y.target, 4)}${targetNote(ctx, y.targetSource)}`}),
            h('td', {class: 'num', text: y.actual == null ? (y.actualSource === 'METRIC_UNAVAILABLE' ? tr(ctx, '連携先が無効', 'source unavailable') : '—') : num(ctx, y.actual, 4)}),
            h('td', {class: 'num', text: y.achievementRate == null ? '—' : `${num(ctx, y.achievementRate, 1)}%`}),
            h('td', {}, y.rating ? ratingBadge(ctx, y.rating, scale) : (y.met === true ? tr(ctx, '達成', 'met') : '—'))))))));
  } else {
    root.append(h('p', {text: tr(ctx, '年度ごとの目標・実績はまだありません。', 'No yearly targets or actuals yet.')}));
  }
}

// ---- create / edit ----------------------------------------------------------------------------

async function edit(root, ctx, id) {
  let current = null;
  let etag = null;
  if (id) {
    const r = await ctx.api('GET', `indicators/${encodeURIComponent(id)}`);
    if (r.status !== 200) {
      root.append(errorNotice(ctx, {problem: r.problem, status: r.status}));
      return;
    }
    current = r.body;
    etag = r.etag;
    ctx.setTitle(tr(ctx, `指標の編集: ${current.nameJa}`, `Edit indicator: ${current.nameEn || current.nameJa}`));
  } else {
    ctx.setTitle(tr(ctx, '指標の登録', 'New indicator'));
  }
  const units = await ctx.getJson('organization-units?size=200').then((p) => p.items).catch(() => []);
  const c = current || {};
  const bound = !!c.metricSource;
  const form = h('form', {class: 'form', id: 'indicator-form', novalidate: true});
  const yearRows = h('tbody');
  const years = (c.years || []).map((y) => ({
    fiscalYear: y.fiscalYear.year,
    target: y.targetSource === 'YEARLY' ? y.target : '',
    actual: y.actualSource === 'ENTERED' ? y.actual : '',
  })).filter((y) => y.target !== '' || y.actual !== '');
  if (!years.length) years.push({fiscalYear: '', target: '', actual: ''});

  const readYears = () => years.forEach((y, n) => {
    y.fiscalYear = form.elements[`years[${n}].fiscalYear`].value;
    y.target = form.elements[`years[${n}].target`].value;
    if (!bound) y.actual = form.elements[`years[${n}].actual`].value;
  });
  const drawYears = () => yearRows.replaceChildren(...years.map((y, n) => h('tr', {},
      h('td', {}, field(ctx, {name: `years[${n}].fiscalYear`, label: tr(ctx, `年度 ${n + 1}`, `Fiscal year ${n + 1}`), value: y.fiscalYear,
        id: `year-${n}-fy`, attrs: {placeholder: tr(ctx, '例: 2025, R7, 令和7年度', 'e.g. 2025, R7, FY2025')}})),
      h('td', {}, field(ctx, {name: `years[${n}].target`, type: 'number', label: tr(ctx, `目標 ${n + 1}`, `Target ${n + 1}`), value: y.target, id: `year-${n}-target`})),
      h('td', {}, bound ? h('p', {class: 'hint', text: tr(ctx, '実績は連携元から', 'Actuals come from the source')})
        : field(ctx, {name: `years[${n}].actual`, type: 'number', label: tr(ctx, `実績 ${n + 1}`, `Actual ${n + 1}`), value: y.actual, id: `year-${n}-actual`})),
      h('td', {}, h('button', {type: 'button', class: 'btn', text: tr(ctx, '削除', 'Remove'), 'aria-label': tr(ctx, `年度 ${n + 1} の行を削除`, `Remove fiscal year row ${n + 1}`),
        on: {click: () => { readYears(); years.splice(n, 1); drawYears(); }}})))));
  drawYears();

  const sel = (name, label, options, value, required) => field(ctx, {name, type: 'select', label, options, value, required});
  form.append(
      h('p', {class: 'hint', text: tr(ctx, '(必須) の項目は必ず入力してください。エラーは各項目の下に表示されます。', 'Fields marked (required) must be filled in. Errors appear below each field.')}),
      h('fieldset', {}, h('legend', {text: tr(ctx, '基本情報', 'Basics')}), h('div', {class: 'grid2'},
          field(ctx, {name: 'code', label: tr(ctx, 'コード', 'Code'), value: c.code, id: 'ind-code', hint: tr(ctx, '半角英数字と . _ -', 'Letters, digits, . _ -')}),
          field(ctx, {name: 'nameJa', label: tr(ctx, '名称', 'Name (Japanese)'), value: c.nameJa, required: true, id: 'ind-nameJa'}),
          field(ctx, {name: 'nameEn', label: tr(ctx, '英語名', 'Name (English)'), value: c.nameEn, id: 'ind-nameEn'}),
          sel('kind', tr(ctx, '種類', 'Kind'), [{value: '', label: tr(ctx, '選んでください', 'Choose')}, ...KINDS.map((k) => ({value: k, label: kindLabel(ctx, k)}))], c.kind || '', true),
          field(ctx, {name: 'category', label: tr(ctx, '分類', 'Category'), value: c.category, id: 'ind-category'}),
          field(ctx, {name: 'unit', label: tr(ctx, '単位', 'Unit'), value: c.unit, required: true, id: 'ind-unit', hint: tr(ctx, '例: 件、%、人', 'e.g. 件, %, people')}),
          sel('direction', tr(ctx, '方向', 'Direction'), [{value: 'HIGHER_IS_BETTER', label: tr(ctx, '高いほど良い', 'Higher is better')},
            {value: 'LOWER_IS_BETTER', label: tr(ctx, '低いほど良い', 'Lower is better')}], c.direction || 'HIGHER_IS_BETTER', true),
          sel('ownerUnitId', tr(ctx, '担当組織', 'Responsible unit'), [{value: '', label: tr(ctx, '(なし)', '(none)')},
            ...units.map((u) => ({value: u.id, label: `${u.nameJa} (${u.code})`}))], c.ownerUnitId || ''),
          field(ctx, {name: 'cumulative', type: 'checkbox', label: tr(ctx, '累計値', 'Cumulative'), value: c.cumulative, id: 'ind-cumulative'}))),
      h('fieldset', {}, h('legend', {text: tr(ctx, '現状値と最終目標', 'Baseline and final target')}), h('div', {class: 'grid2'},
          field(ctx, {name: 'baseline.value', type: 'number', label: tr(ctx, '現状値', 'Baseline'), value: c.baseline?.value, id: 'ind-baseline'}),
          field(ctx, {name: 'baseline.fiscalYear', label: tr(ctx, '現状値の年度', 'Baseline fiscal year'), value: c.baseline?.fiscalYear?.year, id: 'ind-baseline-fy'}),
          field(ctx, {name: 'finalTarget.value', type: 'number', label: tr(ctx, '最終目標', 'Final target'), value: c.finalTarget?.value, id: 'ind-final'}),
          field(ctx, {name: 'finalTarget.fiscalYear', label: tr(ctx, '最終目標の年度', 'Final target fiscal year'), value: c.finalTarget?.fiscalYear?.year, id: 'ind-final-fy'}))),
      h('fieldset', {}, h('legend', {text: tr(ctx, '年度ごとの目標と実績', 'Targets and actuals per fiscal year')}),
          h('div', {class: 'table-wrap'}, h('table', {class: 'year-table'}, yearRows)),
          h('button', {type: 'button', class: 'btn', id: 'add-year', text: tr(ctx, '年度を追加', 'Add a fiscal year'),
            on: {click: () => {
              readYears();
              const last = Number(years[years.length - 1]?.fiscalYear);
              years.push({fiscalYear: Number.isInteger(last) && last > 0 ? last + 1 : '', target: '', actual: ''});
              drawYears();
              form.elements[`years[${years.length - 1}].fiscalYear`].focus();
            }}})),
      field(ctx, {name: 'note', type: 'textarea', label: tr(ctx, '備考', 'Note'), value: c.note, id: 'ind-note'}),
      h('div', {class: 'actions'},
          h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-indicator', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: id ? ctx.href(id) : ctx.href(), text: tr(ctx, 'キャンセル', 'Cancel')})));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    readYears();
    const f = form.elements;
    const text = (name) => (f[name].value.trim() === '' ? null : f[name].value.trim());
    const local = [];
    const number = (name) => {
      const v = f[name].value.trim().replace(/,/g, '');
      if (v === '') return null;
      if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
      // JSON would carry it as text, which the API refuses without naming the field: say it here.
      local.push({field: name, message: tr(ctx, '数値を入力してください (例: 1234.5)。', 'Enter a number (e.g. 1234.5).')});
      return null;
    };
    const yearValue = (prefix) => (text(`${prefix}.value`) === null && text(`${prefix}.fiscalYear`) === null ? null
      : {value: number(`${prefix}.value`), fiscalYear: yearOf(text(`${prefix}.fiscalYear`))});
    const body = {
      code: text('code'), nameJa: f.nameJa.value, nameEn: text('nameEn'), kind: text('kind'), category: text('category'),
      unit: f.unit.value, direction: text('direction'), cumulative: f.cumulative.checked, ownerUnitId: text('ownerUnitId'),
      baseline: yearValue('baseline'), finalTarget: yearValue('finalTarget'), note: text('note'),
      metricSource: c.metricSource || null,
      years: years.map((y, n) => ({fiscalYear: yearOf(String(y.fiscalYear).trim() || null),
        target: number(`years[${n}].target`), actual: bound ? null : number(`years[${n}].actual`)}))
          .filter((y, n) => !(y.fiscalYear === null && y.target === null && y.actual === null && n === years.length - 1 && years.length > 1)),
    };
    if (body.years.length === 1 && body.years[0].fiscalYear === null && body.years[0].target === null && body.years[0].actual === null) body.years = [];
    if (local.length) {
      showFieldErrors(ctx, form, {status: 400, detail: tr(ctx, '入力内容に誤りがあります。各項目のメッセージを確認してください。',
          'Some entries are not valid. See the message at each field.'), errors: local});
      return;
    }
    const saved = await submit(ctx, form, {method: id ? 'PUT' : 'POST', path: id ? `indicators/${encodeURIComponent(id)}` : 'indicators',
      body, etag, reload: () => ctx.navigate(ctx.href(id, 'edit'))});
    if (saved) {
      ctx.announce(tr(ctx, '指標を保存しました。', 'The indicator was saved.'));
      ctx.navigate(ctx.href(saved.body.id));
    }
  });
  root.append(form);
  root.prepend(notice(id ? tr(ctx, '変更して「保存」を押してください。', 'Change what you need and press Save.')
    : tr(ctx, '新しい指標の内容を入力して「保存」を押してください。', 'Fill in the new indicator and press Save.')));
}

/** 2025 → 2025 (a number); "R7", "令和7年度", "FY2025" go as typed (the API reads them). */
function yearOf(text) {
  if (text === null || text === undefined || text === '') return null;
  return /^\d{4}$/.test(text) ? Number(text) : text;
}

/** What a target that is not the year's own is: the final target, or the line towards it. */
function targetNote(ctx, source) {
  return source === 'FINAL' ? tr(ctx, ' (最終目標)', ' (final target)')
    : source === 'INTERPOLATED' ? tr(ctx, ' (按分)', ' (interpolated)') : '';
}
