/** 広聴: citizen voices, proposals, town meetings, surveys, public comment, Open311. */
package jp.machi.engagement;
