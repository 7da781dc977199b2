package jp.machi.core.api;

import jp.machi.core.municipality.domain.InvalidLocalGovernmentCodeException;
import jp.machi.core.municipality.domain.LocalGovernmentCode;

/** Reading a local government code from a request, with the 400 a person can act on. */
public final class LocalGovernmentCodes {

    private LocalGovernmentCodes() {
    }

    public static LocalGovernmentCode parse(String text) {
        try {
            return LocalGovernmentCode.of(text);
        } catch (InvalidLocalGovernmentCodeException e) {
            throw problem(e);
        }
    }

    public static ApiException problem(InvalidLocalGovernmentCodeException e) {
        String shown = e.text() == null ? "" : e.text().length() > 20 ? e.text().substring(0, 20) + "…" : e.text();
        if (e.expectedCheckDigit() != null) {
            return ApiException.badRequest("invalid-local-government-code", "lgCode.checkDigit", shown,
                    String.valueOf(e.expectedCheckDigit()), e.corrected());
        }
        return ApiException.badRequest("invalid-local-government-code", "lgCode.format", shown);
    }
}
