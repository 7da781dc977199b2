// 空き家バンク for the public portal: /p/{lgCode}/vacant-house-bank. The properties the municipality
// published (those in negotiation marked 交渉中), by deal type: title, district, rent or price, layout,
// areas, year built, description, and its photos with their captions (their metadata was taken out
// on upload; served only while the property is on the portal). The public endpoint has no owner fields at all; nothing personal
// is ever on this page. The DOM is built with createElement and textContent only.
import {h as el} from '/ui/core/kit.js';

let seq = 0;
const nextId = (p) => `${p}-${++seq}`;

function yen(n, t) {
  return n === null || n === undefined ? null : t(`${Number(n).toLocaleString('ja-JP')} 円`, `¥${Number(n).toLocaleString('en-US')}`);
}

/** The property's photos in their order, each with its caption (the caption is also the picture's text alternative). */
function photos(x, t) {
  if (!x.photos || x.photos.length === 0) return null;
  return el('ul', {class: 'vh-photos'}, x.photos.map((p, i) => el('li', {},
      el('figure', {},
          el('img', {src: p.url, alt: p.caption || t(`${x.title} の写真 ${i + 1}`, `Photo ${i + 1} of ${x.title}`), loading: 'lazy', width: '320'}),
          p.caption ? el('figcaption', {text: p.caption}) : null))));
}

export default async function render(root, ctx) {
  const t = ctx.t;
  root.replaceChildren(el('h1', {text: t('空き家バンク', 'Vacant-house bank')}),
      el('p', {class: 'lead', text: t('市が登録し公開している空き家の物件情報です。お問い合わせは市の担当窓口へ。',
          'Vacant houses the municipality registered and published. Ask the municipality about them.')}));
  const selectId = nextId('vh-deal');
  const select = el('select', {id: selectId},
      el('option', {value: '', text: t('すべて', 'All')}), el('option', {value: 'RENT', text: t('賃貸', 'Rent')}),
      el('option', {value: 'SALE', text: t('売買', 'Sale')}), el('option', {value: 'RENT_OR_SALE', text: t('賃貸・売買', 'Rent or sale')}));
  const list = el('div', {id: 'vacant-houses', 'aria-live': 'polite'});
  root.append(el('label', {for: selectId, text: t('取引の種類', 'Deal')}), select, list);

  async function show() {
    list.replaceChildren(el('p', {class: 'status', role: 'status', text: t('読み込み中…', 'Loading…')}));
    const q = select.value ? `&dealType=${encodeURIComponent(select.value)}` : '';
    const r = await ctx.getJson(`promotion/public/vacant-houses?size=100${q}`);
    list.replaceChildren();
    if (r.items.length === 0) {
      list.append(el('p', {text: t('公開中の物件はありません。', 'No properties are published now.')}));
      return;
    }
    list.append(el('p', {text: r.totalItemsExact === false ? t(`${r.totalItems} 件超`, `more than ${r.totalItems} properties`)
        : t(`${r.totalItems} 件`, `${r.totalItems} properties`)}));
    r.items.forEach((x) => {
      const hid = nextId('vh');
      const facts = el('dl', {class: 'facts'});
      const add = (k, v) => {
        if (v === null || v === undefined || v === '') return;
        facts.append(el('dt', {text: k}), el('dd', {text: String(v)}));
      };
      add(t('所在地区', 'District'), x.area);
      add(t('取引', 'Deal'), x.dealTypeLabel);
      add(t('家賃 (月額)', 'Rent (a month)'), yen(x.rent, t));
      add(t('価格', 'Price'), yen(x.price, t));
      add(t('間取り', 'Layout'), x.layout);
      add(t('延床面積', 'Floor area'), x.floorArea ? `${x.floorArea} ㎡` : null);
      add(t('土地面積', 'Land area'), x.landArea ? `${x.landArea} ㎡` : null);
      add(t('建築年', 'Built'), x.builtYear);
      const card = el('article', {class: 'card vacant-house', 'aria-labelledby': hid},
          el('h2', {id: hid, text: x.title}),
          x.negotiating ? el('p', {class: 'badge', text: t('交渉中', 'Under negotiation')}) : null,
          photos(x, t), facts, x.description ? el('p', {text: x.description}) : null);
      list.append(card);
    });
  }
  select.addEventListener('change', show);
  await show();
}
