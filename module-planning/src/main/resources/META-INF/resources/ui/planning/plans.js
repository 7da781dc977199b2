// 総合計画 — the staff console's page of the planning module (CONSOLE contribution "planning-plans").
// The plans of the municipality; a plan's tree with every node's texts, responsible divisions and indicators;
// its progress per fiscal year with the roll-up explained term by term; and its settings: the roll-up rule
// (score cap, which indicator roles count) and whether the public portal shows it. Staff also create plans and
// edit a plan's tree (tab 構成の編集, plan-editor.js); viewers read only. Written against the UI
// contract only (ctx.getJson, ctx.api, ctx.t, ctx.chart, ctx.fiscalYearLabel, ctx.navigate); uses ctx.args and
// ctx.href for deep links when the console offers them.

import {h as el} from '/ui/core/kit.js';
import {canEdit, newPlanForm, treeEditor} from './plan-editor.js';
let seq = 0;
const uid = (p) => `planning-plans-${p}-${++seq}`;
const fmt = (n, d = 1) => (n == null ? '—'
  : Number(n).toLocaleString('ja-JP', { minimumFractionDigits: d, maximumFractionDigits: d }));

export default async function render(root, ctx) {
  const { t } = ctx;
  const charts = [];
  const destroyCharts = () => charts.splice(0).forEach((c) => c.destroy());
  const status = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const view = el('div');
  root.append(status, view);
  const say = (text) => { status.textContent = text; };

  const problemText = (r) => (r && r.problem && (r.problem.detail || r.problem.title)) || (r && `HTTP ${r.status}`) || '';
  const notice = (text, kind = 'error') => el('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status', text });

  function open(planId, tab) {
    if (typeof ctx.href === 'function' && typeof ctx.navigate === 'function') {
      ctx.navigate(planId ? (tab ? ctx.href(planId, tab) : ctx.href(planId)) : ctx.href());
    } else {
      show(planId, tab);
    }
  }

  async function show(planId, tab) {
    destroyCharts();
    view.replaceChildren(el('p', { role: 'status', text: t('読み込み中…', 'Loading…') }));
    try {
      if (!planId) await showList();
      else await showPlan(planId, tab || 'tree');
    } catch (e) {
      view.replaceChildren(notice(e.problem ? (e.problem.detail || e.problem.title) : e.message));
    }
  }

  // ---- the list of plans

  async function showList() {
    const page = await ctx.getJson('planning/plans?size=100');
    view.replaceChildren(el('h2', { text: t('総合計画の一覧', 'Comprehensive plans') }));
    if (canEdit(ctx)) {
      const creating = el('div');
      const start = el('button', { type: 'button', id: 'plan-new', class: 'btn btn-primary', text: t('計画を作成…', 'Create a plan…') });
      start.addEventListener('click', () => {
        start.hidden = true;
        const form = newPlanForm(ctx, (p) => open(p.id, 'edit'), () => { creating.replaceChildren(); start.hidden = false; start.focus(); });
        creating.replaceChildren(form);
        form.querySelector('input').focus();
      });
      view.append(el('p', {}, start), creating);
    }
    if (page.items.length === 0) {
      view.append(el('p', { text: canEdit(ctx) ? t('計画はまだありません。「計画を作成…」から作成できます。', 'There is no plan yet. Create one with "Create a plan…".')
        : t('計画はまだありません。', 'There is no plan yet.') }));
      return;
    }
    const table = el('table', { class: 'data' }, el('caption', { class: 'visually-hidden', text: t('総合計画', 'Comprehensive plans') }));
    table.append(el('thead', {}, el('tr', {},
      ...[t('計画', 'Plan'), t('期間', 'Period'), t('階層', 'Levels'), t('項目数', 'Nodes'), t('公開', 'Public')]
        .map((h) => el('th', { scope: 'col', text: h })))));
    const tbody = el('tbody');
    for (const p of page.items) {
      const a = el('a', { href: typeof ctx.href === 'function' ? ctx.href(p.id) : '#', text: t(p.name, p.nameEn || p.name) });
      a.addEventListener('click', (ev) => { ev.preventDefault(); open(p.id); });
      tbody.append(el('tr', {}, el('th', { scope: 'row' }, a),
        el('td', { text: `${ctx.fiscalYearLabel(p.firstFiscalYear.year)}〜${ctx.fiscalYearLabel(p.lastFiscalYear.year)}` }),
        el('td', { text: p.levelNames.join(' → ') }),
        el('td', { class: 'num', text: String(p.nodeCount) }),
        el('td', { text: p.published ? t('公開中', 'Published') : t('非公開', 'Not published') })));
    }
    table.append(tbody);
    view.append(el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': t('総合計画', 'Comprehensive plans') }, table));
  }

  // ---- one plan: tabs for its tree, its progress and its settings

  async function showPlan(planId, tab) {
    const r = await ctx.api('GET', `planning/plans/${planId}`);
    if (r.status !== 200) {
      view.replaceChildren(notice(problemText(r)));
      return;
    }
    const plan = r.body;
    const back = el('a', { href: typeof ctx.href === 'function' ? ctx.href() : '#', text: t('← 計画の一覧', '← All plans') });
    back.addEventListener('click', (ev) => { ev.preventDefault(); open(null); });
    const tabs = [['tree', t('構成', 'Structure')], ['progress', t('進捗', 'Progress')], ['settings', t('設定', 'Settings')]];
    if (canEdit(ctx)) tabs.splice(1, 0, ['edit', t('構成の編集', 'Edit the structure')]);
    else if (tab === 'edit') tab = 'tree';
    const nav = el('nav', { 'aria-label': t('計画の表示', 'Plan views') });
    const list = el('ul', { class: 'tabs' });
    for (const [id, label] of tabs) {
      const a = el('a', { id: `plan-tab-${id}`, href: typeof ctx.href === 'function' ? ctx.href(planId, id) : '#', text: label,
        'aria-current': id === tab ? 'page' : null });
      a.addEventListener('click', (ev) => { ev.preventDefault(); open(planId, id); });
      list.append(el('li', {}, a));
    }
    nav.append(list);
    const body = el('div');
    view.replaceChildren(el('p', {}, back), el('h2', { text: t(plan.name, plan.nameEn || plan.name) }),
      el('p', { text: `${ctx.fiscalYearLabel(plan.firstFiscalYear.year)}〜${ctx.fiscalYearLabel(plan.lastFiscalYear.year)} ・ `
        + `${plan.levelNames.join(' → ')} ・ ${plan.published ? t('公開ポータルに公開中', 'Shown on the public portal')
          : t('非公開', 'Not published')}` }), nav, body);
    if (tab === 'edit') await treeEditor(ctx, body, plan);
    else if (tab === 'progress') await showProgress(body, plan);
    else if (tab === 'settings') showSettings(body, plan, r.etag);
    else await showTree(body, plan);
  }

  // ---- the tree with node details

  async function showTree(target, plan) {
    const tree = await ctx.getJson(`planning/plans/${plan.id}/tree`);
    target.append(el('h3', { text: t('計画の構成', 'Structure of the plan') }));
    if (tree.nodes.length === 0) {
      target.append(el('p', { text: t('項目はまだありません。', 'The plan has no nodes yet.') }));
      return;
    }
    const ul = el('ul', { class: 'plan-tree' });
    tree.nodes.forEach((n) => ul.append(treeNode(n)));
    target.append(ul);
  }

  function treeNode(n) {
    const title = [n.levelName ? `【${n.levelName}】` : null, n.number, t(n.title, n.titleEn || n.title)].filter(Boolean).join(' ');
    const d = el('details', {}, el('summary', { text: title + (n.indicators.length ? t(`（指標${n.indicators.length}）`, ` (${n.indicators.length} indicators)`) : '') }));
    const info = el('div', { class: 'node-details' });
    const facts = el('dl');
    const fact = (label, value) => {
      if (value == null || value === '') return;
      facts.append(el('dt', { text: label }), el('dd', { text: value }));
    };
    fact(t('区分', 'Group'), n.groupLabel);
    fact(t('重み', 'Weight'), n.weight);
    fact(t('目指す姿', 'Target vision'), n.targetVision);
    fact(t('現状と課題', 'Current issues'), n.currentIssues);
    fact(t('施策の方向性', 'Policy directions'), n.policyDirections);
    fact(t('内容', 'Details'), n.details);
    fact(t('担当', 'Responsible'), [...(n.responsibleUnits || []).map((u) => t(u.nameJa, u.nameEn || u.nameJa)), n.responsibleUnitsNote]
      .filter(Boolean).join('、'));
    if (n.expectedRoles) {
      fact(t('市民の役割', 'Role of residents'), n.expectedRoles.residents);
      fact(t('企業の役割', 'Role of companies'), n.expectedRoles.companies);
      fact(t('活動団体の役割', 'Role of groups'), n.expectedRoles.activityGroups);
    }
    fact(t('備考', 'Notes'), n.notes);
    if (facts.childElementCount) info.append(facts);
    if (n.indicators.length) {
      const table = el('table', { class: 'data' }, el('caption', { text: t('指標', 'Indicators') }));
      table.append(el('thead', {}, el('tr', {}, ...[t('コード', 'Code'), t('指標', 'Indicator'), t('区分', 'Role'),
        t('重み', 'Weight'), t('単位', 'Unit'), t('基準値', 'Baseline'), t('目標値', 'Final target')]
        .map((h) => el('th', { scope: 'col', text: h })))));
      const tb = el('tbody');
      n.indicators.forEach((i) => tb.append(el('tr', {}, el('td', { text: i.code || '' }),
        el('th', { scope: 'row', text: t(i.nameJa, i.nameEn || i.nameJa) }), el('td', { text: i.roleLabel || i.role }),
        el('td', { class: 'num', text: String(i.weight) }), el('td', { text: i.unit || '' }),
        el('td', { class: 'num', text: i.baseline ? `${i.baseline.value}（${ctx.fiscalYearLabel(i.baseline.fiscalYear.year)}）` : '—' }),
        el('td', { class: 'num', text: i.finalTarget ? `${i.finalTarget.value}（${ctx.fiscalYearLabel(i.finalTarget.fiscalYear.year)}）` : '—' }))));
      table.append(tb);
      info.append(el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': `${title} ${t('指標', 'Indicators')}` }, table));
    }
    d.append(info);
    if (n.children && n.children.length) {
      const ul = el('ul');
      n.children.forEach((c) => ul.append(treeNode(c)));
      d.append(ul);
    }
    return el('li', {}, d);
  }

  // ---- progress with the roll-up explained

  async function showProgress(target, plan) {
    const years = [];
    for (let y = plan.firstFiscalYear.year; y <= plan.lastFiscalYear.year; y++) years.push(y);
    const [current, ...all] = await Promise.all([ctx.getJson(`planning/plans/${plan.id}/progress`),
      ...years.map((y) => ctx.getJson(`planning/plans/${plan.id}/progress?fiscalYear=${y}`))]);
    const byYear = new Map(years.map((y, i) => [y, all[i]]));
    target.append(el('h3', { text: t('年度ごとの進捗', 'Progress per fiscal year') }));
    target.append(el('p', { text: t(current.rule.text.ja, current.rule.text.en) }));
    const canvas = el('canvas', { id: 'plan-score-chart', role: 'img', 'aria-label': t('計画全体の年度別スコア: ', 'Plan score per fiscal year: ')
      + years.map((y) => `${ctx.fiscalYearLabel(y)} ${fmt(byYear.get(y).score)}`).join(', ') });
    target.append(el('div', { class: 'chart-box' }, canvas));
    try {
      charts.push(ctx.chart(canvas, {
        type: 'bar',
        data: { labels: years.map((y) => ctx.fiscalYearLabel(y)),
          datasets: [{ label: t('計画全体のスコア', 'Plan score'), data: years.map((y) => byYear.get(y).score ?? null),
            backgroundColor: '#1a5fb4' }] },
        options: { responsive: true, maintainAspectRatio: false, animation: false,
          scales: { y: { min: 0, suggestedMax: Math.max(100, Number(current.rule.scoreCapPercent)) } } },
      }));
    } catch (e) { /* the numbers are in the table below too */ }

    const id = uid('fy');
    const select = el('select', { id });
    years.forEach((y) => select.append(el('option', { value: String(y), text: ctx.fiscalYearLabel(y) })));
    select.value = String(byYear.has(current.fiscalYear.year) ? current.fiscalYear.year : years[years.length - 1]);
    const detail = el('div');
    target.append(el('label', { for: id, text: t('年度', 'Fiscal year') }), select, detail);
    const showYear = () => {
      const pr = byYear.get(Number(select.value));
      detail.replaceChildren(
        el('h3', { text: t(`${ctx.fiscalYearLabel(pr.fiscalYear.year)}の進捗`, `Progress in ${ctx.fiscalYearLabel(pr.fiscalYear.year)}`) }),
        pr.withinPeriod ? '' : notice(t('この年度は計画期間外です。', 'This fiscal year is outside the plan period.'), 'info'),
        scoreLine(t('計画全体', 'Whole plan'), pr.score, pr.rating), explain(pr.formula, pr.terms, true));
      const ul = el('ul', { class: 'plan-tree' });
      pr.nodes.forEach((n) => ul.append(progressNode(n)));
      detail.append(ul);
      say(t(`${ctx.fiscalYearLabel(pr.fiscalYear.year)}の進捗を表示しました`, `Showing ${ctx.fiscalYearLabel(pr.fiscalYear.year)}`));
    };
    select.addEventListener('change', showYear);
    showYear();
  }

  function scoreLine(label, score, rating) {
    return el('p', { class: 'score-line' }, el('strong', { text: `${label}: ` }),
      score == null ? t('スコアなし', 'no score') : `${fmt(score)} ${t('点', 'points')}`,
      rating ? ` ・ ${t('評価', 'rating')} ${rating}` : '');
  }

  function progressNode(n) {
    const title = [n.levelName ? `【${n.levelName}】` : null, n.number, t(n.title, n.titleEn || n.title)].filter(Boolean).join(' ');
    const summary = `${title} — ${n.score == null ? t('スコアなし', 'no score') : `${fmt(n.score)}${n.rating ? ` (${n.rating})` : ''}`}`;
    const d = el('details', {}, el('summary', { text: summary }), explain(n.formula, n.terms, true));
    if (n.indicators.length) {
      const table = el('table', { class: 'data' }, el('caption', { text: t('指標の実績と評価', 'Indicators: actuals and ratings') }));
      table.append(el('thead', {}, el('tr', {}, ...[t('指標', 'Indicator'), t('区分', 'Role'), t('目標', 'Target'),
        t('実績', 'Actual'), t('達成率', 'Achievement'), t('評価', 'Rating')].map((h) => el('th', { scope: 'col', text: h })))));
      const tb = el('tbody');
      n.indicators.forEach((i) => tb.append(el('tr', {},
        el('th', { scope: 'row', text: [i.code, t(i.nameJa, i.nameEn || i.nameJa)].filter(Boolean).join(' ') }),
        el('td', { text: i.role === 'OUTCOME' ? t('成果', 'Outcome') : t('プロセス', 'Process') }),
        el('td', { class: 'num', text: i.target == null ? '—' : `${i.target}${i.unit || ''}` }),
        el('td', { class: 'num', text: i.actual == null ? '—' : `${i.actual}${i.unit || ''}` }),
        el('td', { class: 'num', text: i.achievementRate == null ? (i.met == null ? '—' : (i.met ? t('達成', 'met') : t('未達成', 'not met'))) : `${fmt(i.achievementRate)}%` }),
        el('td', { text: i.rating || '—' }))));
      table.append(tb);
      d.append(el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': `${title} ${t('指標', 'Indicators')}` }, table));
    }
    if (n.children.length) {
      const ul = el('ul');
      n.children.forEach((c) => ul.append(progressNode(c)));
      d.append(ul);
    }
    return el('li', {}, d);
  }

  function explain(formula, terms, open) {
    const box = el('details', { class: 'explain', open }, el('summary', { text: t('計算の説明', 'How this was calculated') }));
    if (formula) box.append(el('p', { text: t(formula.ja, formula.en) }));
    if (terms && terms.length) {
      const table = el('table', { class: 'data' }, el('caption', { class: 'visually-hidden', text: t('計算の項', 'Terms of the calculation') }));
      table.append(el('thead', {}, el('tr', {}, ...[t('項', 'Term'), t('点', 'Score'), t('重み', 'Weight'), t('算入', 'Counted'), t('説明', 'Explanation')]
        .map((h) => el('th', { scope: 'col', text: h })))));
      const tb = el('tbody');
      terms.forEach((x) => tb.append(el('tr', {}, el('th', { scope: 'row', text: t(x.label.ja, x.label.en) }),
        el('td', { class: 'num', text: fmt(x.score) }), el('td', { class: 'num', text: String(x.weight) }),
        el('td', { text: x.included ? t('する', 'yes') : t('しない', 'no') }),
        el('td', { text: t(x.explanation.ja, x.explanation.en) }))));
      table.append(tb);
      box.append(el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': t('計算の項', 'Terms of the calculation') }, table));
    }
    return box;
  }

  // ---- settings: the roll-up rule and publication

  function showSettings(target, plan, etag) {
    const form = el('form', { id: 'plan-settings', novalidate: true });
    const capId = uid('cap');
    const cap = el('input', { id: capId, name: 'scoreCapPercent', type: 'number', min: '100', max: '1000', step: '0.01',
      value: String(plan.rollUp.scoreCapPercent), required: true, 'aria-describedby': `${capId}-hint` });
    const roles = el('fieldset', {}, el('legend', { text: t('積み上げに数える指標', 'Indicators counted in the roll-up') }));
    const roleBox = (role, ja, en) => {
      const id = uid(role);
      const box = el('input', { id, type: 'checkbox', name: 'countedRoles', value: role, checked: plan.rollUp.countedRoles.includes(role) });
      roles.append(el('div', {}, box, el('label', { for: id, text: t(ja, en) })));
    };
    roleBox('OUTCOME', '成果指標', 'Outcome indicators');
    roleBox('PROCESS', 'プロセス指標', 'Process indicators');
    const pubId = 'plan-published';
    const pub = el('input', { id: pubId, type: 'checkbox', name: 'published', checked: plan.published });
    const errors = el('div', { 'aria-live': 'assertive' });
    form.append(el('h3', { text: t('積み上げのルールと公開', 'Roll-up rule and publication') }), errors,
      el('div', {}, el('label', { for: capId, text: t('達成率の上限（%）', 'Cap on achievement rates (%)') }), cap,
        el('p', { id: `${capId}-hint`, class: 'hint', text: t('指標の点数は達成率です。この値を超える達成率はこの値で数えます（100〜1000）。',
          'An indicator scores its achievement rate; rates above this value count as this value (100–1000).') })),
      roles,
      el('div', {}, pub, el('label', { for: pubId, text: t('公開ポータルに公開する', 'Show on the public portal') })),
      canEdit(ctx) ? el('button', { id: 'save-plan-settings', type: 'submit', class: 'btn', text: t('保存', 'Save') })
        : el('p', { class: 'hint', text: t('閲覧のみの権限のため変更できません。', 'You have read-only access.') }));
    if (!canEdit(ctx)) form.querySelectorAll('input').forEach((i) => { i.disabled = true; });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      errors.replaceChildren();
      const counted = [...form.querySelectorAll('input[name=countedRoles]:checked')].map((x) => x.value);
      const body = { ...plan, rollUp: { scoreCapPercent: cap.value === '' ? null : Number(cap.value), countedRoles: counted },
        published: pub.checked };
      delete body.id;
      delete body.nodeCount;
      const r = await ctx.api('PUT', `planning/plans/${plan.id}`, { body, etag });
      if (r.status === 200) {
        errors.append(notice(t('保存しました。', 'Saved.'), 'info'));
        say(t('保存しました', 'Saved'));
        plan = r.body;
        etag = r.etag;
      } else if (r.status === 412) {
        errors.append(notice(t('ほかの人が先にこの計画を変更しました。読み込み直してからもう一度保存してください。',
          'Someone else changed this plan first. Reload it and save again.')));
        const reload = el('button', { type: 'button', text: t('読み込み直す', 'Reload') });
        reload.addEventListener('click', () => show(plan.id, 'settings'));
        errors.append(reload);
      } else {
        const list = el('ul');
        ((r.problem && r.problem.errors) || []).forEach((e) => list.append(el('li', { text: `${e.field}: ${e.message}` })));
        errors.append(notice(problemText(r)), list);
        cap.setAttribute('aria-invalid', String(((r.problem && r.problem.errors) || []).some((e) => String(e.field).includes('scoreCap'))));
      }
    });
    target.append(form);
  }

  const args = Array.isArray(ctx.args) ? ctx.args : [];
  await show(args[0], args[1]);
  return destroyCharts;
}
