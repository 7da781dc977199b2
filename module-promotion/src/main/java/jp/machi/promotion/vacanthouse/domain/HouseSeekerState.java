package jp.machi.promotion.vacanthouse.domain;

/** 利用登録の状態: 申込受付 → 登録済 (for the registration period) or 登録不可. */
public enum HouseSeekerState {
    APPLIED,
    APPROVED,
    REFUSED
}
