package jp.machi.promotion.fanclub.domain;

import java.util.List;

/** 都道府県: the 47 prefectures by their JIS X 0401 code (01 北海道 … 47 沖縄県), the first two digits of every local government code. */
public final class Prefectures {

    private static final List<String> JA = List.of("北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県",
            "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県",
            "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県",
            "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

    private static final List<String> EN = List.of("Hokkaido", "Aomori", "Iwate", "Miyagi", "Akita", "Yamagata", "Fukushima", "Ibaraki",
            "Tochigi", "Gunma", "Saitama", "Chiba", "Tokyo", "Kanagawa", "Niigata", "Toyama", "Ishikawa", "Fukui", "Yamanashi", "Nagano",
            "Gifu", "Shizuoka", "Aichi", "Mie", "Shiga", "Kyoto", "Osaka", "Hyogo", "Nara", "Wakayama", "Tottori", "Shimane", "Okayama",
            "Hiroshima", "Yamaguchi", "Tokushima", "Kagawa", "Ehime", "Kochi", "Fukuoka", "Saga", "Nagasaki", "Kumamoto", "Oita",
            "Miyazaki", "Kagoshima", "Okinawa");

    private Prefectures() {
    }

    /** Whether {@code code} is one of 01 … 47. */
    public static boolean known(String code) {
        return code != null && code.matches("\\d{2}") && Integer.parseInt(code) >= 1 && Integer.parseInt(code) <= 47;
    }

    public static String name(String code) {
        return JA.get(Integer.parseInt(code) - 1);
    }

    public static String name(String code, boolean english) {
        return (english ? EN : JA).get(Integer.parseInt(code) - 1);
    }

    public static List<String> codes() {
        return java.util.stream.IntStream.rangeClosed(1, 47).mapToObj(i -> String.format("%02d", i)).toList();
    }
}
