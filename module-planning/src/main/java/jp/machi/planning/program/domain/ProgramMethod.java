package jp.machi.planning.program.domain;

import jp.machi.core.i18n.LocalizedText;

/** 実施手法: how a program is carried out. */
public enum ProgramMethod {
    DIRECT("直営", "Direct"),
    PARTLY_OUTSOURCED("一部委託", "Partly outsourced"),
    OUTSOURCED("委託", "Outsourced"),
    SUBSIDY("補助", "Subsidy"),
    DESIGNATED_MANAGER("指定管理", "Designated manager"),
    CONTRIBUTION("負担金", "Contribution"),
    OTHER("その他", "Other");

    private final LocalizedText label;

    ProgramMethod(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
