/** 年度: the April–March fiscal year as a value type, with wareki labels, parsing, JSON and JPA mapping. */
package jp.machi.core.fiscalyear;
