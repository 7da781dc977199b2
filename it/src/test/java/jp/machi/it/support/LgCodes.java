package jp.machi.it.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Local government codes (全国地方公共団体コード) for tests: valid ones that no other test of this JVM
 * uses, so test classes can share one server without stepping on each other's municipalities.
 */
public final class LgCodes {

    /** Valid (札幌市) and never registered by any test: "a municipality nobody registered". */
    public static final String UNREGISTERED = "011002";

    private static final int[] WEIGHTS = {6, 5, 4, 3, 2};
    private static final Set<String> USED = ConcurrentHashMap.newKeySet();

    static {
        USED.add(UNREGISTERED);
    }

    private LgCodes() {
    }

    /** A valid code not handed out before in this JVM (prefecture 01-47, municipality part 100-999). */
    public static String fresh() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (true) {
            String five = String.format("%02d%03d", r.nextInt(1, 48), r.nextInt(100, 1000));
            String code = five + checkDigit(five);
            if (USED.add(code)) {
                return code;
            }
        }
    }

    /** The check digit of the first five digits: (11 - Σ dᵢ·wᵢ mod 11) mod 10, weights 6..2. */
    public static int checkDigit(String firstFive) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (firstFive.charAt(i) - '0') * WEIGHTS[i];
        }
        return (11 - sum % 11) % 10;
    }

    /** The same code with a wrong check digit. */
    public static String withWrongCheckDigit(String code) {
        int right = code.charAt(5) - '0';
        return code.substring(0, 5) + ((right + 1) % 10);
    }
}
