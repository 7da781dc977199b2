// ホーム: where sign-in lands (#/{lg}/core/home). For the municipality: the comprehensive plan's
// progress at a glance (per measure, rated, with a chart; only while planning is on), the indicators
// still without last fiscal year's actual (spring's 実績入力), what waits for the user (the task
// list), and, for administrators, the latest changes of the audit trail in words. A platform
// administrator also sees every municipality with its enabled modules. Each card reads the API the
// matching screen reads; a card whose module is off is left out.
import {h, tr, errorNotice, ratingBadge, RATING_COLOURS, ratingLevel, num} from '../kit.js';

function currentFiscalYear() {
  const now = new Date(Date.now() + 9 * 3600 * 1000);
  return now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

function card(id, title, ...body) {
  return h('section', {class: 'home-card', id, 'aria-labelledby': `${id}-h`}, h('h2', {id: `${id}-h`, text: title}), ...body);
}

function when(ctx, iso) {
  const d = new Date(iso);
  const jst = new Date(d.getTime() + 9 * 3600 * 1000);
  const [y, m, day, hh, mm] = [jst.getUTCFullYear(), jst.getUTCMonth() + 1, jst.getUTCDate(), jst.getUTCHours(), jst.getUTCMinutes()];
  const time = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
  return ctx.lang === 'en' ? `${d.toLocaleDateString('en-GB', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Tokyo'})} ${time}`
    : `${y}年${m}月${day}日 ${time}`;
}

/** What kind of record an audit event is about, in words (never the internal type name). */
const RECORD_WORDS = {
  Indicator: ['指標', 'indicator'], IndicatorYearValue: ['指標の年度値', 'yearly value of an indicator'],
  OrganizationUnit: ['組織', 'organisational unit'], UnitSuccession: ['組織の承継', 'succession of units'],
  Municipality: ['自治体', 'municipality'], User: ['利用者', 'user'], UserAccount: ['利用者', 'user'],
  RatingScale: ['評価基準', 'rating scale'], ModuleSettingValues: ['モジュールの設定', 'module settings'],
  MunicipalityModule: ['モジュールの利用', 'module switch'], ApiToken: ['API トークン', 'API token'],
  'planning.ComprehensivePlan': ['総合計画', 'comprehensive plan'], 'planning.PlanNode': ['計画の項目', 'plan item'],
  'planning.AdministrativeProgram': ['事務事業', 'administrative program'], 'planning.ProgramEvaluation': ['事務事業評価', 'program evaluation'],
  'engagement.CitizenVoice': ['市民の声', 'citizen voice'], 'engagement.PublicComment': ['パブリックコメント', 'public comment'],
  'collaboration.GrantApplication': ['補助金の申請', 'grant application'], 'collaboration.CollaborationPartner': ['協働の相手', 'partner'],
  'promotion.Donation': ['寄附', 'donation'], 'promotion.FanClubMember': ['ファンクラブ会員', 'fan club member'],
};

function recordWords(ctx, type) {
  const w = RECORD_WORDS[type];
  if (w) return ctx.lang === 'en' ? w[1] : w[0];
  return tr(ctx, '記録', 'a record');
}

export default async function render(root, ctx) {
  const admin = ['MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller.role);
  const platform = ctx.caller.role === 'PLATFORM_ADMIN';
  const m = ctx.municipality;
  ctx.setTitle(tr(ctx, `ホーム — ${m ? m.nameJa : ctx.lgCode}`, `Home — ${m ? m.nameEn || m.nameJa : ctx.lgCode}`));
  const grid = h('div', {class: 'home-grid'});
  root.append(grid);
  const modules = await ctx.api('GET', 'modules');
  const enabled = new Set(modules.status === 200 ? modules.body.filter((x) => x.enabled).map((x) => x.id) : []);
  const parts = [tasksCard(ctx), actualsCard(ctx)];
  if (enabled.has('planning')) parts.unshift(progressCard(ctx));
  if (admin) parts.push(changesCard(ctx));
  if (platform) parts.push(platformCard(ctx));
  const cards = await Promise.all(parts);
  grid.append(...cards.filter(Boolean));
  const charts = cards.filter(Boolean).map((c) => c.draw).filter(Boolean);
  charts.forEach((draw) => draw());
}

async function tasksCard(ctx) {
  const r = await ctx.api('GET', 'tasks');
  const link = h('a', {href: `#/${ctx.lgCode}/core/tasks`, id: 'home-tasks-link', text: tr(ctx, 'あなたの対応待ちをすべて見る', 'See everything waiting for you')});
  if (r.status !== 200) return card('home-tasks', tr(ctx, 'あなたの対応待ち', 'Waiting for you'), errorNotice(ctx, {problem: r.problem, status: r.status}));
  const t = r.body;
  if (!t.groups.length) {
    return card('home-tasks', tr(ctx, 'あなたの対応待ち', 'Waiting for you'),
        h('p', {id: 'home-tasks-total', text: tr(ctx, '対応を待っている項目はありません。', 'Nothing is waiting for you.')}));
  }
  return card('home-tasks', tr(ctx, 'あなたの対応待ち', 'Waiting for you'),
      h('p', {id: 'home-tasks-total'}, tr(ctx, `全 ${t.total}件`, `${t.total} in all`),
          t.overdue > 0 ? [tr(ctx, '、うち ', ', '), h('strong', {text: tr(ctx, `期限超過 ${t.overdue}件`, `${t.overdue} overdue`)})] : null),
      h('ul', {class: 'home-list'}, t.groups.map((g) => h('li', {},
          `${g.label}: ${tr(ctx, `${g.total}件`, `${g.total}`)}`,
          g.overdue > 0 ? [' ', h('span', {class: 'rating rating-3', text: tr(ctx, `期限超過 ${g.overdue}件`, `${g.overdue} overdue`)})] : null))),
      h('p', {}, link));
}

async function actualsCard(ctx) {
  const year = currentFiscalYear() - 1;
  const label = ctx.fiscalYearLabel(year);
  const r = await ctx.api('GET', `indicators?withoutActual=${year}&size=1`);
  const title = tr(ctx, `${label}の実績が未入力の指標`, `Indicators without an actual for ${label}`);
  if (r.status !== 200) return card('home-actuals', title, errorNotice(ctx, {problem: r.problem, status: r.status}));
  const n = r.body.totalItems;
  return card('home-actuals', title,
      h('p', {class: 'home-figure', id: 'home-actuals-count'}, h('strong', {text: String(n)}), tr(ctx, ' 件', n === 1 ? ' indicator' : ' indicators')),
      h('p', {text: n > 0 ? tr(ctx, `手入力の指標のうち、${label}の実績値がまだ入っていないものです。`, `Indicators recorded by hand that have no actual for ${label} yet.`)
        : tr(ctx, `手入力の指標には、すべて${label}の実績値が入っています。`, `Every indicator recorded by hand has its actual for ${label}.`)}),
      h('p', {}, h('a', {href: `#/${ctx.lgCode}/core/actuals/${year}`, id: 'home-actuals-link', text: tr(ctx, `実績入力 (${label}) へ`, `Enter the actuals for ${label}`)})));
}

async function progressCard(ctx) {
  const title = tr(ctx, '総合計画の進捗', 'Progress of the comprehensive plan');
  const plans = await ctx.api('GET', 'planning/plans?size=100');
  if (plans.status !== 200) return card('home-progress', title, errorNotice(ctx, {problem: plans.problem, status: plans.status}));
  const fy = currentFiscalYear();
  const items = plans.body.items || [];
  const plan = items.find((p) => p.firstFiscalYear.year <= fy && fy <= p.lastFiscalYear.year) || items[0];
  if (!plan) return card('home-progress', title, h('p', {text: tr(ctx, '総合計画はまだ登録されていません。', 'No comprehensive plan is registered yet.')}));
  const [pr, scale] = await Promise.all([ctx.api('GET', `planning/plans/${plan.id}/progress`), ctx.api('GET', 'rating-scale')]);
  if (pr.status !== 200) return card('home-progress', title, errorNotice(ctx, {problem: pr.problem, status: pr.status}));
  const grades = scale.status === 200 ? scale.body.grades : [];
  const p = pr.body;
  const measures = [];
  const walk = (n) => { if (n.indicators && n.indicators.length) measures.push(n); (n.children || []).forEach(walk); };
  p.nodes.forEach(walk);
  const name = ctx.lang === 'en' && plan.nameEn ? plan.nameEn : plan.name;
  const yearLabel = ctx.fiscalYearLabel(p.fiscalYear.year);
  const measureTitle = (n) => [n.number, ctx.lang === 'en' && n.titleEn ? n.titleEn : n.title].filter(Boolean).join(' ');
  const canvas = h('canvas', {id: 'home-progress-chart', role: 'img',
    'aria-label': tr(ctx, `${yearLabel}の施策ごとのスコア (表と同じ内容)`, `Score per measure, ${yearLabel} (as in the table)`)});
  const table = h('div', {class: 'table-wrap'}, h('table', {class: 'list', id: 'home-progress-table'},
      h('caption', {text: tr(ctx, `${yearLabel}の施策ごとのスコアと評価`, `Score and rating per measure, ${yearLabel}`)}),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col', text: tr(ctx, '施策', 'Measure')}),
          h('th', {scope: 'col', text: tr(ctx, 'スコア', 'Score')}), h('th', {scope: 'col', text: tr(ctx, '評価', 'Rating')}))),
      h('tbody', {}, measures.map((n) => h('tr', {}, h('th', {scope: 'row', text: measureTitle(n)}),
          h('td', {text: n.score == null ? tr(ctx, 'スコアなし', 'No score') : tr(ctx, `${num(ctx, n.score, 1)}点`, `${num(ctx, n.score, 1)} points`)}),
          h('td', {}, ratingBadge(ctx, n.rating, grades)))))));
  const section = card('home-progress', title,
      h('p', {id: 'home-progress-plan'}, h('a', {href: `#/${ctx.lgCode}/planning/plans/${plan.id}`, text: name}), ` — ${yearLabel}`,
          p.score == null ? tr(ctx, ' ・計画全体のスコアはまだありません', ' · no score for the whole plan yet')
            : [tr(ctx, ` ・計画全体 ${num(ctx, p.score, 1)}点 `, ` · whole plan ${num(ctx, p.score, 1)} points `), ratingBadge(ctx, p.rating, grades)]),
      measures.length ? h('div', {class: 'home-chart'}, canvas) : null,
      measures.length ? table : h('p', {text: tr(ctx, '指標が結びついた施策はまだありません。', 'No measure has indicators linked yet.')}));
  if (measures.length && window.Chart) {
    section.draw = () => ctx.chart(canvas, {
      type: 'bar',
      data: {labels: measures.map(measureTitle), datasets: [{label: tr(ctx, 'スコア', 'Score'), data: measures.map((n) => n.score),
        backgroundColor: measures.map((n) => RATING_COLOURS[ratingLevel(n.rating, grades)])}]},
      options: {indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
        scales: {x: {min: 0, max: Math.max(100, ...measures.map((n) => Number(n.score) || 0))}}, plugins: {legend: {display: false}}},
    });
    canvas.parentElement.style.height = `${Math.max(120, measures.length * 28 + 40)}px`;
  }
  return section;
}

