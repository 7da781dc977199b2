package jp.machi.promotion.donation.domain;

/**
 * 地場産品基準: the grounds of the Minister for Internal Affairs and Communications' notice on
 * hometown-tax donations (平成31年総務省告示第179号 第5条 各号) under which a return gift counts as a
 * local product. Each constant is one 号 of article 5; the labels shown to people are in the
 * module's messages ({@code promotion.ground.<NAME>}).
 */
public enum LocalProductGround {
    /** 第1号: 区域内で生産されたもの. */
    PRODUCED_LOCALLY(1),
    /** 第2号: 原材料の主要な部分が区域内で生産されたもの. */
    MAIN_INGREDIENTS_LOCAL(2),
    /** 第3号: 製造・加工その他の工程の主要な部分を区域内で行い相応の付加価値が生じているもの. */
    PROCESSED_LOCALLY(3),
    /** 第4号: 近隣の市区町村の産品との混在が流通構造上やむを得ないもの. */
    MIXED_WITH_NEIGHBOURS(4),
    /** 第5号: 地方団体の広報の目的で生産された、その地方団体のキャラクターグッズ・オリジナルグッズ等. */
    PROMOTIONAL_GOODS(5),
    /** 第6号: 地場産品と関連のある他の物品等を合わせて提供するもの (地場産品が価値の主要な部分). */
    SET_WITH_LOCAL_PRODUCT(6),
    /** 第7号: 区域内で提供される役務その他これに準ずるもので、主要な部分が区域に相当程度関連するもの. */
    LOCAL_SERVICE(7),
    /** 第8号: 都道府県・近隣市町村と共通の返礼品等 (地域資源として認めたもの). */
    SHARED_REGIONAL(8),
    /** 第9号: 災害等により区域外へ避難した事業者が区域外で生産等したもの. */
    EVACUATED_PRODUCER(9);

    private final int item;

    LocalProductGround(int item) {
        this.item = item;
    }

    /** The 号 of article 5 (1–9). */
    public int item() {
        return item;
    }
}
