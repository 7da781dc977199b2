// 計画の進捗 — the public portal's page of the planning module (PORTAL contribution "planning-progress").
// Shows a published comprehensive plan: its score per fiscal year (Chart.js), every measure (施策) with its
// score bar, a chart of its score per fiscal year, each indicator's rating per fiscal year in wareki, and an
// expandable explanation of how each score was calculated (the roll-up's formula and terms, as the API
// states them). Public endpoints only: /planning/public/plans…; no personal data is shown or asked for.

import {h as el} from '/ui/core/kit.js';
const fmt = (n, digits = 1) => (n == null ? null
  : Number(n).toLocaleString('ja-JP', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

function flatten(nodes, into = new Map()) {
  for (const n of nodes) {
    into.set(n.id, n);
    flatten(n.children || [], into);
  }
  return into;
}

const hasContent = (n) => (n.indicators && n.indicators.length > 0) || (n.children || []).some(hasContent);

let uid = 0;
const nextId = (prefix) => `${prefix}-${++uid}`;

export default async function render(root, ctx) {
  const { t } = ctx;
  const charts = [];
  const cleanup = () => charts.splice(0).forEach((c) => c.destroy());
  root.append(el('p', { class: 'status', role: 'status', text: t('読み込み中…', 'Loading…') }));

  const list = await ctx.getJson('planning/public/plans?size=100');
  root.replaceChildren();
  if (!list.items || list.items.length === 0) {
    root.append(el('h1', { text: t('計画の進捗', 'Plan progress') }),
      el('p', { text: t('公開している計画はまだありません。', 'No plan is published yet.') }));
    return cleanup;
  }

  const header = el('div');
  const body = el('div');
  root.append(header, body);
  let plan = list.items[0];
  let links = new Map();   // link id → the tree's view of the linked indicator (baseline, final target)

  if (list.items.length > 1) {
    const id = nextId('plan-select');
    const select = el('select', { id });
    list.items.forEach((p) => select.append(el('option', { value: p.id, text: t(p.name, p.nameEn) })));
    select.addEventListener('change', () => {
      plan = list.items.find((p) => p.id === select.value);
      showPlan();
    });
    header.append(el('label', { for: id, text: t('計画', 'Plan') }), select);
  }

  async function showPlan() {
    cleanup();
    body.replaceChildren(el('p', { class: 'status', role: 'status', text: t('読み込み中…', 'Loading…') }));
    const years = [];
    for (let y = plan.firstFiscalYear.year; y <= plan.lastFiscalYear.year; y++) years.push(y);
    // One call: the tree, the year shown first and every year's progress.
    const overview = await ctx.getJson(`planning/public/plans/${plan.id}/overview`);
    const byYear = new Map(overview.years.map((p) => [p.fiscalYear.year, { progress: p, nodes: flatten(p.nodes) }]));
    links = new Map();
    flatten(overview.tree.nodes).forEach((n) => (n.indicators || []).forEach((l) => links.set(l.id, l)));
    body.replaceChildren();
    renderPlan(body, years, byYear, overview.defaultFiscalYear.year);
  }

  function renderPlan(target, years, byYear, defaultYear) {
    const yearLabels = years.map((y) => ctx.fiscalYearLabel(y));
    const first = byYear.get(years[0]).progress;
    target.append(el('h1', { text: t(plan.name, plan.nameEn) }),
      el('p', { class: 'lead', text: t(`計画期間 ${yearLabels[0]}〜${yearLabels[yearLabels.length - 1]}`,
        `Plan period ${yearLabels[0]}–${yearLabels[yearLabels.length - 1]}`) }));

    // The plan's score per fiscal year.
    const overviewId = nextId('overview');
    const overview = el('section', { 'aria-labelledby': overviewId });
    overview.append(el('h2', { id: overviewId, text: t('年度ごとの進捗', 'Progress per fiscal year') }));
    const planScores = years.map((y) => byYear.get(y).progress.score);
    overview.append(chartBox(t('計画全体の年度別スコア', 'Score of the whole plan per fiscal year'), yearLabels, planScores,
      first.rule.scoreCapPercent, 'plan-progress-chart'));
    if (planScores.every((s) => s == null)) {
      overview.append(el('p', { class: 'lead', text: t('まだどの年度にも実績値が入っていないため、スコアはありません。各指標の基準値と目標値は下の表のとおりです。',
        'No fiscal year has actuals yet, so there are no scores. The baselines and targets of the indicators are in the tables below.') }));
    }
    overview.append(scoreTable(t('計画全体の年度別スコアと評価', 'Score and rating of the whole plan per fiscal year'),
      years, (y) => byYear.get(y).progress));
    const ruleBox = el('details', { class: 'explain' },
      el('summary', { text: t('スコアの計算方法（積み上げのルール）', 'How scores are calculated (the roll-up rule)') }),
      el('div', {}, el('p', { text: t(first.rule.text.ja, first.rule.text.en) })));
    overview.append(ruleBox);
    target.append(overview);

    // One fiscal year in detail.
    const detailId = nextId('detail');
    const detail = el('section', { 'aria-labelledby': detailId });
    const selectId = nextId('fy-select');
    const select = el('select', { id: selectId, class: 'fy-select' });
    years.forEach((y, i) => select.append(el('option', { value: String(y), text: yearLabels[i] })));
    select.value = String(byYear.has(defaultYear) ? defaultYear : years[years.length - 1]);
    const heading = el('h2', { id: detailId });
    const nodesBox = el('div');
    detail.append(heading, el('label', { for: selectId, text: t('表示する年度', 'Fiscal year shown') }), select, nodesBox);
    target.append(detail);

    const showYear = () => {
      const y = Number(select.value);
      const pr = byYear.get(y).progress;
      charts.splice(1).forEach((c) => c.destroy());
      heading.textContent = t(`${ctx.fiscalYearLabel(y)}の施策ごとの進捗`, `Progress by measure, ${ctx.fiscalYearLabel(y)}`);
      nodesBox.replaceChildren();
      nodesBox.append(scoreBar(pr.score, pr.rating, t('計画全体', 'Whole plan')));
      nodesBox.append(explanation(pr.formula, pr.terms));
      pr.nodes.filter(hasContent).forEach((n) => nodesBox.append(renderNode(n, 3, y, years, yearLabels, byYear)));
    };
    select.addEventListener('change', showYear);
    showYear();
  }

  function renderNode(node, headingLevel, y, years, yearLabels, byYear) {
    const hid = nextId('node');
    const measure = node.indicators.length > 0;
    const section = el('section', { class: `node level-${node.level}${measure ? ' measure' : ''}`, 'aria-labelledby': hid,
      'data-node-id': node.id });
    const title = [node.number, t(node.title, node.titleEn || node.title)].filter(Boolean).join(' ');
    section.append(el(`h${Math.min(headingLevel, 6)}`, { id: hid },
      node.levelName ? el('span', { class: 'level-name', text: node.levelName }) : null, title));
    section.append(scoreBar(node.score, node.rating, title));
    if (node.indicators.length > 0) {
      const scores = years.map((yy) => (byYear.get(yy).nodes.get(node.id) || {}).score ?? null);
      section.append(chartBox(t(`${title}の年度別スコア`, `Score of ${title} per fiscal year`), yearLabels, scores,
        byYear.get(y).progress.rule.scoreCapPercent));
      section.append(indicatorTable(node, title, years, yearLabels, byYear));
    }
    section.append(explanation(node.formula, node.terms));
    const withContent = node.children.filter(hasContent);
    const items = node.children.filter((c) => !hasContent(c));
    withContent.forEach((c) => section.append(renderNode(c, headingLevel + 1, y, years, yearLabels, byYear)));
    if (items.length > 0) {
      const levelName = items[0].levelName || t('取組', 'Actions');
      const d = el('details', { class: 'explain' },
        el('summary', { text: t(`${levelName}（${items.length}件）`, `${levelName} (${items.length})`) }));
      const ul = el('ul', { class: 'items' });
      items.forEach((c) => ul.append(el('li', { text: [c.number, t(c.title, c.titleEn || c.title)].filter(Boolean).join(' ') })));
      d.append(el('div', {}, ul));
      section.append(d);
    }
    return section;
  }

  function scoreBar(score, rating, what) {
    const box = el('div', { class: 'score' });
    const track = el('div', { class: 'score-track', 'aria-hidden': 'true' });
    const fill = el('div', { class: 'score-fill' });
    if (score == null) {
      fill.classList.add('w0');
    } else {
      fill.style.width = `${Math.max(0, Math.min(100, Number(score)))}%`;
    }
    track.append(fill);
    const text = score == null
      ? t('スコアなし', 'No score')
      : t(`${fmt(score)}点`, `${fmt(score)} points`);
    const label = el('span', { class: 'score-text' }, text);
    if (rating) label.append(' ', el('span', { class: 'rating', text: rating }));
    box.append(track, label);
    box.setAttribute('aria-label', `${what}: ${text}${rating ? ` ${t('評価', 'rating')} ${rating}` : ''}`);
    box.setAttribute('role', 'group');
    return box;
  }

  function chartBox(label, yearLabels, scores, cap, id) {
    const described = yearLabels.map((l, i) => `${l} ${scores[i] == null
      ? t('データなし', 'no data') : fmt(scores[i])}`).join(t('、', ', '));
    const canvas = el('canvas', { id, role: 'img', 'aria-label': `${label}: ${described}` });
    canvas.textContent = `${label}: ${described}`;
    const box = el('div', { class: 'chart-box' }, canvas);
    // Charts are drawn once the box is in the document (Chart.js needs its size).
    queueMicrotask(() => {
      try {
        charts.push(ctx.chart(canvas, {
          type: 'bar',
          data: {
            labels: yearLabels,
            datasets: [{ label: t('スコア', 'Score'), data: scores.map((s) => (s == null ? null : Number(s))),
              backgroundColor: '#1f6fbf', borderColor: '#0a4a8f', borderWidth: 1 }],
          },
          options: {
            responsive: true,
            maintainAspectRatio: false,
            plugins: { legend: { display: false }, title: { display: true, text: label, color: '#1b1b1b' } },
            scales: {
              y: { min: 0, suggestedMax: Math.max(100, Number(cap) || 100), ticks: { color: '#4a4f57' } },
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

  function scoreTable(caption, years, progressOf) {
    const table = el('table', {}, el('caption', { text: caption }));
    table.append(el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: t('年度', 'Fiscal year') }),
      el('th', { scope: 'col', class: 'num', text: t('スコア', 'Score') }),
      el('th', { scope: 'col', text: t('評価', 'Rating') }))));
    const tbody = el('tbody');
    years.forEach((y) => {
      const p = progressOf(y);
      tbody.append(el('tr', {}, el('th', { scope: 'row', text: ctx.fiscalYearLabel(y) }),
        el('td', { class: 'num', text: p.score == null ? '—' : fmt(p.score) }),
        el('td', { text: p.rating || t('未評価', 'not rated') })));
    });
    table.append(tbody);
    return scrollable(table, caption);
  }

  function indicatorTable(node, title, years, yearLabels, byYear) {
    const caption = t(`${title}の指標と年度別の評価`, `Indicators of ${title} and their rating per fiscal year`);
    const table = el('table', {}, el('caption', { text: caption }));
    const head = el('tr', {}, el('th', { scope: 'col', text: t('指標', 'Indicator') }),
      el('th', { scope: 'col', text: t('区分', 'Role') }),
      el('th', { scope: 'col', class: 'num', text: t('基準値', 'Baseline') }),
      el('th', { scope: 'col', class: 'num', text: t('目標値', 'Target') }));
    yearLabels.forEach((l) => head.append(el('th', { scope: 'col', class: 'num', text: l })));
    table.append(el('thead', {}, head));
    const tbody = el('tbody');
    node.indicators.forEach((ind) => {
      const name = [ind.code, t(ind.nameJa, ind.nameEn || ind.nameJa)].filter(Boolean).join(' ');
      const row = el('tr', {}, el('th', { scope: 'row', text: ind.unit ? `${name}（${ind.unit}）` : name }),
        el('td', { text: ind.role === 'OUTCOME' ? t('成果', 'Outcome') : t('プロセス', 'Process') }),
        el('td', { class: 'num', text: yearValue(links.get(ind.linkId), 'baseline') }),
        el('td', { class: 'num', text: yearValue(links.get(ind.linkId), 'finalTarget') }));
      years.forEach((y) => {
        const n = byYear.get(y).nodes.get(node.id);
        const i = n && n.indicators.find((x) => x.linkId === ind.linkId);
        const cell = el('td', { class: 'num' });
        if (!i || !i.rating) {
          cell.append(el('span', { 'aria-hidden': 'true', text: '—' }),
            el('span', { class: 'visually-hidden', text: t('未評価', 'not rated') }));
        } else {
          cell.append(el('span', { class: 'rating', text: i.rating }));
          if (i.achievementRate !== null && i.achievementRate !== undefined) cell.append(` ${fmt(i.achievementRate)}%`);
        }
        row.append(cell);
      });
      tbody.append(row);
    });
    table.append(tbody);
    return scrollable(table, caption);
  }

  function yearValue(link, which) {
    const v = link && link[which];
    if (!v) return '—';
    const number = Number(v.value).toLocaleString(ctx.lang === 'en' ? 'en-US' : 'ja-JP', { maximumFractionDigits: 4 });
    const suffix = which === 'finalTarget' && link.direction === 'CEILING' ? t('未満', ' or less') : '';
    return `${number}${suffix}${v.fiscalYear ? `（${ctx.fiscalYearLabel(v.fiscalYear.year)}）` : ''}`;
  }

  function scrollable(table, label) {
    return el('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': label }, table);
  }

  function explanation(formula, terms) {
    const d = el('details', { class: 'explain' },
      el('summary', { text: t('この点数の計算方法', 'How this score was calculated') }));
    const inner = el('div');
    if (formula) inner.append(el('p', { text: t(formula.ja, formula.en) }));
    if (terms && terms.length > 0) {
      const ol = el('ol');
      terms.forEach((term) => ol.append(el('li', { class: term.included ? '' : 'excluded' },
        el('strong', { text: `${t(term.label.ja, term.label.en)}: ` }), t(term.explanation.ja, term.explanation.en))));
      inner.append(ol);
    }
    d.append(inner);
    return d;
  }

  await showPlan();
  return cleanup;
}
