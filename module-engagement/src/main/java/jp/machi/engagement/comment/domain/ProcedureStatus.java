package jp.machi.engagement.comment.domain;

/**
 * What staff did with a procedure: prepared it (DRAFT), announced it (公示: ANNOUNCED; open or
 * closed by its period, see {@link Phase}), published its results (RESULTS_PUBLISHED).
 */
public enum ProcedureStatus {
    DRAFT, ANNOUNCED, RESULTS_PUBLISHED
}
