/**
 * 組織: the municipality's organisational units (部 → 課 → 係/室) as one tree with history. Every
 * April's reorganisation closes units and opens their successors; nothing is overwritten, so what
 * belonged to a renamed or merged unit can still be found through its lineage.
 */
package jp.machi.core.organization;
