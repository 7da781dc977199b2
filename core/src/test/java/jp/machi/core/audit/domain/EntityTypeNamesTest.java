package jp.machi.core.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jp.machi.core.indicator.domain.Indicator;
import org.junit.jupiter.api.Test;

class EntityTypeNamesTest {

    @Test
    void coreEntitiesGoByTheirSimpleName() {
        assertEquals("Indicator", EntityTypeNames.of(Indicator.class));
    }

    @Test
    void aModulesEntitiesGoByModuleAndSimpleNameTheDeepestPackageWinning() {
        EntityTypeNames.registerModule("outer", "org.junit");
        EntityTypeNames.registerModule("inner", "org.junit.jupiter.api");
        assertEquals("inner.Test", EntityTypeNames.of(Test.class));
        assertEquals("outer.Testable", EntityTypeNames.of(org.junit.platform.commons.annotation.Testable.class));
    }

    @Test
    void coreCannotBeClaimedByAModule() {
        EntityTypeNames.registerModule("thief", "jp.machi.core");
        assertEquals("Indicator", EntityTypeNames.of(Indicator.class));
    }

    @Test
    void anEntityOfNoModuleGoesByItsSimpleName() {
        assertEquals("String", EntityTypeNames.of(String.class));
    }
}
