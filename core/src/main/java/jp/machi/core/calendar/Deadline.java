package jp.machi.core.calendar;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.SettingDefinition;

/**
 * A period counted in calendar days (暦日) or business days (開庁日), e.g. "answer within 40 days"
 * (つくば市) or "within 10 business days" (横浜市). As module settings it is two: an {@code INTEGER}
 * of days and a {@code STRING} unit, {@code CALENDAR} or {@code BUSINESS} ({@link #unitSetting});
 * {@link #of(long, String)} reads them back.
 */
public record Deadline(int days, Unit unit) {

    /** How the days count. */
    public enum Unit {
        /** Every day counts (the due date may be a closed day). */
        CALENDAR,
        /** Only the municipality's business days count. */
        BUSINESS;

        /** The unit a setting's text names (case and spaces ignored), if any. */
        public static Optional<Unit> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String t = text.strip().toUpperCase(Locale.ROOT);
            for (Unit u : values()) {
                if (u.name().equals(t)) {
                    return Optional.of(u);
                }
            }
            return Optional.empty();
        }
    }

    public Deadline {
        Objects.requireNonNull(unit, "unit");
        if (days < 0) {
            throw new IllegalArgumentException("A deadline counts 0 or more days: " + days);
        }
    }

    /** The deadline of two settings' values: days and a unit's text ({@code CALENDAR}, {@code BUSINESS}). */
    public static Deadline of(long days, String unit) {
        return new Deadline(Math.toIntExact(days),
                Unit.parse(unit).orElseThrow(() -> new IllegalArgumentException("Not a deadline unit: " + unit)));
    }

    /** The declaration of a module setting holding a deadline's unit (type STRING, default CALENDAR). */
    public static SettingDefinition unitSetting(String key, LocalizedText label) {
        return new SettingDefinition(key, label, SettingDefinition.Type.STRING, Unit.CALENDAR.name());
    }

    /** The day the period ends when it starts on {@code start} (the start not counted). */
    public LocalDate dueFrom(LocalDate start, BusinessCalendar calendar) {
        return unit == Unit.CALENDAR ? start.plusDays(days) : calendar.addBusinessDays(start, days);
    }
}
