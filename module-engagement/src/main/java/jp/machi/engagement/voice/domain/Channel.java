package jp.machi.engagement.voice.domain;

import jp.machi.core.i18n.LocalizedText;

/** How a citizen voice reached the municipality. */
public enum Channel {
    WEB_FORM("ウェブフォーム", "Web form"),
    LETTER("手紙・はがき", "Letter"),
    EMAIL("電子メール", "E-mail"),
    PHONE("電話", "Phone"),
    COUNTER("窓口", "Counter"),
    TOWN_MEETING("タウンミーティング", "Town meeting"),
    OTHER("その他", "Other"),
    OPEN311("Open311", "Open311");

    private final LocalizedText label;

    Channel(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
