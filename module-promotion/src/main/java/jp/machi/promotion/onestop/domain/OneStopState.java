package jp.machi.promotion.onestop.domain;

/**
 * Where a one-stop application stands: received (the identity documents not checked yet), checked
 * (checked, no donation matched yet), matched (checked and matched to at least one donation: it goes
 * into the notification to the donor's residence municipality).
 */
public enum OneStopState {
    RECEIVED,
    CHECKED,
    MATCHED
}