async function changesCard(ctx) {
  const title = tr(ctx, '最近の変更', 'Recent changes');
  const r = await ctx.api('GET', 'audit-events?size=8');
  if (r.status !== 200) return card('home-changes', title, errorNotice(ctx, {problem: r.problem, status: r.status}));
  const events = r.body.items || [];
  if (!events.length) return card('home-changes', title, h('p', {text: tr(ctx, 'まだ変更はありません。', 'Nothing has changed yet.')}));
  return card('home-changes', title, h('ul', {class: 'home-list', id: 'home-changes-list'}, events.map((e) => {
    const who = e.actor && e.actor.name && e.actor.method !== 'ANONYMOUS' ? e.actor.name : tr(ctx, '市民・外部からの受付', 'the public');
    return h('li', {}, h('span', {class: 'home-when', text: when(ctx, e.occurredAt)}), ' ',
        tr(ctx, `${who} さんが${recordWords(ctx, e.entityType)}を${e.actionLabel}`, `${who}: ${e.actionLabel} (${recordWords(ctx, e.entityType)})`));
  })));
}

async function platformCard(ctx) {
  const title = tr(ctx, '自治体とモジュール (基盤管理者)', 'Municipalities and their modules (platform administrator)');
  const list = await ctx.rawApi('GET', '/api/v1/municipalities?size=100');
  if (list.status !== 200) return card('home-platform', title, errorNotice(ctx, {problem: list.problem, status: list.status}));
  const ms = list.body.items;
  const switches = await Promise.all(ms.map((m) => ctx.rawApi('GET', `/api/v1/municipalities/${encodeURIComponent(m.code)}/modules`)));
  const moduleName = (x) => (ctx.lang === 'en' ? x.nameEn || x.nameJa : x.nameJa);
  return card('home-platform', title,
      h('p', {text: tr(ctx, `登録されている自治体 ${list.body.totalItems}団体`, `${list.body.totalItems} municipalities registered`)}),
      h('div', {class: 'table-wrap'}, h('table', {class: 'list', id: 'home-platform-table'},
          h('caption', {text: tr(ctx, '自治体ごとの有効なモジュール', 'Enabled modules per municipality')}),
          h('thead', {}, h('tr', {}, h('th', {scope: 'col', text: tr(ctx, '自治体', 'Municipality')}),
              h('th', {scope: 'col', text: tr(ctx, '都道府県', 'Prefecture')}), h('th', {scope: 'col', text: tr(ctx, '有効なモジュール', 'Enabled modules')}))),
          h('tbody', {}, ms.map((m, i) => {
            const on = switches[i].status === 200 ? switches[i].body.filter((x) => x.enabled).map(moduleName) : [];
            return h('tr', {dataset: {lg: m.code}}, h('th', {scope: 'row'}, h('a', {href: `#/${m.code}/core/home`}, ctx.lang === 'en' ? m.nameEn : m.nameJa)),
                h('td', {text: ctx.lang === 'en' ? m.prefecture.nameEn : m.prefecture.nameJa}),
                h('td', {text: on.length ? on.join(ctx.lang === 'en' ? ', ' : '、') : tr(ctx, 'なし', 'none')}));
          })))));
}

