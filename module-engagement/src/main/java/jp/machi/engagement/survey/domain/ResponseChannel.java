package jp.machi.engagement.survey.domain;

import jp.machi.core.i18n.LocalizedText;

/** How an answer came: the portal, or a paper form typed in (or imported) by staff. */
public enum ResponseChannel {
    WEB("ウェブ", "Web"),
    PAPER("紙", "Paper");

    private final LocalizedText label;

    ResponseChannel(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
