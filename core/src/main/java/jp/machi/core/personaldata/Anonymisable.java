package jp.machi.core.personaldata;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * An entity that holds a resident's personal data and anonymises it itself (see
 * {@link PersonalDataFields}): what {@link EntityResidentData} needs of a module's row.
 */
public interface Anonymisable {

    UUID getId();

    /** When the row was anonymised; null while it holds its personal data. */
    OffsetDateTime getAnonymisedAt();

    /**
     * Anonymises the row's personal data, keeping the row (raising its version); false, doing nothing,
     * when it was anonymised before.
     */
    boolean anonymise(OffsetDateTime now);

    /**
     * Anonymises each of {@code rows}, calls {@code then} with each one that changed (e.g. to delete its
     * files) and returns how many changed: a row listed twice, or anonymised before, counts once or not at all.
     */
    static <T extends Anonymisable> int anonymiseAll(Iterable<T> rows, OffsetDateTime now, Consumer<? super T> then) {
        int n = 0;
        for (T row : rows) {
            if (row.anonymise(now)) {
                then.accept(row);
                n++;
            }
        }
        return n;
    }
}
