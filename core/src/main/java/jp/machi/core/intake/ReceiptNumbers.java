package jp.machi.core.intake;

import jp.machi.core.fiscalyear.FiscalYear;

/** {@code V-R8-000123}: the series letter, the fiscal year in wareki (era letter and year), the sequence. */
public final class ReceiptNumbers {

    private ReceiptNumbers() {
    }

    public static String format(IntakeSeries series, FiscalYear year, long number) {
        return series.letter() + "-" + year.shortLabel() + "-" + String.format("%06d", number);
    }
}
