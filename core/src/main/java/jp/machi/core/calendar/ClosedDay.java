package jp.machi.core.calendar;

import java.time.LocalDate;
import java.util.Objects;
import jp.machi.core.i18n.LocalizedText;

/** A day on which a municipality's offices are closed though it is not a Saturday or Sunday (or is one, named). */
public record ClosedDay(LocalDate date, ClosedDayKind kind, LocalizedText name) {

    public ClosedDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
