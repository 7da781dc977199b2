package jp.machi.collaboration.sponsorship.domain;

/** Where a sponsorship name-use application stands (workflow {@code collaboration.sponsorship}). */
public enum SponsorshipState { APPLIED, APPROVED, REFUSED }
