// 市民の声 section of the public portal (/p/{lgCode}/engagement-hearing): phone-first cards of what
// the municipality offers residents to have their say — the voice form, open public comments, their
// results, and whatever other features of the engagement module add (GET engagement/hearing lists
// them, in order, with counts; a feature adds its card on the server as a HearingEntry bean, so this
// page never changes for it). No personal data anywhere; DOM built with createElement/textContent only.

import {h as el} from '/ui/core/kit.js';

export default async function render(root, ctx) {
  const t = ctx.t;
  root.append(el('h1', null, t('ご意見・意見募集', 'Have your say')),
    el('p', { class: 'lead' }, t('市へのご意見の送り方と、いま意見を募集している案件、これまでの結果をご案内します。',
      'How to send the city your opinion, what is open for comments now, and the results so far.')));
  const status = el('p', { role: 'status', 'aria-live': 'polite' }, t('読み込んでいます…', 'Loading…'));
  root.append(status);
  let offers;
  try {
    offers = await ctx.getJson('engagement/hearing');
  } catch (e) {
    status.textContent = t('案内を読み込めませんでした。', 'The offers could not be loaded.');
    return undefined;
  }
  status.textContent = '';
  const list = el('ul', { class: 'hearing-offers' });
  for (const o of offers) {
    const href = `${ctx.base}${o.page}${o.anchor ? `/${o.anchor}` : ''}`;
    const headingId = `hearing-${o.id}`;
    const card = el('li', { class: 'hearing-offer', 'aria-labelledby': headingId, dataset: { offer: o.id } },
      el('h2', { id: headingId }, el('a', { href, 'data-route': '' }, o.title)),
      el('p', null, o.description),
      o.countLabel ? el('p', { class: 'hearing-count' }, o.countLabel) : null);
    list.append(card);
  }
  root.append(list);
  return undefined;
}
