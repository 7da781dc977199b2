package jp.machi.promotion.marriage.domain;

/** What a marriage-support activity was: an exchange event (交流イベント), consultations (結婚相談), or a seminar (講座). */
public enum MarriageActivityKind {
    EVENT,
    CONSULTATION,
    SEMINAR
}
