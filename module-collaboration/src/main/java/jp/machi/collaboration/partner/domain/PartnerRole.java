package jp.machi.collaboration.partner.domain;

import jp.machi.core.i18n.LocalizedText;

/** The roles one organisation plays towards the municipality (several at once). */
public enum PartnerRole {
    PARTNER("協働の相手方", "Collaboration partner"),
    GRANT_APPLICANT("補助金の申請者", "Grant applicant"),
    DESIGNATED_MANAGER("指定管理者", "Designated manager"),
    SPONSORSHIP_ORGANISER("後援名義の申請者", "Sponsorship applicant");

    private final LocalizedText label;

    PartnerRole(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
