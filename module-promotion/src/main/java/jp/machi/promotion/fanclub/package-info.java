/** ファンクラブ (fan club): members who sign up on the portal, confirm by e-mail and may leave; their counts by place of residence (関係人口) and newsletters. */
package jp.machi.promotion.fanclub;
