package jp.machi.core.intake;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Plain SQL on intake's technical tables. EclipseLink refuses native SQL in a persistence unit with
 * multitenant entities (it could bypass the tenant filter); these tables are not entities and every
 * statement names {@code municipality_code} itself, so each query allows it explicitly.
 */
final class NativeSql {

    /** EclipseLink's QueryHints.ALLOW_NATIVE_SQL_QUERY. */
    private static final String ALLOW = "eclipselink.jdbc.allow-native-sql-query";

    private NativeSql() {
    }

    static Query of(EntityManager em, String sql) {
        return em.createNativeQuery(sql).setHint(ALLOW, true);
    }
}
