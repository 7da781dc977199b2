package jp.machi.engagement.hearing;

import java.util.List;
import jp.machi.core.i18n.LocalizedText;

/**
 * One offer of the portal's 市民の声 section (GET engagement/hearing, {@code hearing.js}): the voice
 * form, open public comments, their results — and, as other features of the module arrive,
 * proposals, surveys, town meetings. A feature adds its offer by being a CDI bean implementing
 * this; the section lists them by {@link #order()}. Nothing here may hold personal data.
 */
public interface HearingEntry {

    /** What an offer shows: title and text, the portal page it leads to, an optional count ("3 件募集中"). */
    record Offer(String id, LocalizedText title, LocalizedText description, String page, String anchor,
            Long count, LocalizedText countLabel) {
    }

    /** Lower first. */
    int order();

    /** The offers of the municipality bound to the current request (empty: none now). */
    List<Offer> offers();
}
