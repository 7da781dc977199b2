/** 組織 model: units with validity periods, successions, the chart of one municipality and its rules. */
package jp.machi.core.organization.domain;
