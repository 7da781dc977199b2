/** 広報コンテンツ (PR content items): the articles, posts, programmes and releases published on the municipality's PR channels, with date and responsible unit. */
package jp.machi.promotion.prcontent;
