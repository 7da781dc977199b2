/** シティプロモーション: fan club, hometown-tax donations, migration and vacant houses, PR channels. */
package jp.machi.promotion;
