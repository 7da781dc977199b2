package jp.machi.core.municipality.domain;

import jp.machi.core.i18n.LocalizedText;

/** The 47 prefectures (都道府県) by their JIS X 0401 code, the first two digits of a local government code. */
public enum Prefecture {
    P01(1, "北海道", "Hokkaido"),
    P02(2, "青森県", "Aomori"),
    P03(3, "岩手県", "Iwate"),
    P04(4, "宮城県", "Miyagi"),
    P05(5, "秋田県", "Akita"),
    P06(6, "山形県", "Yamagata"),
    P07(7, "福島県", "Fukushima"),
    P08(8, "茨城県", "Ibaraki"),
    P09(9, "栃木県", "Tochigi"),
    P10(10, "群馬県", "Gunma"),
    P11(11, "埼玉県", "Saitama"),
    P12(12, "千葉県", "Chiba"),
    P13(13, "東京都", "Tokyo"),
    P14(14, "神奈川県", "Kanagawa"),
    P15(15, "新潟県", "Niigata"),
    P16(16, "富山県", "Toyama"),
    P17(17, "石川県", "Ishikawa"),
    P18(18, "福井県", "Fukui"),
    P19(19, "山梨県", "Yamanashi"),
    P20(20, "長野県", "Nagano"),
    P21(21, "岐阜県", "Gifu"),
    P22(22, "静岡県", "Shizuoka"),
    P23(23, "愛知県", "Aichi"),
    P24(24, "三重県", "Mie"),
    P25(25, "滋賀県", "Shiga"),
    P26(26, "京都府", "Kyoto"),
    P27(27, "大阪府", "Osaka"),
    P28(28, "兵庫県", "Hyogo"),
    P29(29, "奈良県", "Nara"),
    P30(30, "和歌山県", "Wakayama"),
    P31(31, "鳥取県", "Tottori"),
    P32(32, "島根県", "Shimane"),
    P33(33, "岡山県", "Okayama"),
    P34(34, "広島県", "Hiroshima"),
    P35(35, "山口県", "Yamaguchi"),
    P36(36, "徳島県", "Tokushima"),
    P37(37, "香川県", "Kagawa"),
    P38(38, "愛媛県", "Ehime"),
    P39(39, "高知県", "Kochi"),
    P40(40, "福岡県", "Fukuoka"),
    P41(41, "佐賀県", "Saga"),
    P42(42, "長崎県", "Nagasaki"),
    P43(43, "熊本県", "Kumamoto"),
    P44(44, "大分県", "Oita"),
    P45(45, "宮崎県", "Miyazaki"),
    P46(46, "鹿児島県", "Kagoshima"),
    P47(47, "沖縄県", "Okinawa");

    private final int code;
    private final LocalizedText name;

    Prefecture(int code, String ja, String en) {
        this.code = code;
        this.name = new LocalizedText(ja, en);
    }

    public static Prefecture byCode(int code) {
        if (code < 1 || code > 47) {
            throw new IllegalArgumentException("No prefecture " + code);
        }
        return values()[code - 1];
    }

    public int code() {
        return code;
    }

    /** Two-digit code as written in local government codes, e.g. {@code 08}. */
    public String twoDigitCode() {
        return String.format("%02d", code);
    }

    public LocalizedText displayName() {
        return name;
    }
}
