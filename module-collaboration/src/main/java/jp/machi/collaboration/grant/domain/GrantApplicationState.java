package jp.machi.collaboration.grant.domain;

/** 受付 → (補正待ち ⇄) 審査中 → 採択 / 不採択. */
public enum GrantApplicationState {
    /** 受付: received, completeness not yet checked. */
    SUBMITTED,
    /** 補正待ち: incomplete; the applicant is asked to complete it. */
    INCOMPLETE,
    /** 審査中: complete; the panel scores it. */
    UNDER_REVIEW,
    /** 採択. */
    ADOPTED,
    /** 不採択. */
    REJECTED
}
