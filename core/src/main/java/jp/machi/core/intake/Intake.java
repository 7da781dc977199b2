package jp.machi.core.intake;

import java.time.OffsetDateTime;
import jp.machi.core.fiscalyear.FiscalYear;

/**
 * What core decided about one accepted submission, handed to the module that stores it: its
 * receipt number, the fiscal year that number counts in, when it was received, and whether the
 * honeypot caught it ({@code spam}: store it, marked, for staff to review; answer as usual).
 */
public record Intake(String receiptNumber, FiscalYear fiscalYear, OffsetDateTime receivedAt, boolean spam) {
}
