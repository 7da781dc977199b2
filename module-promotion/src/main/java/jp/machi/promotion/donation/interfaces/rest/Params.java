package jp.machi.promotion.donation.interfaces.rest;

import java.util.List;
import java.util.Locale;
import jp.machi.core.api.ApiException;
import jp.machi.promotion.donation.domain.LocalProductGround;

/** Query and body values of the promotion endpoints read as text, so that bad values are field errors in ja/en. */
final class Params {

    private Params() {
    }

    static Boolean bool(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.invalid(List.of(new ApiException.FieldErrorKey(name, "promotion.param.boolean", text)));
        };
    }

    /** A ground by its name ({@code PRODUCED_LOCALLY}) or its 号 ({@code 1}); {@code null} when not given. */
    static LocalProductGround ground(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (LocalProductGround g : LocalProductGround.values()) {
            if (g.name().equalsIgnoreCase(t) || String.valueOf(g.item()).equals(t)) {
                return g;
            }
        }
        throw ApiException.invalid(List.of(new ApiException.FieldErrorKey(name, "promotion.gift.groundUnknown", text)));
    }
}
