/**
 * What the planning module's documents share: 部の運営方針 (department operating policies), 課の業務計画
 * (division business plans) and 行政改革 (administrative reform items) keep their lists as JSON text.
 */
package jp.machi.planning.document;
