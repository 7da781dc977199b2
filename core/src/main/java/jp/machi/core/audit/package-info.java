/**
 * 監査証跡 (audit trail): every create, update and delete of every entity, of core and of every
 * module, recorded with who, which municipality, when, which entity and what changed, in the same
 * transaction as the change; and explicit records of full reads of personal data.
 *
 * <p>Entities need do nothing to be audited. What they may declare: {@link
 * jp.machi.core.audit.NotAudited} (not recorded at all), {@link jp.machi.core.audit.AuditMasked}
 * (an attribute recorded as changed, its values withheld) and {@link
 * jp.machi.core.audit.BelongsToMunicipality} (a row that is not tenant-owned but is still one
 * municipality's). Modules record full reads of personal data with {@link
 * jp.machi.core.audit.application.AuditTrail#personalDataRead}.
 */
package jp.machi.core.audit;
