// ${nameJa} — the public portal's page (PORTAL contribution "${moduleId}-summary"): how many items this fiscal
// year has, from the public endpoint ${moduleId}/public/summary. Anyone, no sign-in; figures only.
import {h} from '/ui/core/kit.js';

export default async function render(root, ctx) {
  const {t} = ctx;
  root.append(h('p', {class: 'status', role: 'status', text: t('読み込み中…', 'Loading…')}));
  const s = await ctx.getJson('${moduleId}/public/summary');
  root.replaceChildren(
      h('h1', {text: t('${nameJa}', '${nameEn}')}),
      h('p', {class: 'lead', text: t(
          ctx.fiscalYearLabel(s.fiscalYear.year) + 'の登録件数は ' + s.items + ' 件です。',
          ctx.fiscalYearLabel(s.fiscalYear.year) + ' has ' + s.items + ' items.')}));
}
