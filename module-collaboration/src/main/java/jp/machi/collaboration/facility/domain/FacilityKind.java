package jp.machi.collaboration.facility.domain;

import jp.machi.core.i18n.LocalizedText;

/** 施設の種別: what a facility is; the open data's 種別 and 種別_英字 are its labels. */
public enum FacilityKind {
    COMMUNITY_CENTRE(LocalizedText.of("地域集会施設", "Community centre")),
    CIVIC_ACTIVITY_CENTRE(LocalizedText.of("市民活動サポートセンター", "Civic activity support centre")),
    OTHER(LocalizedText.of("その他の集会施設", "Other meeting facility"));

    private final LocalizedText label;

    FacilityKind(LocalizedText label) {
        this.label = label;
    }

    public LocalizedText label() {
        return label;
    }
}
