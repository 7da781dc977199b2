package jp.machi.core.calendar;

import jp.machi.core.i18n.LocalizedText;

/** Why a day is closed, besides being a Saturday or Sunday. */
public enum ClosedDayKind {
    /** 国民の祝日, including the one-off days set by special laws (e.g. 2019-05-01). */
    NATIONAL_HOLIDAY(LocalizedText.of("国民の祝日", "National holiday")),
    /** 振替休日: the day a national holiday on a Sunday passes to (from 1973-04-12). */
    SUBSTITUTE_HOLIDAY(LocalizedText.of("振替休日", "Substitute holiday")),
    /** 国民の休日: a day between two national holidays (from 1986). */
    CITIZENS_HOLIDAY(LocalizedText.of("国民の休日", "Citizens' holiday")),
    /** 閉庁日: a day the municipality itself closes (default 12/29–1/3). */
    MUNICIPAL_CLOSURE(LocalizedText.of("閉庁日", "Municipal closure"));

    private final LocalizedText label;

    ClosedDayKind(LocalizedText label) {
        this.label = label;
    }

    public LocalizedText label() {
        return label;
    }
}
