package jp.machi.engagement.proposal.domain;

import jp.machi.core.i18n.LocalizedText;

/**
 * Where a citizen proposal is: 受付 → 検討中 → 回答済, and what became of it: 実現, 一部実現 or 見送り.
 * The last four need an approved answer.
 */
public enum ProposalStatus {
    RECEIVED("受付", "Received"),
    CONSIDERING("検討中", "Under consideration"),
    ANSWERED("回答済", "Answered"),
    REALISED("実現", "Realised"),
    PARTLY_REALISED("一部実現", "Partly realised"),
    DECLINED("見送り", "Not taken up");

    private final LocalizedText label;

    ProposalStatus(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }

    /** Still waiting for an answer (受付, 検討中). */
    public boolean open() {
        return this == RECEIVED || this == CONSIDERING;
    }
}
