package jp.machi.core.personaldata;

import java.time.OffsetDateTime;

/**
 * A municipality's retention period of residents' personal data: {@code years} after a record
 * was closed, its personal data is anonymised. A record closed before {@link #closedBefore()} is
 * past it.
 */
public record Retention(int years, OffsetDateTime now) {

    public OffsetDateTime closedBefore() {
        return now.minusYears(years);
    }

    /** Whether a record closed at {@code closedAt} (null: still open) is past its retention period. */
    public boolean expired(OffsetDateTime closedAt) {
        return closedAt != null && !closedAt.isAfter(closedBefore());
    }
}
