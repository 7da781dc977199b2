// あなたの対応待ち (what waits for you): the console's first page, #/{lg}/core/tasks. What waits for
// the signed-in person or their unit in the enabled modules (GET …/tasks, ADR 0019), grouped by
// kind with counts, the most urgent first; overdue items say so in words and colour; each item
// links to its screen. DOM built with kit.js, never innerHTML.
import {h, tr, notice, errorNotice} from '../kit.js';

function day(ctx, iso) {
  const [y, m, d] = String(iso).substring(0, 10).split('-').map(Number);
  if (ctx.lang === 'en') {
    return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'});
  }
  return `${y}年${m}月${d}日`;
}

function routeHref(ctx, route) {
  return `#/${ctx.lgCode}/${String(route).split('/').map(encodeURIComponent).join('/')}`;
}

/** When it is due, or the fiscal year it is about, with its state in words (never colour alone). */
function when(ctx, item) {
  const parts = [];
  if (item.due) {
    parts.push(h('span', {class: 'task-due'}, tr(ctx, `期限 ${day(ctx, item.due)}`, `Due ${day(ctx, item.due)}`)));
  } else if (item.fiscalYear) {
    parts.push(h('span', {class: 'task-fy', text: ctx.fiscalYearLabel(item.fiscalYear.year)}));
  } else {
    parts.push(h('span', {text: '—'}));
  }
  if (item.overdue) {
    parts.push(' ', h('span', {class: 'rating rating-3 task-overdue-badge', text: tr(ctx, '期限超過', 'Overdue')}));
  }
  return parts;
}

function groupSection(ctx, g, index) {
  const headingId = `task-group-${index}`;
  const count = tr(ctx, `${g.total.toLocaleString('ja-JP')}件`, `${g.total.toLocaleString('en-US')}`);
  const heading = h('h2', {id: headingId, class: 'task-group-heading'}, `${g.label} `,
      h('span', {class: 'task-count', text: tr(ctx, `(${count})`, `(${count})`)}),
      g.overdue > 0 ? [' ', h('span', {class: 'rating rating-3', text: tr(ctx, `期限超過 ${g.overdue}件`, `${g.overdue} overdue`)})] : null);
  const rows = g.items.map((i) => h('tr', {class: i.overdue ? 'task-item task-overdue' : 'task-item', dataset: {record: i.recordId}},
      h('td', {}, h('a', {href: routeHref(ctx, i.route), class: 'task-link'}, i.title)),
      h('td', {text: i.reference || '—'}),
      h('td', {}, when(ctx, i)),
      h('td', {text: i.unitName || tr(ctx, '未定', 'Not assigned')})));
  const table = h('div', {class: 'table-wrap'}, h('table', {class: 'list', 'aria-labelledby': headingId},
      h('thead', {}, h('tr', {},
          h('th', {scope: 'col', text: tr(ctx, '件名', 'Title')}),
          h('th', {scope: 'col', text: tr(ctx, '番号', 'Reference')}),
          h('th', {scope: 'col', text: tr(ctx, '期限・年度', 'Due or fiscal year')}),
          h('th', {scope: 'col', text: tr(ctx, '担当', 'Unit')}))),
      h('tbody', {}, rows)));
  const more = g.total > g.items.length
    ? h('p', {class: 'hint task-more', text: tr(ctx, `急ぐ順に ${g.items.length}件を表示しています (全 ${g.total}件)。`,
        `Showing the ${g.items.length} most urgent of ${g.total}.`)})
    : null;
  return h('section', {class: 'task-group', dataset: {kind: `${g.module}/${g.kind}`}}, heading, table, more);
}

export default async function render(root, ctx) {
  let tasks;
  try {
    tasks = await ctx.getJson('tasks');
  } catch (err) {
    root.append(errorNotice(ctx, err));
    return;
  }
  root.append(h('p', {class: 'task-intro', text: tr(ctx,
      'あなたとあなたの所属組織の対応を待っている項目です。期限を過ぎたもの、期限の近いものから順に並べています。',
      'What waits for you and your unit, overdue and soonest due first.')}));
  if (!tasks.groups.length) {
    const viewer = ctx.caller && ctx.caller.role === 'VIEWER';
    root.append(h('div', {id: 'tasks-empty'}, notice(viewer
      ? tr(ctx, '閲覧者のアカウントには対応待ちの項目はありません。', 'Nothing waits for a viewer account.')
      : tr(ctx, '対応を待っている項目はありません。', 'Nothing is waiting for you.'))));
    return;
  }
  root.append(h('p', {id: 'tasks-summary', class: 'task-summary'},
      tr(ctx, `全 ${tasks.total}件`, `${tasks.total} in all`),
      tasks.overdue > 0 ? [tr(ctx, '、うち ', ', '), h('strong', {class: 'task-summary-overdue',
        text: tr(ctx, `期限超過 ${tasks.overdue}件`, `${tasks.overdue} overdue`)})] : null));
  tasks.groups.forEach((g, i) => root.append(groupSection(ctx, g, i)));
}
