/**
 * Module descriptors that are broken on purpose, and an endpoint without an access rule, for the
 * black-box tests of a vendor build ({@code it/…/VendorBuildIT}). Not a module anyone should ship.
 */
package jp.machi.itfixtures;
