package jp.machi.promotion.migration.domain;

/** How a migration consultation (移住相談) reached the municipality; labels in the bundle under promotion.consultationChannel.*. */
public enum ConsultationChannel {
    /** 窓口 */
    COUNTER,
    /** イベント (移住フェア, 相談会) */
    EVENT,
    /** オンライン */
    ONLINE,
    /** 電話 */
    PHONE,
    /** メール */
    EMAIL
}
