package jp.machi.core.personaldata;

/** How much of a {@link PersonalData} value a response shows. */
public enum Visibility {
    /** Not at all: the value is null (public endpoints, anonymous callers). */
    HIDDEN,
    /** Masked (山＊, 090-****-5678): lists, CSV and single reads of signed-in callers. */
    MASKED,
    /** In full: only where the resource revealed it for staff and above, audited. */
    FULL
}
