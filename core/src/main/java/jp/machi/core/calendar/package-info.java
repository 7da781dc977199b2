/**
 * The business-day calendar: Japan's national holidays ({@link jp.machi.core.calendar.JapaneseHolidays}),
 * each municipality's own closed days ({@link jp.machi.core.calendar.ClosureRules}, a core setting),
 * {@link jp.machi.core.calendar.BusinessCalendar} ({@code isBusinessDay}, {@code addBusinessDays},
 * {@code closedDays}) and {@link jp.machi.core.calendar.Deadline}s in calendar or business days.
 * See ADR 0013.
 */
package jp.machi.core.calendar;
