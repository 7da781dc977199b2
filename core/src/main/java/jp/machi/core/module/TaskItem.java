package jp.machi.core.module;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;

/**
 * One thing waiting for a caller. Holds no personal data: it is listed to every staff member it
 * waits for.
 *
 * @param recordType what kind of record it is ({@code citizen-voice}, {@code program-evaluation})
 * @param recordId the record's id
 * @param reference how people quote the record (a receipt number, a program number), or null
 * @param title what the record is about (a voice's subject, a program's name)
 * @param due the day it is due, if it has one
 * @param fiscalYear the fiscal year it concerns, if it is about one (an evaluation's)
 * @param overdue whether it is past its due date
 * @param unitId the organisational unit it waits on, if any
 * @param route its screen in the console, after the municipality: {@code <module>/<page>/<args…>}
 *     (e.g. {@code engagement/engagement-voices/<id>}), as the console's hash routes read it
 */
public record TaskItem(String recordType, String recordId, String reference, String title, LocalDate due,
        FiscalYear fiscalYear, boolean overdue, UUID unitId, String route) {

    public TaskItem {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(route, "route");
    }
}
