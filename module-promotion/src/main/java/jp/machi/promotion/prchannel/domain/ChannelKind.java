package jp.machi.promotion.prchannel.domain;

/** The kind of a PR channel: 広報紙, ホームページ, SNS, ケーブルテレビ, データ放送, 報道発表 (press releases), その他. */
public enum ChannelKind {
    BULLETIN, WEBSITE, SNS, CABLE_TV, DATA_BROADCASTING, PRESS_RELEASE, OTHER
}
