/**
 * 事務事業評価: the yearly evaluation of an administrative program through the division's
 * self-evaluation (自己評価), the secondary evaluation (二次評価), the external evaluation (外部評価)
 * and the final decision (最終決定), each by the people allowed to do it, with its history.
 */
package jp.machi.planning.evaluation;
