package jp.machi.planning.plan.domain;

/**
 * How one level of a plan is numbered when the plan is renumbered (番号の振り直し). Plans number
 * their levels differently: 須坂市 counts its 施策 through the whole plan (35, 36 … 39), others
 * number within each parent (1, 2, 3) or write the parent's number first (1-1, 1-2).
 */
public enum NumberScheme {
    /** The numbers stay as they are. */
    KEEP,
    /** The nodes of the level lose their numbers. */
    CLEAR,
    /** Counted through the plan (or the part renumbered) in document order: 35, 36, 37 … */
    SEQUENCE,
    /** Counted again under each parent: 1, 2, 3 … */
    SIBLINGS,
    /** The parent's number, a separator and the count under that parent: 1-1, 1-2 … */
    OUTLINE
}
