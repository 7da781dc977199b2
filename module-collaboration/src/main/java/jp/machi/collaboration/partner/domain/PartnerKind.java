package jp.machi.collaboration.partner.domain;

import jp.machi.core.i18n.LocalizedText;

/** 団体の種別: what kind of organisation a partner is. */
public enum PartnerKind {
    NPO("NPO法人", "NPO corporation"),
    CIVIC_GROUP("市民活動団体", "Civic group"),
    VOLUNTEER_GROUP("ボランティア団体", "Volunteer group"),
    NEIGHBOURHOOD_ASSOCIATION("自治会・町内会", "Neighbourhood association"),
    FEDERATION("連合会・まちぢから協議会", "Federation of associations"),
    COMPANY("企業", "Company"),
    SCHOOL("大学・学校", "University or school"),
    DESIGNATED_MANAGER("指定管理者", "Designated manager"),
    OTHER("その他", "Other");

    private final LocalizedText label;

    PartnerKind(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
