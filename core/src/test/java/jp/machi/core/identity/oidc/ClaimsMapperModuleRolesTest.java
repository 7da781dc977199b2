package jp.machi.core.identity.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimsMapperModuleRolesTest {

    @Test
    void moduleRolesComeFromAListOrAStringAndOddNamesAreIgnored() {
        assertEquals(Set.of("planning.evaluator", "planning.editor"),
                ClaimsMapper.moduleRoles(List.of("planning.evaluator", "planning.editor", "admin", 3)));
        assertEquals(Set.of("planning.evaluator", "engagement.answerer"),
                ClaimsMapper.moduleRoles("planning.evaluator, engagement.answerer  STAFF"));
        assertEquals(Set.of(), ClaimsMapper.moduleRoles(null));
        assertEquals(Set.of(), ClaimsMapper.moduleRoles("Planning.Evaluator"));
    }
}
