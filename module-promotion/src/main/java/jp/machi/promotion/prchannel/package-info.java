/** 広報 (PR channels): the municipality's channels (広報紙, website, SNS accounts, cable TV, data broadcasting, press releases) and their monthly figures. */
package jp.machi.promotion.prchannel;
