/** 組織 use cases: reading the tree and its history, registering and correcting units, reorganising. */
package jp.machi.core.organization.application;
