package jp.machi.collaboration.partner.domain;

/** Where a partner's registration is: 申請中 → 登録済 (or 不承認), 登録済 → 登録終了. */
public enum PartnerState {
    APPLIED, REGISTERED, REFUSED, CLOSED
}
