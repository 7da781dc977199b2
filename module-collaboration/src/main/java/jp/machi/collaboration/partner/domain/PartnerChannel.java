package jp.machi.collaboration.partner.domain;

import jp.machi.core.i18n.LocalizedText;

/** How a registration application came: the portal's form, or on paper entered by staff. */
public enum PartnerChannel {
    PORTAL("ポータル", "Portal"),
    PAPER("書面", "Paper");

    private final LocalizedText label;

    PartnerChannel(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
