package jp.machi.engagement.voice.domain;

import jp.machi.core.i18n.LocalizedText;

/**
 * How a citizen voice reached the municipality. Staff register those that did not come through the
 * portal (letter, phone, visit, petition, town meeting) with the day they arrived.
 */
public enum Channel {
    WEB_FORM("ウェブフォーム", "Web form"),
    LETTER("はがき・封書", "Letter or postcard"),
    EMAIL("電子メール", "E-mail"),
    PHONE("電話", "Phone"),
    /** 来庁: a resident came to the office (counter, meeting). */
    COUNTER("来庁・窓口", "Visit"),
    /** 要望書: a written request or petition, often from a group. */
    PETITION("要望書", "Petition"),
    TOWN_MEETING("タウンミーティング", "Town meeting"),
    /** A request from an Open311 GeoReport client. */
    OPEN311("Open311", "Open311"),
    OTHER("その他", "Other");

    private final LocalizedText label;

    Channel(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
