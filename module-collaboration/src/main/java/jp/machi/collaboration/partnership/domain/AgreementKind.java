package jp.machi.collaboration.partnership.domain;

/** The kind of the other party of a partnership agreement (連携協定の相手方の種別). */
public enum AgreementKind {
    /** 大学 (universities, colleges and other higher-education institutions). */
    UNIVERSITY("大学", "University"),
    /** 企業. */
    COMPANY("企業", "Company"),
    /** 金融機関. */
    FINANCIAL_INSTITUTION("金融機関", "Financial institution"),
    /** その他 (an association of businesses, a support network …). */
    OTHER("その他", "Other");

    private final String ja;
    private final String en;

    AgreementKind(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    public String label(java.util.Locale l) {
        return "en".equals(l.getLanguage()) ? en : ja;
    }
}
