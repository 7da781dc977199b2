package jp.machi.core.organization.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a new organisational unit is to be: its code, names, kind and parent. Its dates come from
 * the operation that creates it (a registration, or the effective date of a reorganisation).
 */
public record UnitDraft(String code, String nameJa, String nameKana, String nameEn, UnitKind kind, UUID parentId) {

    OrganizationUnit startingOn(LocalDate validFrom) {
        return new OrganizationUnit(code, nameJa, nameKana, nameEn, kind, parentId, validFrom);
    }
}
