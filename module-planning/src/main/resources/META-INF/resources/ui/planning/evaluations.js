// 事務事業評価の結果 — the public portal's page of published evaluation results (PORTAL contribution
// "planning-evaluations"). Per fiscal year the municipality published: a chart of the count of programs by
// final direction (今後の方向性), with the same numbers in a table, and one table of the results — program
// number, name, division, the ratings each step gave, the final direction and comment. Public endpoints only
// (/planning/public/evaluations…); who evaluated is never shown (the API does not return it).

import {h as el} from '/ui/core/kit.js';
let uid = 0;
const nextId = (prefix) => `${prefix}-${++uid}`;

const STEPS = ['SELF', 'SECONDARY', 'EXTERNAL', 'FINAL'];

export default async function render(root, ctx) {
  const { t } = ctx;
  const charts = [];
  const cleanup = () => charts.splice(0).forEach((c) => c.destroy());
  root.append(el('p', { class: 'status', role: 'status', text: t('読み込み中…', 'Loading…') }));

  const years = await ctx.getJson('planning/public/evaluations/years');
  root.replaceChildren(el('h1', { text: t('事務事業評価の結果', 'Program evaluation results') }));
  if (years.length === 0) {
    root.append(el('p', { text: t('公表している評価結果はまだありません。', 'No evaluation results are published yet.') }));
    return cleanup;
  }
  root.append(el('p', { class: 'lead', text: t(
    'この自治体が実施した事務事業評価（自己評価・二次評価・外部評価・最終決定）の結果です。',
    'The results of the yearly evaluation of administrative programs (self, secondary and external evaluation, final decision).') }));

  const selectId = nextId('eval-year');
  const select = el('select', { id: selectId, class: 'fy-select' });
  years.forEach((y) => select.append(el('option', { value: String(y.fiscalYear.year),
    text: t(`${ctx.fiscalYearLabel(y.fiscalYear.year)}（${y.count}件）`,
      `${ctx.fiscalYearLabel(y.fiscalYear.year)} (${y.count} programs)`) })));
  const body = el('div');
  root.append(el('label', { for: selectId, text: t('年度', 'Fiscal year') }), select, body);

  async function showYear() {
    cleanup();
    body.replaceChildren(el('p', { class: 'status', role: 'status', text: t('読み込み中…', 'Loading…') }));
    const r = await ctx.getJson(`planning/public/evaluations?fiscalYear=${encodeURIComponent(select.value)}`);
    body.replaceChildren();
    const label = ctx.fiscalYearLabel(r.fiscalYear.year);
    const sumId = nextId('eval-summary');
    const summary = el('section', { 'aria-labelledby': sumId });
    summary.append(el('h2', { id: sumId, text: t(`${label}の今後の方向性`, `Future directions, ${label}`) }),
      el('p', { text: t(`評価した事業 ${r.count}件`, `${r.count} programs evaluated`) }));
    const dirs = r.directions;
    summary.append(chartBox(t(`${label} 今後の方向性別の事業数`, `Programs by future direction, ${label}`), dirs));
    const dt = el('table', { class: 'direction-table' }, el('caption', { text: t('今後の方向性別の事業数', 'Programs by future direction') }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('今後の方向性', 'Future direction') }),
        el('th', { scope: 'col', class: 'num', text: t('事業数', 'Programs') }))));
    const dtb = el('tbody');
    dirs.forEach((d) => dtb.append(el('tr', {}, el('th', { scope: 'row', text: d.direction }),
      el('td', { class: 'num', text: String(d.count) }))));
    dt.append(dtb);
    summary.append(el('div', { class: 'table-scroll' }, dt));
    body.append(summary);

    const resId = nextId('eval-results');
    const section = el('section', { 'aria-labelledby': resId });
    section.append(el('h2', { id: resId, text: t(`${label}の評価結果`, `Evaluation results, ${label}`) }));
    if (r.scale && r.scale.length > 0) {
      section.append(el('p', { class: 'lead', text: t('評価の段階：', 'Scale: ')
        + r.scale.map((g) => `${g.code} ${g.label}`).join(t('、', ', ')) }));
    }
    const table = el('table', { class: 'evaluation-results' },
      el('caption', { text: t(`${label} 事務事業評価の結果（必要性/有効性/効率性）`,
        `${label} program evaluation results (necessity/effectiveness/efficiency)`) }));
    const head = el('tr', {}, el('th', { scope: 'col', text: t('事業番号', 'No.') }),
      el('th', { scope: 'col', text: t('事業名', 'Program') }),
      el('th', { scope: 'col', text: t('担当課', 'Division') }));
    STEPS.forEach((s) => head.append(el('th', { scope: 'col', text: stepLabel(s) })));
    head.append(el('th', { scope: 'col', text: t('今後の方向性', 'Future direction') }),
      el('th', { scope: 'col', text: t('最終決定のコメント', 'Final comment') }));
    table.append(el('thead', {}, head));
    const tbody = el('tbody');
    r.results.forEach((x) => {
      const row = el('tr', {}, el('td', { text: x.programNumber }), el('th', { scope: 'row', text: x.programName }),
        el('td', { text: x.unitName || '' }));
      STEPS.forEach((s) => {
        const st = x.steps.find((v) => v.step === s);
        const ratings = st && st.necessity ? `${st.necessity}/${st.effectiveness}/${st.efficiency}` : '';
        const cell = el('td', {}, el('span', { text: ratings }));
        if (st && st.direction) cell.append(el('br'), el('span', { text: st.direction }));
        if (s === 'EXTERNAL' && st && st.comment) {
          cell.append(el('details', { class: 'explain' }, el('summary', { text: t('意見', 'Comment') }),
            el('div', {}, el('p', { text: st.comment }))));
        }
        row.append(cell);
      });
      row.append(el('td', { text: x.finalDirection || '' }), el('td', { text: x.comment || '' }));
      tbody.append(row);
    });
    table.append(tbody);
    section.append(el('div', { class: 'table-scroll' }, table));
    body.append(section);
  }

  function stepLabel(s) {
    return { SELF: t('自己評価', 'Self'), SECONDARY: t('二次評価', 'Secondary'), EXTERNAL: t('外部評価', 'External'),
      FINAL: t('最終決定', 'Final') }[s];
  }

  function chartBox(label, dirs) {
    const described = dirs.map((d) => `${d.direction} ${d.count}`).join(t('、', ', '));
    const canvas = el('canvas', { id: 'evaluation-direction-chart', role: 'img', 'aria-label': `${label}: ${described}` });
    canvas.textContent = `${label}: ${described}`;
    const box = el('div', { class: 'chart-box' }, canvas);
    queueMicrotask(() => {
      try {
        charts.push(ctx.chart(canvas, {
          type: 'bar',
          data: {
            labels: dirs.map((d) => d.direction),
            datasets: [{ label: t('事業数', 'Programs'), data: dirs.map((d) => d.count),
              backgroundColor: '#1f6fbf', borderColor: '#0a4a8f', borderWidth: 1 }],
          },
          options: {
            responsive: true,
            maintainAspectRatio: false,
            plugins: { legend: { display: false }, title: { display: true, text: label, color: '#1b1b1b' } },
            scales: {
              y: { min: 0, ticks: { precision: 0, color: '#4a4f57' } },
              x: { ticks: { color: '#4a4f57' } },
            },
          },
        }));
      } catch (e) {
        box.replaceChildren(el('p', { class: 'status', text: `${label}: ${described}` }));
      }
    });
    return box;
  }

  select.addEventListener('change', () => { showYear(); });
  await showYear();
  return cleanup;
}
