package jp.machi.core.module;

import jp.machi.core.i18n.LocalizedText;

/**
 * A screen a module adds to the staff console or to the public portal: its navigation label and
 * the path of the page it ships (under its jar's {@code META-INF/resources/}).
 */
public record UiContribution(String id, Area area, LocalizedText label, String path, int order) {

    public enum Area {
        /** The staff console's navigation. */
        CONSOLE,
        /** The residents' portal of each municipality. */
        PORTAL
    }
}
