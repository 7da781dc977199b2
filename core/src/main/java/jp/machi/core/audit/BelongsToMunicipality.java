package jp.machi.core.audit;

/**
 * A row that is not {@link jp.machi.core.persistence.TenantOwned} yet is one municipality's (the
 * municipality itself): its audit events are listed under that municipality. Rows that are
 * neither are platform-level and their events carry no municipality.
 */
public interface BelongsToMunicipality {

    /** The local government code of the municipality this row belongs to. */
    String municipalityCode();
}
