/** 総合計画・事務事業評価・部の運営方針・課の業務計画・行政改革: the planning division's work. */
package jp.machi.planning;
