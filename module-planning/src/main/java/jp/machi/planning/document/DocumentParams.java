package jp.machi.planning.document;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.InvalidFiscalYearException;

/** Query parameters of the planning documents' endpoints, read as text so that bad values are field errors. */
public final class DocumentParams {

    private DocumentParams() {
    }

    public static FiscalYear fiscalYear(String text) {
        return text == null || text.isBlank() ? null : FiscalYear.parse(text);
    }

    public static UUID uuid(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey(name, "planning.document.uuid", text)));
        }
    }

    /** {@code ?from=R6&to=R7}: both required, different. */
    public static FiscalYear[] copyYears(String from, String to) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        FiscalYear f = year("from", from, errors);
        FiscalYear t = year("to", to, errors);
        if (errors.isEmpty() && f.equals(t)) {
            errors.add(new ApiException.FieldErrorKey("to", "planning.document.copy.sameYear", String.valueOf(f.startYear())));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new FiscalYear[] {f, t};
    }

    private static FiscalYear year(String name, String text, List<ApiException.FieldErrorKey> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new ApiException.FieldErrorKey(name, "planning.document.copy.yearMissing"));
            return null;
        }
        try {
            return FiscalYear.parse(text);
        } catch (InvalidFiscalYearException e) {
            errors.add(new ApiException.FieldErrorKey(name, "planning.document.copy.yearInvalid", text));
            return null;
        }
    }
}
