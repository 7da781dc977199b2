package jp.machi.core.identity;

import jp.machi.core.i18n.LocalizedText;

/**
 * What a caller may do, from least to most. Each role includes the ones below it, within the
 * caller's own municipality; only a platform administrator acts across municipalities.
 */
public enum Role {
    /** 閲覧者: reads the municipality's data. */
    VIEWER("閲覧者", "Viewer"),
    /** 職員: edits the municipality's data (a module may narrow this to the staff's own unit). */
    STAFF("職員", "Staff"),
    /** 団体管理者: enables modules, manages the municipality's users and settings. */
    MUNICIPALITY_ADMIN("団体管理者", "Municipality administrator"),
    /** プラットフォーム管理者: the vendor; manages municipalities and which modules they may use. */
    PLATFORM_ADMIN("プラットフォーム管理者", "Platform administrator");

    private final LocalizedText label;

    Role(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
