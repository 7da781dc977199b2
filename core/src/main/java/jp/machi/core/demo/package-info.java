/** Demo data (MACHI_DEMO=true): the seed documents' municipalities, units and indicators, loaded into an empty database. */
package jp.machi.core.demo;
