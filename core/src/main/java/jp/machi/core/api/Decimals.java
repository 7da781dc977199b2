package jp.machi.core.api;

import java.math.BigDecimal;

/** Numbers as people write them: 86.5, not 86.5000 or 8.65E+1. */
public final class Decimals {

    private Decimals() {
    }

    public static BigDecimal plain(BigDecimal v) {
        return v == null ? null : new BigDecimal(v.stripTrailingZeros().toPlainString());
    }
}
