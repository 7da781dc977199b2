package jp.machi.promotion.fanclub.domain;

import java.text.Normalizer;

/**
 * Where a member lives, seen from the municipality: in town (市内), elsewhere in its prefecture
 * (県内), or elsewhere (県外: the "related population" 関係人口 the fan club is for). Decided at sign-up
 * from the prefecture and municipality the member gives, so that counts group in the database.
 */
public enum Residence {
    IN_TOWN, IN_PREFECTURE, ELSEWHERE;

    /**
     * The member's residence relative to the municipality {@code lgCode} named {@code townName}:
     * the prefecture is the first two digits of the local government code; the municipality matches
     * with or without its 市/町/村 suffix, full-width or not.
     */
    public static Residence of(String lgCode, String townName, String prefectureCode, String municipality) {
        if (!lgCode.startsWith(prefectureCode)) {
            return ELSEWHERE;
        }
        String n = normal(municipality);
        String t = normal(townName);
        if (n.isEmpty() || t.isEmpty()) {
            return IN_PREFECTURE;
        }
        String prefectureName = normal(Prefectures.name(prefectureCode));
        if (n.startsWith(prefectureName)) {
            n = n.substring(prefectureName.length());
        }
        boolean suffix = t.endsWith("市") || t.endsWith("町") || t.endsWith("村") || t.endsWith("区");
        return n.equals(t) || (suffix && n.equals(t.substring(0, t.length() - 1))) ? IN_TOWN : IN_PREFECTURE;
    }

    private static String normal(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s", "");
    }
}
