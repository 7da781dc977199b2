/**
 * The yearly cycle (issue 5): starting a fiscal year by copying the previous year's administrative
 * programs, department operating policies and division business plans in one action, the old year
 * staying as it was.
 */
package jp.machi.planning.yearcycle;
