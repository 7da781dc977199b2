package jp.machi.core.organization.domain;

import jp.machi.core.i18n.LocalizedText;

/** The kinds of organisational unit Japanese municipalities use. */
public enum UnitKind {
    /** 局. */
    BUREAU("局", "Bureau"),
    /** 部. */
    DEPARTMENT("部", "Department"),
    /** 公室, such as 市長公室: an office at department level. */
    OFFICE("公室", "Office"),
    /** 課. */
    DIVISION("課", "Division"),
    /** 室, such as 広聴室: at division level or inside one. */
    ROOM("室", "Room"),
    /** 係 / 担当. */
    SECTION("係", "Section"),
    /** Anything else (センター, 事務所 …). */
    OTHER("その他", "Other");

    private final LocalizedText label;

    UnitKind(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
