package jp.machi.promotion.vacanthouse.domain;

/** 賃貸 or 売買 or either; labels in the bundle under promotion.dealType.*. */
public enum DealType {
    RENT,
    SALE,
    RENT_OR_SALE
}
