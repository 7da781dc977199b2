/**
 * 総合計画: a municipality's comprehensive plan, its hierarchy (基本目標 → 基本施策 → 施策 →
 * 取組項目, or 政策 → 施策 → 基本事業: the level names are the municipality's), what each node
 * says (目指す姿, 現状と課題, 取組方針, 担当課, 市民・企業・活動団体の役割), the core indicators that
 * measure it, and its progress per fiscal year rolled up the tree by a rule stated in data.
 */
package jp.machi.planning.plan;
