/**
 * 事務事業: administrative programs, the unit of budget and evaluation. This first slice keeps what
 * the program list of seed 000 holds (number, name, division, purpose, overview, results per fiscal
 * year) and publishes the number of programs per fiscal year as a metric; evaluation sheets, costs
 * and imports come with the planning issue.
 */
package jp.machi.planning.program;
