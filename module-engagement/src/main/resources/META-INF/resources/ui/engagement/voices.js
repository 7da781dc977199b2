// 市民の声 (published citizen voices) for the public portal: /p/{lgCode}/.
// Calls only the public endpoint GET engagement/voices/published, which never returns personal data.
// The DOM is built with createElement and textContent only: no HTML is ever parsed from data.

const PAGE_SIZE = 20;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

function formatDate(iso, lang) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'en' ? `${iso}` : `${y}年${m}月${d}日`;
}

export default async function render(root, ctx) {
  const t = ctx.t;
  let page = 0;
  let alive = true;

  const heading = el('h1', null, t('市民の声', 'Citizen voices'));
  const intro = el('p', null, t(
    '市民の皆さまから寄せられたご意見と市の回答のうち、公開しているものです。個人を特定できる情報は掲載していません。',
    'Opinions residents sent and the municipality\'s answers, as published. Nothing that identifies a person is shown.'));
  const status = el('p', { role: 'status', 'aria-live': 'polite' });
  const list = el('div', { class: 'machi-voices' });
  const prev = el('button', { type: 'button' }, t('前へ', 'Previous'));
  const next = el('button', { type: 'button' }, t('次へ', 'Next'));
  const pageInfo = el('span', { 'aria-live': 'polite' });
  const nav = el('nav', { 'aria-label': t('ページ送り', 'Pages') }, prev, ' ', pageInfo, ' ', next);
  root.append(heading, intro, status, list, nav);

  function voice(v) {
    const article = el('article', { class: 'machi-voice' });
    const titleId = `voice-${v.id}`;
    article.setAttribute('aria-labelledby', titleId);
    article.append(el('h2', { id: titleId }, v.subject || ''));
    const meta = el('dl', { class: 'machi-voice-meta' });
    const add = (label, value) => {
      if (value) meta.append(el('dt', null, label), el('dd', null, value));
    };
    add(t('受付日', 'Received'), formatDate(v.receivedOn, ctx.lang));
    add(t('分類', 'Category'), v.category);
    add(t('担当課', 'Answered by'), v.unitName);
    add(t('回答日', 'Answered'), formatDate(v.answeredOn, ctx.lang));
    article.append(meta);
    if (v.summary) {
      article.append(el('h3', null, t('ご意見の要旨', 'Summary of the opinion')), el('p', null, v.summary));
    }
    if (v.answer) {
      article.append(el('h3', null, t('市の回答', 'Our answer')), el('p', null, v.answer));
    }
    return article;
  }

  async function load() {
    status.textContent = t('読み込んでいます…', 'Loading…');
    prev.disabled = true;
    next.disabled = true;
    try {
      const data = await ctx.getJson(`engagement/voices/published?page=${page}&size=${PAGE_SIZE}`);
      if (!alive) return;
      list.replaceChildren(...data.items.map(voice));
      status.textContent = data.totalItems === 0
        ? t('公開している市民の声はまだありません。', 'No citizen voices have been published yet.')
        : t(`${data.totalItems} 件`, `${data.totalItems} published`);
      const pages = Math.max(1, data.totalPages);
      pageInfo.textContent = t(`${page + 1} / ${pages} ページ`, `Page ${page + 1} of ${pages}`);
      prev.disabled = page <= 0;
      next.disabled = page + 1 >= pages;
    } catch (e) {
      if (!alive) return;
      list.replaceChildren();
      status.textContent = e.status === 404
        ? t('この自治体では市民の声を公開していません。', 'This municipality does not publish citizen voices.')
        : t('市民の声を読み込めませんでした。', 'The citizen voices could not be loaded.');
    }
  }

  prev.addEventListener('click', () => { if (page > 0) { page -= 1; load(); } });
  next.addEventListener('click', () => { page += 1; load(); });
  await load();
  return () => { alive = false; };
}
