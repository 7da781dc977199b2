package jp.machi.promotion.fanclub.domain;

/** Where a fan club member stands: signed up but not yet confirmed, a member (counted), or left. */
public enum MemberStatus {
    PENDING, CONFIRMED, LEFT
}
