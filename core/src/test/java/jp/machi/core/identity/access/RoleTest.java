package jp.machi.core.identity.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void eachRoleIncludesItselfAndTheOnesBelow() {
        Role[] order = {Role.VIEWER, Role.STAFF, Role.MUNICIPALITY_ADMIN, Role.PLATFORM_ADMIN};
        for (int i = 0; i < order.length; i++) {
            for (int j = 0; j < order.length; j++) {
                assertEquals(i >= j, order[i].includes(order[j]), order[i] + " includes " + order[j]);
            }
        }
    }

    @Test
    void aCallerOfAMunicipalityBelongsToItAloneAndAPlatformAdministratorToAll() {
        Caller admin = new Caller("a", "a", Role.MUNICIPALITY_ADMIN, "082201", null, Caller.Method.PASSWORD);
        assertTrue(admin.belongsTo("082201"));
        assertFalse(admin.belongsTo("202070"));
        Caller platform = new Caller("p", "p", Role.PLATFORM_ADMIN, null, null, Caller.Method.PASSWORD);
        assertTrue(platform.belongsTo("202070"));
    }

    @Test
    void onlyAPlatformAdministratorMayBelongToNoMunicipality() {
        assertThrows(IllegalArgumentException.class,
                () -> new Caller("s", "s", Role.STAFF, null, null, Caller.Method.API_TOKEN));
    }

    @Test
    void rolesHaveJapaneseAndEnglishLabels() {
        assertEquals("団体管理者", Role.MUNICIPALITY_ADMIN.label().ja());
        assertEquals("Viewer", Role.VIEWER.label().en());
    }
}
