/** 市民協働: partners, collaborative projects, grants, sponsorship approvals, community facilities. */
package jp.machi.collaboration;
