package jp.machi.promotion.vacanthouse.domain;

/** Where a property stands in the vacant-house bank (labels in the workflow's declaration). */
public enum VacantHouseState {
    /** 申込受付: the owner applied. */
    APPLIED,
    /** 現地調査済 */
    SURVEYED,
    /** 登録済 (not yet on the portal) */
    REGISTERED,
    /** 公開中: on the portal */
    PUBLISHED,
    /** 交渉中 */
    NEGOTIATING,
    /** 成約 */
    CONTRACTED,
    /** 登録期限切れ */
    EXPIRED,
    /** 終了 */
    CLOSED
}
